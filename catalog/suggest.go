package catalog

import (
	"math/bits"
	"sort"
	"strings"
	"sync"
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
//
// It costs tens of microseconds for a name with a service prefix (cheap
// bounds skip most of the catalog before any edit distance is computed),
// and the last suggestCacheSize answers are kept, so a stream that repeats
// an unknown action pays once.
func SuggestAction(name string) []string {
	suggestCacheMu.Lock()
	out, ok := suggestCache[name]
	suggestCacheMu.Unlock()
	if !ok {
		out = get().suggestAction(name)
		suggestCacheMu.Lock()
		if len(suggestCache) >= suggestCacheSize {
			clear(suggestCache)
		}
		suggestCache[name] = out
		suggestCacheMu.Unlock()
	}
	return append([]string(nil), out...)
}

// suggestCacheSize bounds the answers SuggestAction keeps.
const suggestCacheSize = 4096

var (
	suggestCacheMu sync.Mutex
	suggestCache   = map[string][]string{}
)

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
	idx := d.suggestIndex()
	services := d.services // all decoded by suggestIndex
	am, ah := letterMask(act), letterHist(act)
	sm, sh := letterMask(svc), letterHist(svc)
	near := make([]bool, len(services))
	for si := range services {
		s := &services[si]
		same := hasColon && s.lower == svc
		var penalty int
		near[si] = true
		switch {
		case same:
		case !hasColon:
			penalty = 1
		case abs(len(svc)-len(s.lower)) > maxSvc || bits.OnesCount64(sm&^idx.svcMasks[si]) > maxSvc || bits.OnesCount64(idx.svcMasks[si]&^sm) > maxSvc ||
			histDistance(&sh, &idx.svcHists[si]) > 2*maxSvc:
			near[si] = false // far, by the cheap bounds
		default:
			ds := dl.distance(svc, s.lower, maxSvc)
			near[si] = ds <= maxSvc
			penalty = 1 + min(ds, maxSvc)
		}
		if !near[si] {
			continue // its action of exactly that name is added below
		}
		masks := idx.masks[si]
		for i, la := range s.actLower {
			var da int
			if la != act {
				// A truncated name: lambda:Invoke for lambda:InvokeFunction.
				prefix := len(act) >= minPrefix && len(la) > len(act) && la[:len(act)] == act
				// Cheap bounds first: each edit changes the length by one
				// at most, and brings in or takes out at most one letter
				// that only one of the names has, and changes the letter
				// counts by two at most.
				if !prefix && (abs(len(la)-len(act)) > maxAct || bits.OnesCount64(am&^masks[i]) > maxAct || bits.OnesCount64(masks[i]&^am) > maxAct ||
					histDistance(&ah, &idx.hists[si][i]) > 2*maxAct) {
					continue
				}
				da = dl.distance(act, la, maxAct)
				if prefix {
					da = min(da, prefixCost)
				}
				if da > maxAct {
					continue
				}
			}
			cands = append(cands, cand{&s.actions[i], da + penalty, same, idx.offset[si] + i + 1})
		}
	}
	// Actions with exactly that name in services whose prefix is not
	// close ("s3:CreateRole" suggests iam:CreateRole).
	for _, r := range idx.byName[act] {
		if !near[r.svc] {
			cands = append(cands, cand{&services[r.svc].actions[r.i], 1 + maxSvc, false, idx.offset[r.svc] + int(r.i) + 1})
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

// suggestIdx is what SuggestAction reads besides the catalog, built once
// per catalog: where each action name appears, each action's letter mask,
// and each service's first rank.
type suggestIdx struct {
	byName map[string][]actRef // lower-case action name -> its actions
	masks  [][]uint64          // per service, per action: letterMask
	hists  [][]hist            // per service, per action: letterHist
	offset []int               // per service: actions in the services before
	// Per service: its prefix's letterMask and letterHist.
	svcMasks []uint64
	svcHists []hist
}

type actRef struct{ svc, i int32 }

var (
	suggestMu   sync.Mutex
	suggestIdxs = map[*db]*suggestIdx{}
)

func (d *db) suggestIndex() *suggestIdx {
	suggestMu.Lock()
	defer suggestMu.Unlock()
	if idx, ok := suggestIdxs[d]; ok {
		return idx
	}
	services := d.all()
	idx := &suggestIdx{byName: map[string][]actRef{}, masks: make([][]uint64, len(services)), hists: make([][]hist, len(services)), offset: make([]int, len(services))}
	idx.svcMasks, idx.svcHists = make([]uint64, len(services)), make([]hist, len(services))
	n := 0
	for si := range services {
		s := &services[si]
		idx.svcMasks[si], idx.svcHists[si] = letterMask(s.lower), letterHist(s.lower)
		idx.offset[si] = n
		n += len(s.actLower)
		idx.masks[si] = make([]uint64, len(s.actLower))
		idx.hists[si] = make([]hist, len(s.actLower))
		for i, la := range s.actLower {
			idx.masks[si][i] = letterMask(la)
			idx.hists[si][i] = letterHist(la)
			idx.byName[la] = append(idx.byName[la], actRef{int32(si), int32(i)})
		}
	}
	suggestIdxs[d] = idx
	return idx
}

// letterMask has one bit per letter or digit s holds (other bytes share
// the remaining bits, which only weakens the bound it gives).
func letterMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			m |= 1 << (c - 'a')
		case '0' <= c && c <= '9':
			m |= 1 << (26 + c - '0')
		default:
			m |= 1 << (36 + c%28)
		}
	}
	return m
}

// hist counts the bytes of a name in 32 buckets (c%32, which keeps letters
// apart), up to 255 each.
type hist [32]uint8

func letterHist(s string) hist {
	var h hist
	for i := 0; i < len(s); i++ {
		if b := &h[s[i]%32]; *b < 255 {
			*b++
		}
	}
	return h
}

// histDistance is the L1 distance of two histograms: each edit changes it
// by two at most, so the edit distance is at least half of it.
func histDistance(a, b *hist) int {
	d := 0
	for i := range a {
		d += abs(int(a[i]) - int(b[i]))
	}
	return d
}
