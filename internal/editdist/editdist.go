// Package editdist is the Levenshtein distance the "did you mean"
// suggestions of the CLI (flags) and of catalog/backupops (resource types)
// share. It is a leaf: it imports only the standard library. (The action
// and condition-key suggestions of package catalog use their own bounded
// optimal-string-alignment distance, which reuses its buffers across a
// whole catalog scan.)
package editdist

// Distance is the Levenshtein distance of a and b, in bytes (the names
// compared are ASCII).
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
