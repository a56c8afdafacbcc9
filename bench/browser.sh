#!/usr/bin/env bash
# Prints the browser speed table: sign-in to the first inbox and opening messages in the Debian Chromium, against
# the demo mail server with a 10,000-message mailbox (seeded once), IMAP and POP3.
#   bench/browser.sh [ROUNDS]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/mailserver.env"
"$repo/scripts/mailserver.sh" up >/dev/null
user=test-bench@$WEBMAIL_MAIL_DOMAIN
maildir=$WEBMAIL_MAIL_DIR/mail/$WEBMAIL_MAIL_DOMAIN/test-bench/Maildir
if [ ! -d "$maildir/cur" ] || [ "$(ls "$maildir/cur" | wc -l)" -lt 10000 ]; then
  "$repo/scripts/mailserver.sh" seed "$user" 10000
fi
# The app as a school runs it: published (Release, precompressed static files), started by the benchmark in Production.
publish=$repo/artifacts/bench-publish
dotnet publish "$repo/src/WebMail.Server" -c Release -o "$publish" >/dev/null
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- browser "$publish" "$@"
