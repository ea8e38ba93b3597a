package catalog

import (
	"sort"
	"strings"
)

// maxSuggestions is the most SuggestAction returns.
const maxSuggestions = 3

// SuggestAction returns up to three known actions ("service:Name", canonical
// case) that name was probably meant to be, best first, for "did you mean"
// messages. A name that exists (in any case) yields just its canonical
// spelling. Otherwise candidates are ranked by the Damerau-Levenshtein
// distance between action names, plus a penalty when the service differs:
// actions of the named service come first on ties, then those of services
// whose prefix is close to the one given ("backups:StartRestoreJob" suggests
// backup:StartRestoreJob), then actions with exactly that name in any service
// ("s3:CreateRole" also suggests iam:CreateRole). A truncated name counts as
// two edits ("lambda:Invoke" suggests lambda:InvokeFunction). A name without
// a service prefix is looked up in every service. Wildcard patterns are not
// expanded.
func SuggestAction(name string) []string { return get().suggestAction(name) }

func (d *db) suggestAction(name string) []string {
	name = strings.TrimSpace(name)
	if a, ok := d.lookupAction(name); ok {
		return []string{a.FullName()}
	}
	ln := lowerASCII(name)
	svc, act, hasColon := strings.Cut(ln, ":")
	if !hasColon {
		svc, act = "", ln
	}
	if act == "" {
		return nil
	}
	maxAct := len(act)/4 + 1
	if maxAct > 4 {
		maxAct = 4
	}
	const maxSvc = 2 // edits to a service prefix still worth considering

	type cand struct {
		a    *Action
		cost int
		same bool
		rank int // order in the catalog, for stable ties
	}
	var cands []cand
	var dl editDistance
	services := d.all()
	rank := 0
	for si := range services {
		s := &services[si]
		same := hasColon && s.lower == svc
		var penalty int
		near := true
		switch {
		case same:
		case !hasColon:
			penalty = 1
		default:
			ds := dl.distance(svc, s.lower, maxSvc)
			near = ds <= maxSvc
			penalty = 1 + min(ds, maxSvc)
		}
		for i, la := range s.actLower {
			rank++
			var da int
			switch {
			case la == act:
			case !near:
				continue
			default:
				da = dl.distance(act, la, maxAct)
				if len(act) >= minPrefix && strings.HasPrefix(la, act) {
					// A truncated name: lambda:Invoke for
					// lambda:InvokeFunction.
					da = min(da, prefixCost)
				}
				if da > maxAct {
					continue
				}
			}
			cands = append(cands, cand{&s.actions[i], da + penalty, same, rank})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.cost != b.cost {
			return a.cost < b.cost
		}
		if a.same != b.same {
			return a.same
		}
		return a.rank < b.rank
	})
	var out []string
	for _, c := range cands {
		if len(out) == maxSuggestions {
			break
		}
		out = append(out, c.a.FullName())
	}
	return out
}

// A prefix of an action name of at least minPrefix characters counts as
// prefixCost edits.
const (
	minPrefix  = 4
	prefixCost = 2
)

// editDistance computes the optimal string alignment distance (Damerau-
// Levenshtein with adjacent transpositions, no substring edited twice),
// reusing its rows between calls.
type editDistance struct {
	prev2, prev, cur []int
}

// distance returns the distance between a and b, or max+1 when it exceeds max.
func (e *editDistance) distance(a, b string, max int) int {
	if abs(len(a)-len(b)) > max {
		return max + 1
	}
	n := len(b)
	if cap(e.cur) < n+1 {
		e.prev2, e.prev, e.cur = make([]int, n+1), make([]int, n+1), make([]int, n+1)
	}
	prev2, prev, cur := e.prev2[:n+1], e.prev[:n+1], e.cur[:n+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[n] > max {
		return max + 1
	}
	return prev[n]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
