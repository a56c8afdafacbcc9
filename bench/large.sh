#!/usr/bin/env bash
# Prints the large-folder table: a 50,000-message INBOX on a server without SORT or THREAD (a quirk relay in front
# of the demo Dovecot) next to the same INBOX with them. Starts the demo mail server and seeds the mailbox once.
#   bench/large.sh [ITERATIONS]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/mailserver.env"
"$repo/scripts/mailserver.sh" up >/dev/null
user=test-bench-large@$WEBMAIL_MAIL_DOMAIN
maildir=$WEBMAIL_MAIL_DIR/mail/$WEBMAIL_MAIL_DOMAIN/test-bench-large/Maildir
have=0
if [ -d "$maildir/cur" ]; then have=$(( $(ls "$maildir/cur" | wc -l) + $(ls "$maildir/new" | wc -l) )); fi
if [ "$have" -lt 50000 ]; then
  "$repo/scripts/mailserver.sh" seed "$user" $(( 50000 - have ))
fi
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- large "$@"
