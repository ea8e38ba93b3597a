# The same gates locally and in CI (.ci/run calls these).
GO        ?= go
FUZZTIME  ?= 15s
BENCHTIME ?= 1s
STATICCHECK_VERSION ?= v0.8.1
GOBIN     := $(shell $(GO) env GOPATH)/bin

.PHONY: all build test test-quick test-race lint fuzz bench bench-vs generate tools clean

all: lint test

build:
	$(GO) build -o denied ./cmd/denied

## test: every unit, conformance, golden and differential test, under the
## race detector (what CI runs).
test:
	$(GO) test -race -count=1 ./...

## test-quick: the same without the race detector (about 3x faster).
test-quick:
	$(GO) test -count=1 ./...

## test-race: an alias of test, kept for scripts that call it.
test-race: test

## lint: gofmt, go vet, staticcheck.
lint: tools
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GOBIN)/staticcheck ./...

tools:
	@test -x $(GOBIN)/staticcheck || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

## fuzz: run every fuzz target for FUZZTIME each (see .ci/fuzz.sh).
fuzz:
	FUZZTIME=$(FUZZTIME) bash .ci/fuzz.sh

## bench: the benchmarks (engine at 1x/10x/100x, simulate end to end).
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

## bench-vs: denied simulate --jsonl against the npm oracle, same cases, same run.
bench-vs:
	$(GO) run ./internal/difftest/cmd/benchvs

generate:
	$(GO) generate ./...

clean:
	rm -f denied
