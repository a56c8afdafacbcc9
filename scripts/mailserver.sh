#!/usr/bin/env bash
# A real Dovecot + Postfix mail server on 127.0.0.1 for the demo and the tests.
#
#   scripts/mailserver.sh up          install (if missing), configure and start; harmless when already up
#   scripts/mailserver.sh down        stop both daemons; no process is left behind
#   scripts/mailserver.sh status      say what runs and where; exit 1 when not up
#   scripts/mailserver.sh seed USER N [FOLDER]  load N realistic messages into USER's INBOX or FOLDER (e.g. seed alice 10000)
#   scripts/mailserver.sh install     only install the Debian packages
#
# Everything it writes lives under $WEBMAIL_MAIL_DIR (default /var/lib/webmail-demo-mail), never in /etc.
# Ports and paths come from scripts/mailserver.env. It must run as root (Postfix only runs as root).
# The accounts and passwords here are for the demo only.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
# shellcheck source=mailserver.env
source "$here/mailserver.env"

state=$WEBMAIL_MAIL_DIR
domain=$WEBMAIL_MAIL_DOMAIN
dovecot_conf=$state/dovecot/dovecot.conf
postfix_dir=$state/postfix
queue_dir=$state/postfix-queue
demo_users=(alice:alice-demo bob:bob-demo carol:carol-demo)
# Any user named test-<something>@domain signs in with this password, so each test can have a fresh mailbox.
test_password=test-demo

log() { printf 'mailserver: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

require_root() {
  [ "$(id -u)" -eq 0 ] || die "must run as root (Postfix refuses to run otherwise)"
}

install_packages() {
  if command -v dovecot >/dev/null && command -v postfix >/dev/null && command -v openssl >/dev/null \
    && [ -x /usr/lib/dovecot/imap ] && [ -x /usr/lib/dovecot/pop3 ] && [ -x /usr/lib/dovecot/lmtp ] \
    && [ -x /usr/lib/dovecot/managesieve ] && [ -f /usr/lib/dovecot/modules/lib90_sieve_plugin.so ]; then
    return
  fi
  log "installing dovecot (with Pigeonhole: Sieve and ManageSieve) and postfix from Debian packages"
  # Without this answer the postfix package asks questions and writes /etc/postfix/main.cf.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null || apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends \
    dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd dovecot-sieve dovecot-managesieved postfix openssl >/dev/null
}

ensure_vmail_user() {
  if ! id vmail >/dev/null 2>&1; then
    useradd --system --home-dir "$state/mail" --no-create-home --shell /usr/sbin/nologin vmail
  fi
}

make_certificate() {
  [ -s "$state/tls/cert.pem" ] && [ -s "$state/tls/key.pem" ] && return
  log "creating a self-signed certificate for localhost"
  mkdir -p "$state/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256 \
    -subj "/CN=localhost/O=WebMail demo mail server" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:mail.$domain" \
    -keyout "$state/tls/key.pem" -out "$state/tls/cert.pem" 2>/dev/null
  chmod 600 "$state/tls/key.pem"
  chmod 644 "$state/tls/cert.pem"
}

write_users() {
  local entry user password hash
  : >"$state/dovecot/users.new"
  for entry in "${demo_users[@]}"; do
    user=${entry%%:*}
    password=${entry#*:}
    hash=$(doveadm pw -s SHA512-CRYPT -p "$password")
    printf '%s@%s:%s::::::\n' "$user" "$domain" "$hash" >>"$state/dovecot/users.new"
  done
  mv "$state/dovecot/users.new" "$state/dovecot/users"
  chown root:dovecot "$state/dovecot/users"
  chmod 640 "$state/dovecot/users"
}

write_dovecot_conf() {
  local vmail_uid out=${1:-$dovecot_conf}
  vmail_uid=$(id -u vmail)
  mkdir -p "$state/dovecot/run" "$state/log" "$state/mail/$domain"
  chown vmail:vmail "$state/mail" "$state/mail/$domain"
  sed "s|@STATE@|$state|g; s|@DOMAIN@|$domain|g; s|@QUEUE@|$queue_dir|g; s|@VMAIL_UID@|$vmail_uid|g;
       s|@TEST_PASSWORD@|$test_password|g;
       s|@IMAP_PORT@|$WEBMAIL_IMAP_PORT|g; s|@IMAPS_PORT@|$WEBMAIL_IMAPS_PORT|g;
       s|@POP3_PORT@|$WEBMAIL_POP3_PORT|g; s|@POP3S_PORT@|$WEBMAIL_POP3S_PORT|g;
       s|@LMTP_PORT@|$WEBMAIL_LMTP_PORT|g; s|@SIEVE_PORT@|$WEBMAIL_SIEVE_PORT|g; s|@SMTP_PORT@|$WEBMAIL_SMTP_PORT|g" \
    "$here/mailserver/dovecot.conf.in" >"$out"
}

# True when the running Dovecot was started from the configuration this checkout writes (an older checkout's
# server stays up otherwise, and tests that need a newer setting would meet the old one).
dovecot_conf_current() {
  write_dovecot_conf "$dovecot_conf.wanted"
  cmp -s "$dovecot_conf" "$dovecot_conf.wanted"
  local same=$?
  rm -f "$dovecot_conf.wanted"
  return $same
}

write_postfix_conf() {
  mkdir -p "$postfix_dir" "$queue_dir" "$state/postfix-data"
  chown postfix:postfix "$state/postfix-data"
  local file
  for file in main.cf master.cf vmailbox sender_login; do
    sed "s|@STATE@|$state|g; s|@DOMAIN@|$domain|g; s|@DOMAIN_RE@|${domain//./\\\\.}|g;
         s|@QUEUE@|$queue_dir|g; s|@POSTFIX_DIR@|$postfix_dir|g;
         s|@SMTP_PORT@|$WEBMAIL_SMTP_PORT|g; s|@SUBMISSION_PORT@|$WEBMAIL_SUBMISSION_PORT|g;
         s|@SUBMISSIONS_PORT@|$WEBMAIL_SUBMISSIONS_PORT|g; s|@LMTP_PORT@|$WEBMAIL_LMTP_PORT|g" \
      "$here/mailserver/postfix-$file.in" >"$postfix_dir/$file"
  done
  # Dovecot's auth socket for Postfix's SASL lives in the queue's private folder, which Postfix must own.
  mkdir -p "$queue_dir/private" "$queue_dir/public"
  chown postfix "$queue_dir/private" "$queue_dir/public"
  postfix -c "$postfix_dir" set-permissions >/dev/null 2>&1 || true
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

all_ports() {
  echo "$WEBMAIL_SMTP_PORT $WEBMAIL_SUBMISSION_PORT $WEBMAIL_SUBMISSIONS_PORT $WEBMAIL_IMAP_PORT" \
    "$WEBMAIL_IMAPS_PORT $WEBMAIL_POP3_PORT $WEBMAIL_POP3S_PORT $WEBMAIL_LMTP_PORT $WEBMAIL_SIEVE_PORT"
}

dovecot_running() { [ -f "$dovecot_conf" ] && doveadm -c "$dovecot_conf" process status >/dev/null 2>&1; }
postfix_running() { [ -d "$postfix_dir" ] && postfix -c "$postfix_dir" status >/dev/null 2>&1; }

wait_for_ports() {
  local port deadline=$((SECONDS + 30))
  for port in $(all_ports); do
    until port_open "$port"; do
      [ $SECONDS -lt $deadline ] || die "port $port did not open within 30 s; see $state/log/"
      sleep 0.2
    done
  done
}

up() {
  require_root
  install_packages
  if dovecot_running && postfix_running && dovecot_conf_current; then
    log "already up"
    status
    return
  fi
  down_quietly
  ensure_vmail_user
  mkdir -p "$state/dovecot" "$state/log"
  make_certificate
  write_users
  write_dovecot_conf
  write_postfix_conf
  # A stale penalty socket from an earlier run makes the next login stall for seconds.
  rm -f "$state/dovecot/run/anvil-auth-penalty"
  # The daemons must not keep the caller's stdout/stderr open: a pipe reading them would never see its end.
  if ! dovecot -c "$dovecot_conf" </dev/null >"$state/log/dovecot-start.log" 2>&1; then
    cat "$state/log/dovecot-start.log" >&2
    die "dovecot did not start; see $state/log/dovecot.log"
  fi
  # postfix start fails silently when stdout is not a terminal, so run it under script(1) to see why.
  if ! script -qec "postfix -c '$postfix_dir' start" /dev/null </dev/null >"$state/log/postfix-start.log" 2>&1; then
    cat "$state/log/postfix-start.log" >&2
    tail -n 20 "$state/log/postfix.log" >&2 || true
    die "postfix did not start"
  fi
  wait_for_ports
  log "up"
  status
}

down_quietly() {
  if [ -d "$postfix_dir" ]; then
    script -qec "postfix -c '$postfix_dir' stop" /dev/null >/dev/null 2>&1 || true
  fi
  if [ -f "$dovecot_conf" ]; then
    doveadm -c "$dovecot_conf" stop >/dev/null 2>&1 || true
  fi
  # Wait until every listener has really gone so a following up cannot race the old processes.
  local port deadline=$((SECONDS + 20))
  for port in $(all_ports); do
    while port_open "$port" && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  done
  local leftovers instance
  leftovers=$(pgrep -f -- "$state/" || true)
  # Dovecot's login and mail processes outlive its master while a client stays connected (the webmail's open
  # sessions); they name themselves after the instance, not the state folder.
  instance=$(sed -n 's/^instance_name = //p' "$dovecot_conf" 2>/dev/null || true)
  if [ -n "$instance" ]; then
    leftovers="$leftovers $(pgrep -f -- "^dovecot-$instance/" || true)"
  fi
  if [ -n "${leftovers// /}" ]; then
    # shellcheck disable=SC2086
    kill $leftovers 2>/dev/null || true
  fi
}

down() {
  require_root
  down_quietly
  log "down"
}

status() {
  local up=0
  dovecot_running && log "dovecot: running" || { log "dovecot: stopped"; up=1; }
  postfix_running && log "postfix: running" || { log "postfix: stopped"; up=1; }
  cat <<EOF
  domain       $domain   (demo accounts: alice@$domain / alice-demo, bob@$domain / bob-demo, carol@$domain / carol-demo)
  SMTP         127.0.0.1:$WEBMAIL_SMTP_PORT (inbound, no relay)
  submission   127.0.0.1:$WEBMAIL_SUBMISSION_PORT (STARTTLS + AUTH)   127.0.0.1:$WEBMAIL_SUBMISSIONS_PORT (TLS + AUTH)
  IMAP         127.0.0.1:$WEBMAIL_IMAP_PORT (STARTTLS)   127.0.0.1:$WEBMAIL_IMAPS_PORT (TLS)
  POP3         127.0.0.1:$WEBMAIL_POP3_PORT (STARTTLS)   127.0.0.1:$WEBMAIL_POP3S_PORT (TLS)
  ManageSieve  127.0.0.1:$WEBMAIL_SIEVE_PORT (STARTTLS; Sieve runs at delivery)
  certificate  $state/tls/cert.pem (self-signed; trust it explicitly)
  logs         $state/log/
EOF
  return $up
}

seed() {
  require_root
  local user=${1:?usage: seed USER COUNT [FOLDER]} count=${2:?usage: seed USER COUNT [FOLDER]} folder=${3:-INBOX}
  [[ $user == *@* ]] || user=$user@$domain
  local maildir=$state/mail/${user#*@}/${user%%@*}/Maildir target
  ensure_vmail_user
  # Maildir++: a folder other than INBOX is a dot-directory beside it.
  target=$maildir; [ "$folder" = INBOX ] || target=$maildir/.$folder
  mkdir -p "$maildir"/{cur,new,tmp} "$target"/{cur,new,tmp}
  log "seeding $count messages into $user, $folder"
  dotnet run --project "$repo/tools/WebMail.MailSeeder" -c Release -- --maildir "$target" --count "$count"
  chown vmail:vmail "$state/mail" "$state/mail/${user#*@}"
  chown -R vmail:vmail "$state/mail/${user#*@}/${user%%@*}"
  # Number the seeded messages now, oldest first: otherwise the first message delivered to a mailbox nobody has
  # opened yet gets UID 1 and lists under all of them, though it is the newest.
  doveadm -c "$state/dovecot/dovecot.conf" mailbox status -u "$user" messages "$folder" >/dev/null
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  seed) shift; seed "$@" ;;
  install) require_root; install_packages ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
