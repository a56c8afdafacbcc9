#!/usr/bin/env bash
# Prints the suggestions table (issue 20): what the compose form waits for with a 5,000-contact address book and the
# 10,000-person school directory (scripts/directory.sh, started here). Starts the demo mail server too (as root).
#   bench/suggest.sh [ITERATIONS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh"
"$repo/scripts/directory.sh" up >/dev/null
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- suggest "$@"
