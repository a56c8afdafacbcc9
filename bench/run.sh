#!/usr/bin/env bash
# Prints the reading benchmark table: starts the demo mail server, seeds a 10,000-message INBOX once, runs.
#   bench/run.sh [ITERATIONS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh"
bench_mailbox test-bench 10000 >/dev/null
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- "$@"
