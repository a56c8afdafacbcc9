# Sourced by the bench scripts: the demo mail server up, and a benchmark mailbox seeded once.
#   bench_mailbox NAME COUNT [FOLDER]   prints NAME@domain after making sure its INBOX (or FOLDER) holds at least COUNT messages
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/mailserver.env"
"$repo/scripts/mailserver.sh" up >/dev/null

bench_mailbox() {
  local name=$1 count=$2 folder=${3:-INBOX} have=0
  local maildir=$WEBMAIL_MAIL_DIR/mail/$WEBMAIL_MAIL_DOMAIN/$name/Maildir
  [ "$folder" = INBOX ] || maildir=$maildir/.$folder
  if [ -d "$maildir/cur" ]; then have=$(( $(ls "$maildir/cur" | wc -l) + $(ls "$maildir/new" | wc -l) )); fi
  if [ "$have" -lt "$count" ]; then
    "$repo/scripts/mailserver.sh" seed "$name@$WEBMAIL_MAIL_DOMAIN" $(( count - have )) "$folder" >&2
  fi
  echo "$name@$WEBMAIL_MAIL_DOMAIN"
}
