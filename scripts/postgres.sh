#!/usr/bin/env bash
# A real PostgreSQL on 127.0.0.1 for the settings store's tests (and for trying several instances by hand).
#
#   scripts/postgres.sh up       install (if missing), create the cluster once and start it; harmless when already up
#   scripts/postgres.sh down     stop it; no process is left behind
#   scripts/postgres.sh status   say what runs and where; exit 1 when not up
#
# A cluster of its own under $WEBMAIL_POSTGRES_DIR, started with pg_ctl (no systemd here; Debian's own cluster, if
# any, is neither used nor started). PostgreSQL refuses to run as root, so it runs as Debian's postgres user. One
# database "webmail" owned by the role "webmail" (password "webmail-demo", demo only), listening on loopback only.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=mailserver.env
source "$here/mailserver.env"

state=$WEBMAIL_POSTGRES_DIR
port=$WEBMAIL_POSTGRES_PORT
log() { printf 'postgres: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_postgres() { runuser -u postgres -- "$@"; }

install_packages() {
  if [ -n "$(bin_dir)" ] && [ -x "$(bin_dir)/pg_ctl" ]; then
    return
  fi
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null || apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends postgresql >/dev/null
}

running() { [ -n "$(bin_dir)" ] && [ -f "$state/data/postmaster.pid" ] && as_postgres "$(bin_dir)/pg_ctl" -D "$state/data" status >/dev/null 2>&1; }

up() {
  [ "$(id -u)" = 0 ] || die "must run as root (it installs packages and runs PostgreSQL as the postgres user)"
  install_packages
  if running; then
    log "already up on 127.0.0.1:$port"
    return
  fi
  local bin
  bin=$(bin_dir)
  mkdir -p "$state/run"
  chown postgres:postgres "$state" "$state/run"
  chmod 700 "$state"
  if [ ! -f "$state/data/PG_VERSION" ]; then
    log "creating the cluster in $state/data"
    echo postgres-demo > "$state/run/pwfile"
    chown postgres "$state/run/pwfile"
    as_postgres "$bin/initdb" -D "$state/data" -U postgres -A scram-sha-256 --pwfile="$state/run/pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$state/run/pwfile"
  fi
  as_postgres "$bin/pg_ctl" -D "$state/data" -l "$state/postgres.log" -w -t 30 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $state/run -c fsync=off -c max_connections=200" start >/dev/null \
    || die "did not start; see $state/postgres.log"
  if ! PGPASSWORD=postgres-demo "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_roles where rolname='webmail'" | grep -q 1; then
    PGPASSWORD=postgres-demo "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres \
      -c "create role webmail login password 'webmail-demo' createdb" -c "create database webmail owner webmail" >/dev/null
  fi
  log "up: 127.0.0.1:$port, database webmail, user webmail"
}

down() {
  if running; then
    as_postgres "$(bin_dir)/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null || true
  fi
  pkill -u postgres -f "$state/data" 2>/dev/null || true
  log "down"
}

status() {
  if running; then
    log "running: 127.0.0.1:$port, database webmail"
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: scripts/postgres.sh up|down|status" ;;
esac
