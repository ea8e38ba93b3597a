//go:build race

package account

// raceEnabled: the race detector slows decompression about fiftyfold.
const raceEnabled = true
