package account

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
)

// An organization snapshot is a directory (written by `denied collect
// --org`): an index, OrgIndexFile, describing the organization and listing
// every account with its status, plus one snapshot file per collected
// account in the single-account format. See README.md.

// OrgSchemaVersion is the version of the organization index format.
const OrgSchemaVersion = 1

// OrgIndexFile is the name of the index inside an organization snapshot
// directory.
const OrgIndexFile = "organization.json"

// Statuses of an account in the index.
const (
	// AccountCollected: the account's snapshot is in File (it may be
	// partial: Unreadable counts the calls that failed).
	AccountCollected = "collected"
	// AccountFailed: the account could not be collected (the role could
	// not be assumed, nothing could be read); Error says why. No file.
	AccountFailed = "failed"
	// AccountSkipped: the account was not tried (not ACTIVE); Error says why.
	AccountSkipped = "skipped"
	// AccountInterrupted: the run stopped before the account was done.
	AccountInterrupted = "interrupted"
)

// OrgIndex is the index of an organization snapshot.
type OrgIndex struct {
	// SchemaVersion is the index format version, OrgSchemaVersion (required).
	SchemaVersion int    `json:"schemaVersion" account:"required"`
	Generator     string `json:"generator,omitempty"`
	// CollectedAt is when the run that wrote the index started (RFC 3339).
	CollectedAt string `json:"collectedAt,omitempty"`
	// CollectorAccountID is the account whose credentials listed the
	// organization (the management account or a delegated administrator).
	CollectorAccountID string `json:"collectorAccountId,omitempty"`
	Partition          string `json:"partition,omitempty"`
	// RoleName is the role assumed in the other accounts.
	RoleName string `json:"roleName,omitempty"`
	// Organization is the whole tree with its SCPs and RCPs; absent when it
	// could not be read (see Unreadable).
	Organization *Organization `json:"organization,omitempty"`
	// BackupGlobalSettings are AWS Backup's organization settings
	// (backup:DescribeGlobalSettings), per region read.
	BackupGlobalSettings []BackupGlobalSettings `json:"backupGlobalSettings,omitempty"`
	// Unreadable lists the organization-level calls that failed.
	Unreadable []Unreadable `json:"unreadable,omitempty"`
	// Accounts are every account organizations:ListAccounts returned, by id.
	Accounts []OrgIndexAccount `json:"accounts"`
}

// BackupGlobalSettings is the answer of backup:DescribeGlobalSettings in a
// region: isCrossAccountBackupEnabled and the other flags, as AWS gives
// them ("true"/"false").
type BackupGlobalSettings struct {
	Region         string            `json:"region" account:"required"`
	Settings       map[string]string `json:"settings"`
	LastUpdateTime string            `json:"lastUpdateTime,omitempty"`
}

// OrgIndexAccount is one account of the organization in the index.
type OrgIndexAccount struct {
	ID   string `json:"id" account:"required"`
	Name string `json:"name,omitempty"`
	// State is the account's state in Organizations (ACTIVE, SUSPENDED...).
	State string `json:"state,omitempty"`
	// Status is AccountCollected, AccountFailed, AccountSkipped or
	// AccountInterrupted (required).
	Status string `json:"status" account:"required"`
	// File is the account's snapshot, relative to the directory (collected
	// accounts only).
	File        string `json:"file,omitempty"`
	CollectedAt string `json:"collectedAt,omitempty"`
	// Unreadable is the number of calls that failed in the account's
	// snapshot (listed there).
	Unreadable int `json:"unreadable,omitempty"`
	// Error says why the account was not collected.
	Error string `json:"error,omitempty"`
}

// AccountFileName is the file name of an account's snapshot in an
// organization snapshot directory.
func AccountFileName(accountID string) string { return accountID + ".json" }

// ParseOrgIndex reads an organization index strictly, like Parse: unknown
// fields, wrong types, missing required fields, bad statuses, file names
// outside the directory and policy documents with errors are *Error with
// the JSON pointer.
func ParseOrgIndex(data []byte) (*OrgIndex, error) {
	x := new(OrgIndex)
	if err := decodeStrict(data, x); err != nil {
		return nil, err
	}
	if x.SchemaVersion == 0 {
		return nil, &Error{Pointer: "/schemaVersion", Message: `missing required field "schemaVersion"`}
	}
	if x.SchemaVersion > OrgSchemaVersion || x.SchemaVersion < 1 {
		return nil, &Error{Pointer: "/schemaVersion", Message: fmt.Sprintf("unsupported organization index version %d (this build reads %d)", x.SchemaVersion, OrgSchemaVersion)}
	}
	v := validator{parsed: make(map[string]struct{})}
	if err := v.walk(reflect.ValueOf(x).Elem(), ""); err != nil {
		return nil, err
	}
	if o := x.Organization; o != nil {
		if err := (&Snapshot{Organization: o}).checkEnums(); err != nil {
			return nil, err
		}
	}
	for i, a := range x.Accounts {
		p := "/accounts/" + strconv.Itoa(i)
		switch a.Status {
		case AccountCollected:
			if a.File == "" {
				return nil, &Error{Pointer: p + "/file", Message: "a collected account needs its file"}
			}
			if a.File != filepath.Base(a.File) || strings.ContainsAny(a.File, `/\`) || a.File == ".." || a.File == "." {
				return nil, &Error{Pointer: p + "/file", Message: fmt.Sprintf("file %q must be a plain name inside the directory", a.File)}
			}
		case AccountFailed, AccountSkipped, AccountInterrupted:
		default:
			return nil, &Error{Pointer: p + "/status", Message: fmt.Sprintf("status %q: want %q, %q, %q or %q", a.Status, AccountCollected, AccountFailed, AccountSkipped, AccountInterrupted)}
		}
	}
	return x, nil
}

// ReadOrgIndex reads the index of the organization snapshot in dir.
func ReadOrgIndex(dir string) (*OrgIndex, error) {
	path := filepath.Join(dir, OrgIndexFile)
	data, err := readFileLimited(path)
	if err != nil {
		return nil, err
	}
	x, err := ParseOrgIndex(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return x, nil
}

// WriteOrgIndex writes x as dir's index (mode 0600, atomically).
func WriteOrgIndex(dir string, x *OrgIndex) error {
	if x.SchemaVersion == 0 {
		c := *x
		c.SchemaVersion = OrgSchemaVersion
		x = &c
	}
	return writeJSONFile(filepath.Join(dir, OrgIndexFile), x)
}

// IsOrgDir reports whether path is an organization snapshot directory.
func IsOrgDir(path string) bool {
	fi, err := os.Stat(filepath.Join(path, OrgIndexFile))
	return err == nil && fi.Mode().IsRegular()
}

// Org is an opened organization snapshot: its index, read at once; the
// accounts are read one at a time by Accounts.
type Org struct {
	Dir   string
	Index *OrgIndex
}

// ErrNotOrgDir is returned by OpenOrg for a directory without an index.
var ErrNotOrgDir = errors.New("not an organization snapshot (no " + OrgIndexFile + ")")

// OpenOrg reads the index of the organization snapshot in dir.
func OpenOrg(dir string) (*Org, error) {
	x, err := ReadOrgIndex(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotOrgDir)
	}
	if err != nil {
		return nil, err
	}
	return &Org{Dir: dir, Index: x}, nil
}

// OrgMember is one account of an organization snapshot: its index entry
// and, for a collected account, its snapshot (nil otherwise: the entry's
// Status and Error say why).
type OrgMember struct {
	Account  OrgIndexAccount
	Snapshot *Snapshot
}

// Accounts iterates over the accounts of the index, in its order, loading
// each collected account's file (with Load) only when its turn comes, so
// that one account at a time is in memory. A file that cannot be read, or
// that holds another account, is yielded as an error naming the file, with
// the member's Snapshot nil; the iteration goes on if the loop does.
func (o *Org) Accounts() iter.Seq2[OrgMember, error] {
	return func(yield func(OrgMember, error) bool) {
		for _, a := range o.Index.Accounts {
			m := OrgMember{Account: a}
			var err error
			if a.Status == AccountCollected {
				m.Snapshot, err = o.LoadAccount(a)
			}
			if !yield(m, err) {
				return
			}
		}
	}
}

// LoadAccount loads the snapshot of a collected account of the index.
func (o *Org) LoadAccount(a OrgIndexAccount) (*Snapshot, error) {
	if a.Status != AccountCollected {
		return nil, fmt.Errorf("account %s was not collected (%s): %s", a.ID, a.Status, a.Error)
	}
	path := filepath.Join(o.Dir, a.File)
	// Only a regular file (or a link to one): collect --org writes
	// nothing else, and opening a FIFO would wait for a writer, reading a
	// device (a link to /dev/zero) would not end before the size limit.
	if err := checkRegular(path); err != nil {
		return nil, err
	}
	s, err := LoadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if s.AccountID != a.ID {
		return nil, fmt.Errorf("%s: holds account %s, not %s as %s says", path, s.AccountID, a.ID, OrgIndexFile)
	}
	return s, nil
}

// ForAccount is the part of the organization that applies to accountID:
// the root, the OUs from the root to the account, the account itself, and
// the SCPs and RCPs attached to any of these (with only those targets). It
// is what SCPLevels and RCPLevels read, without the rest of a large
// organization. It returns nil for a nil organization, and an organization
// without the account when the account is not in it.
func (o *Organization) ForAccount(accountID string) *Organization {
	if o == nil {
		return nil
	}
	out := &Organization{ID: o.ID, ManagementAccountID: o.ManagementAccountID, RootID: o.RootID}
	parent := ""
	for _, a := range o.Accounts {
		if a.ID == accountID {
			out.Accounts = []OrgAccount{a}
			parent = a.ParentID
			break
		}
	}
	onPath := map[string]bool{o.RootID: true}
	if parent != "" {
		onPath[accountID] = true
		ous := make(map[string]OrganizationalUnit, len(o.OUs))
		for _, ou := range o.OUs {
			ous[ou.ID] = ou
		}
		var chain []OrganizationalUnit
		for id := parent; id != o.RootID && !onPath[id]; {
			ou, ok := ous[id]
			if !ok {
				break // SCPLevels reports the broken chain
			}
			onPath[id] = true
			chain = append(chain, ou)
			id = ou.ParentID
		}
		for i := len(chain) - 1; i >= 0; i-- {
			out.OUs = append(out.OUs, chain[i])
		}
	}
	for _, p := range o.Policies {
		var ts []string
		for _, t := range p.Targets {
			if onPath[t] {
				ts = append(ts, t)
			}
		}
		if len(ts) > 0 {
			p.Targets = ts
			out.Policies = append(out.Policies, p)
		}
	}
	return out
}

// writeJSONFile writes v as indented JSON to path, mode 0600, replacing
// the file atomically (a temporary file renamed).
func writeJSONFile(path string, v any) error {
	return writeAtomic(path, ".index-*", func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// checkRegular refuses path unless it is a regular file or a link to one,
// naming the path and what it is instead (a FIFO, a device, a directory, a
// loop of links, a missing file, a permission denied).
func checkRegular(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file (%s)", path, fileKind(fi.Mode()))
	}
	return nil
}

// fileKind names what a file that is not regular is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// readFileLimited reads the regular file at path within the snapshot
// size limit (MaxSizeEnv), uncompressed JSON only. Its errors name path.
func readFileLimited(path string) ([]byte, error) {
	if err := checkRegular(path); err != nil {
		return nil, err
	}
	limit, err := maxSize()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readLimited(&jsonStart{r: f}, sizeHint(f), limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}
