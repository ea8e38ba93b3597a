package authz

import "github.com/deniedhq/denied/catalog"

// rcpSupported reports whether resource control policies apply to the
// service's resources (from the embedded service catalog).
var rcpSupported = catalog.RCPSupported
