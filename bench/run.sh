#!/usr/bin/env bash
# Prints the reading benchmark table: starts the demo mail server, seeds a 10,000-message INBOX once, runs.
#   bench/run.sh [ITERATIONS]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/mailserver.env"
"$repo/scripts/mailserver.sh" up >/dev/null
user=test-bench@$WEBMAIL_MAIL_DOMAIN
maildir=$WEBMAIL_MAIL_DIR/mail/$WEBMAIL_MAIL_DOMAIN/test-bench/Maildir
if [ ! -d "$maildir/cur" ] || [ "$(ls "$maildir/cur" | wc -l)" -lt 10000 ]; then
  "$repo/scripts/mailserver.sh" seed "$user" 10000
fi
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- "$@"
