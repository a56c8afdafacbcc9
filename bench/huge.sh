#!/usr/bin/env bash
# Prints the very-large-mailbox table: first page, next page, searches (also in Chinese), sorts and conversations
# at 10,000 and 100,000 messages (INBOX) and 50,000 (a folder), each through the service layer next to the raw
# protocol, and a session's memory after them. Starts the demo mail server and seeds the mailboxes once (as root).
#   bench/huge.sh [ITERATIONS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh"
bench_mailbox test-bench 10000 >/dev/null
bench_mailbox test-bench-huge 100000 >/dev/null
bench_mailbox test-bench-huge 50000 Archive >/dev/null
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- huge "$@"
