#!/usr/bin/env bash
# Load run (issue 9): USERS students sign in through the real form, each with a live circuit, and read (open messages, turn pages) for ROUNDS rounds, pausing between
# MIN_PAUSE and MAX_PAUSE seconds before each action (a student reading). Prints latency percentiles, throughput,
# errors, and the server's memory before, during and after.
#   bench/load.sh [USERS=200] [ROUNDS=1] [MIN_PAUSE=15] [MAX_PAUSE=45] [CLIENT=protocol|browser]
# CLIENT protocol speaks Blazor's circuit protocol without a browser (the server's capacity: the generator costs
# little); browser plays each user as a page in one headless Chromium (the whole path, but on this 2-core machine
# the browser takes most of the CPU).
# The browser client needs what scripts/test.sh installs (Debian's chromium). Starts the demo mail server and gives every load user
# a 120-message INBOX (copied from one seeded mailbox), once.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
users=${1:-200}
rounds=${2:-1}
min_pause=${3:-15}
max_pause=${4:-45}
client=${5:-protocol}
source "$repo/scripts/mailserver.env"
[ "$client" != browser ] || [ -x /usr/bin/chromium ] || { echo "load: /usr/bin/chromium is missing; scripts/test.sh installs it" >&2; exit 1; }
"$repo/scripts/mailserver.sh" up >/dev/null
domain_dir=$WEBMAIL_MAIL_DIR/mail/$WEBMAIL_MAIL_DOMAIN
template=$domain_dir/test-load-template/Maildir
if [ ! -d "$template/cur" ] || [ "$(ls "$template/cur" | wc -l)" -lt 120 ]; then
  "$repo/scripts/mailserver.sh" seed "test-load-template@$WEBMAIL_MAIL_DOMAIN" 120
fi
for ((i = 0; i < users; i++)); do
  if [ -d "$domain_dir/test-load$i" ] && [ "$(stat -c %u "$domain_dir/test-load$i")" != "$(stat -c %u "$domain_dir/test-load-template")" ]; then
    chown --reference="$domain_dir/test-load-template" "$domain_dir/test-load$i"
  fi
  if [ ! -d "$domain_dir/test-load$i/Maildir/cur" ]; then
    mkdir -p "$domain_dir/test-load$i"
    # Only the messages: Dovecot builds the new mailbox's own index on first login.
    cp -a "$template" "$domain_dir/test-load$i/Maildir"
    rm -f "$domain_dir/test-load$i/Maildir"/dovecot*
    # Dovecot's, as the server made the template's: ManageSieve creates the user's sieve folder beside Maildir.
    chown --reference="$domain_dir/test-load-template" "$domain_dir/test-load$i"
  fi
done
dotnet run --project "$repo/bench/WebMail.Benchmarks" -c Release -- load "$users" "$rounds" "$min_pause" "$max_pause" "$client"
