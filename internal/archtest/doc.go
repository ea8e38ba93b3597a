// Package archtest holds no code: its tests check the architecture, what
// each package may link. It must not be imported.
package archtest
