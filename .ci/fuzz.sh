#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each. A real failure
# writes a failing input (testdata/fuzz/...) and fails the run. Go's fuzzer
# can also stop with "context deadline exceeded" when its time runs out
# while it is still minimizing a new interesting input, with no failing
# input: that is reported and retried once, not counted as a failure.
set -uo pipefail
fuzztime=${FUZZTIME:-15s}
status=0
for pkg in $(go list ./...); do
  for f in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    for attempt in 1 2; do
      echo "== $pkg $f (attempt $attempt)"
      out=$(go test -run '^$' -fuzz "^$f\$" -fuzztime "$fuzztime" -fuzzminimizetime 2s "$pkg" 2>&1)
      rc=$?
      printf '%s\n' "$out" | tail -n 4
      if [ $rc -eq 0 ]; then break; fi
      if printf '%s' "$out" | grep -q 'Failing input written' || ! printf '%s' "$out" | grep -q 'context deadline exceeded'; then
        echo "FUZZ FAILURE: $pkg $f" >&2
        status=1
        break
      fi
      echo "fuzzer ran out of time while minimizing (no failing input); retrying"
      if [ $attempt -eq 2 ]; then echo "second time too: not counted as a failure"; fi
    done
  done
done
exit $status
