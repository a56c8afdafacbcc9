#!/usr/bin/env bash
# Prints the large-folder table: a 50,000-message INBOX on a server without SORT or THREAD (a quirk relay in front
# of the demo Dovecot) next to the same INBOX with them. Starts the demo mail server and seeds the mailbox once.
#   bench/large.sh [ITERATIONS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh"
bench_mailbox test-bench-large 50000 >/dev/null
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- large "$@"
