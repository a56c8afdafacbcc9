#!/usr/bin/env bash
# A real Cyrus IMAP server on 127.0.0.1, beside the demo Dovecot, for the tests (docs/compatibility.md).
#
#   scripts/cyrus.sh up       install (if missing), configure and start; harmless when already up
#   scripts/cyrus.sh down     stop Cyrus and its saslauthd; no process is left behind
#   scripts/cyrus.sh status   say what runs and where; exit 1 when not up
#
# Debian's cyrus-imapd package conflicts with dovecot-imapd, so its imapd is unpacked into $WEBMAIL_CYRUS_DIR
# instead of installed; cyrus-common (master and libraries) and sasl2-bin install beside Dovecot. Users sign in
# with the same accounts as on Dovecot: saslauthd checks each password by logging in to Dovecot (rimap), so the
# demo server must be up. Mailboxes and special folders are created at first login. Everything lives under
# $WEBMAIL_CYRUS_DIR, nothing in /etc. Must run as root.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=mailserver.env
source "$here/mailserver.env"

state=$WEBMAIL_CYRUS_DIR
log() { printf 'cyrus: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

install_packages() {
  if [ -x /usr/lib/cyrus/bin/master ] && command -v saslauthd >/dev/null && [ -x "$state/pkg/usr/lib/cyrus/bin/imapd" ]; then
    return
  fi
  log "installing cyrus-common and sasl2-bin, unpacking cyrus-imapd (it conflicts with dovecot-imapd)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null || apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends cyrus-common sasl2-bin >/dev/null
  local download
  download=$(mktemp -d)
  chmod 755 "$download"
  (cd "$download" && apt-get download -q cyrus-imapd >/dev/null 2>&1)
  mkdir -p "$state/pkg"
  dpkg-deb -x "$download"/cyrus-imapd_*.deb "$state/pkg"
  rm -rf "$download"
}

# Each imapd its own random sequence, or users' mailboxes get the same id and share their mail (seed-rand.c says why).
build_seed_shim() {
  local source=$here/cyrus/seed-rand.c shim=$state/seed-rand.so
  if [ -f "$shim" ] && [ "$shim" -nt "$source" ]; then return; fi
  if ! command -v gcc >/dev/null || [ ! -e /usr/include/dlfcn.h ]; then
    log "installing gcc and libc6-dev (to build $shim)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null || apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends gcc libc6-dev >/dev/null
  fi
  mkdir -p "$state"
  gcc -shared -fPIC -O2 -o "$shim" "$source" -ldl
}

write_configuration() {
  local dirs=(config spool run sasl tls)
  for dir in "${dirs[@]}"; do mkdir -p "$state/$dir"; done
  for dir in db log msg proc ptclient quota sieve socket user lock backup sync tls domain; do mkdir -p "$state/config/$dir"; done
  cp "$WEBMAIL_MAIL_DIR/tls/cert.pem" "$WEBMAIL_MAIL_DIR/tls/key.pem" "$state/tls/"
  cat > "$state/imapd.conf" <<CONF
configdirectory: $state/config
partition-default: $state/spool
servername: 127.0.0.1
admins: cyrus
virtdomains: userid
unixhierarchysep: yes
altnamespace: yes
allowplaintext: yes
sasl_pwcheck_method: saslauthd
sasl_saslauthd_path: $state/sasl/mux
sasl_mech_list: PLAIN LOGIN
autocreate_post: yes
autocreate_users: anyone
autocreate_quota: 0
autocreate_inbox_folders: Drafts|Sent|Trash|Junk|Archive
autocreate_subscribe_folders: Drafts|Sent|Trash|Junk|Archive
specialuse_extra: \\Archive
xlist-drafts: Drafts
xlist-sent: Sent
xlist-trash: Trash
xlist-junk: Junk
xlist-archive: Archive
tls_server_cert: $state/tls/cert.pem
tls_server_key: $state/tls/key.pem
idlesocket: $state/run/idle
notifysocket: $state/run/notify
lmtpsocket: $state/run/lmtp
CONF
  cat > "$state/cyrus.conf" <<CONF
START {
  recover cmd="/usr/lib/cyrus/bin/ctl_cyrusdb -C $state/imapd.conf -r"
}
SERVICES {
  imap cmd="$state/pkg/usr/lib/cyrus/bin/imapd -C $state/imapd.conf" listen="127.0.0.1:$WEBMAIL_CYRUS_IMAP_PORT" prefork=0
  imaps cmd="$state/pkg/usr/lib/cyrus/bin/imapd -s -C $state/imapd.conf" listen="127.0.0.1:$WEBMAIL_CYRUS_IMAPS_PORT" prefork=0
}
EVENTS {
  checkpoint cmd="/usr/lib/cyrus/bin/ctl_cyrusdb -C $state/imapd.conf -c" period=30
}
CONF
  chown -R cyrus:mail "$state"
  chmod 600 "$state/tls/key.pem"
}

running() { [ -s "$state/run/master.pid" ] && kill -0 "$(cat "$state/run/master.pid")" 2>/dev/null; }

wait_for_port() {
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

up() {
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  "$here/mailserver.sh" status >/dev/null 2>&1 || die "the demo Dovecot must be up first (scripts/mailserver.sh up): Cyrus signs users in through it"
  install_packages
  if running; then return; fi
  build_seed_shim
  write_configuration
  # rimap: each password is checked by a LOGIN to Dovecot; -r passes user@domain as the login.
  saslauthd -a rimap -r -O "127.0.0.1/$WEBMAIL_IMAP_PORT" -m "$state/sasl" -n 2 >/dev/null
  chmod 755 "$state/sasl"
  LD_PRELOAD=$state/seed-rand.so /usr/lib/cyrus/bin/master -C "$state/imapd.conf" -M "$state/cyrus.conf" -p "$state/run/master.pid" -d
  wait_for_port "$WEBMAIL_CYRUS_IMAPS_PORT" || die "Cyrus did not start (it logs only to syslog); check $state/cyrus.conf"
  log "up: IMAP 127.0.0.1:$WEBMAIL_CYRUS_IMAP_PORT (plain) and :$WEBMAIL_CYRUS_IMAPS_PORT (TLS)"
}

down() {
  if running; then kill "$(cat "$state/run/master.pid")"; fi
  if [ -s "$state/sasl/saslauthd.pid" ]; then kill "$(cat "$state/sasl/saslauthd.pid")" 2>/dev/null || true; fi
  for _ in $(seq 1 50); do
    pgrep -f "$state/" >/dev/null || break
    sleep 0.1
  done
  pkill -f "$state/" 2>/dev/null || true
  rm -f "$state/run/master.pid"
  log "down"
}

status() {
  if running; then
    log "running: IMAP 127.0.0.1:$WEBMAIL_CYRUS_IMAP_PORT, IMAPS 127.0.0.1:$WEBMAIL_CYRUS_IMAPS_PORT"
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: scripts/cyrus.sh up|down|status" ;;
esac
