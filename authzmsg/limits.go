package authzmsg

// MaxText is the most plain text ParseAll reads, in bytes (after removing
// colours, carriage returns and Terraform's margin); JSON input (CloudTrail
// logs) is read whole. Callers with longer text say what was not read.
const MaxText = maxText
