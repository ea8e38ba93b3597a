// Package authzmsg reads AWS access-denied text in every form it comes in
// and turns it into a structured Denial: who was refused, which action on
// which resource, which policy type said no and whether the deny was
// explicit.
//
// Parse accepts the plain IAM message ("User: ... is not authorized to
// perform: ... because no identity-based policy allows ..."), its legacy and
// abridged variants, the renderings of the AWS CLI, the Go, JavaScript and
// Java SDKs and Terraform, CloudTrail events, AWS Backup job status
// messages, console text with an encoded authorization failure message (in
// any language around it), and the output of aws sts
// decode-authorization-message. ParseDecoded reads that decoded document on
// its own.
//
// The encoded message is decoded through the Decoder port; package
// authzmsg/sts implements it with the AWS SDK for Go v2, and Decode applies
// the result to a Denial. Parsing never touches the network.
//
// authzmsg must not import the AWS SDK (or any package that does): the
// offline commands and diagnose link it, and the SDK's initialisation would
// cost every one of them at start.
package authzmsg
