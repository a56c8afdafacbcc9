#!/usr/bin/env bash
# Prints the browser speed table: sign-in to the first inbox and opening messages in the Debian Chromium, against
# the demo mail server with a 10,000-message mailbox (seeded once), IMAP and POP3.
#   bench/browser.sh [ROUNDS]        BENCH_SPLIT=1 also splits each click's time; BENCH_TIMELINE=1 prints the slow phone visit request by request (=desktop: the desktop visits)
#   BENCH_ROUNDCUBE=1 bench/browser.sh [ROUNDS]   also Roundcube 1.6 (bench/roundcube.sh) in the same run, with ratios
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh"
bench_mailbox test-bench 10000 >/dev/null
# The app as a school runs it: published (Release, precompressed static files), started by the benchmark in Production.
publish=$repo/artifacts/bench-publish
dotnet publish "$repo/src/WebMail.Server" -c Release -o "$publish" >/dev/null
if [ "${BENCH_ROUNDCUBE:-0}" = 1 ]; then
  "$repo/bench/roundcube.sh" up >/dev/null
  trap '"$repo/bench/roundcube.sh" down' EXIT
  export BENCH_ROUNDCUBE_PORT=${WEBMAIL_ROUNDCUBE_PORT:-10880}
fi
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- browser "$publish" "$@"
