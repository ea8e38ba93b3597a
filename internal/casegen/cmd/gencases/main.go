// Command gencases writes generated cases as JSON Lines, for investigating
// the differential tests by hand:
//
//	go run ./internal/casegen/cmd/gencases -seed 1 -n 100 > cases.jsonl
//	go run ./internal/casegen/cmd/gencases -seed 1 -n 100 -features
//
// With -features it prints each case's id and feature tags instead.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/deniedhq/denied/internal/casegen"
)

func main() {
	seed := flag.Uint64("seed", 1, "generator seed")
	n := flag.Int("n", 100, "number of cases")
	features := flag.Bool("features", false, "print id and feature tags instead of the cases")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	g := casegen.New(*seed)
	for range *n {
		c := g.NextCase()
		if *features {
			fmt.Fprintf(w, "%s %s\n", c.ID, strings.Join(c.Features, " "))
			continue
		}
		w.Write(c.JSON)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
