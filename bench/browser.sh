#!/usr/bin/env bash
# Prints the browser speed table: sign-in to the first inbox and opening messages in the Debian Chromium, against
# the demo mail server with a 10,000-message mailbox (seeded once), IMAP and POP3.
#   bench/browser.sh [ROUNDS]        BENCH_SPLIT=1 also splits each click's time
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh"
bench_mailbox test-bench 10000 >/dev/null
# The app as a school runs it: published (Release, precompressed static files), started by the benchmark in Production.
publish=$repo/artifacts/bench-publish
dotnet publish "$repo/src/WebMail.Server" -c Release -o "$publish" >/dev/null
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- browser "$publish" "$@"
