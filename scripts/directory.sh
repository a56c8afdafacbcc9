#!/usr/bin/env bash
# A real OpenLDAP directory (slapd) on 127.0.0.1: the school directory the compose form finds people in (issue 20).
#
#   scripts/directory.sh up       install (if missing), create and seed the directory once, start it; harmless when up
#   scripts/directory.sh down     stop slapd; no process is left behind
#   scripts/directory.sh status   say what runs and where; exit 1 when not up
#
# Its own slapd.conf and database under $WEBMAIL_LDAP_DIR, nothing in /etc (Debian's own slapd, installed with the
# package, is neither configured nor started). Seeded with 10,000 people (scripts/directory/people.awk) under
# ou=people,dc=school,dc=test, plus the demo users alice and bob with their demo passwords (for the sign-in-as-the-user
# mode). WebMail reads it as cn=webmail,ou=services,dc=school,dc=test, password "directory-demo" (demo only);
# anonymous reads are refused, as a school's directory does. Must run as root.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=mailserver.env
source "$here/mailserver.env"

state=$WEBMAIL_LDAP_DIR
port=$WEBMAIL_LDAP_PORT
base=dc=school,dc=test
people=10000
log() { printf 'directory: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

install_packages() {
  if command -v slapd >/dev/null && command -v ldapsearch >/dev/null; then
    return
  fi
  log "installing slapd and ldap-utils"
  export DEBIAN_FRONTEND=noninteractive
  # Debian starts a package's daemon when it is installed; policy-rc.d says not to (only if none is there already).
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  apt-get update -q >/dev/null || apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends slapd ldap-utils >/dev/null
  if [ $made_policy = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
}

write_configuration() {
  mkdir -p "$state/data" "$state/run"
  cat > "$state/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $state/run/slapd.pid
argsfile $state/run/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
# A school's directory answers at most so many entries to one search; WebMail's reader pages through (RFC 2696).
sizelimit 1000
timelimit 10

database mdb
suffix "$base"
rootdn "cn=admin,$base"
rootpw $(slappasswd -s directory-admin-demo)
directory $state/data
maxsize 268435456
index objectClass eq
index uid,mail,employeeNumber eq,sub
index cn,displayName,sn,givenName eq,sub
access to attrs=userPassword by self =xw by anonymous auth by * none
access to * by dn.exact="cn=webmail,ou=services,$base" read by users read by * none
limits dn.exact="cn=webmail,ou=services,$base" size.soft=1000 size.hard=1000 size.pr=500 size.prtotal=unlimited
CONF
}

write_people() {
  local service_hash
  service_hash=$(slappasswd -s directory-demo)
  cat > "$state/base.ldif" <<LDIF
dn: $base
objectClass: dcObject
objectClass: organization
o: School
dc: school

dn: ou=people,$base
objectClass: organizationalUnit
ou: people

dn: ou=services,$base
objectClass: organizationalUnit
ou: services

dn: cn=webmail,ou=services,$base
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: webmail
userPassword: $service_hash

dn: uid=alice,ou=people,$base
objectClass: inetOrgPerson
uid: alice
cn: 王爱丽
sn: 王
givenName: 爱丽
displayName: 王爱丽
mail: alice@$WEBMAIL_MAIL_DOMAIN
ou: 物理学院
employeeNumber: 2024000001
title: 学生
userPassword: $(slappasswd -s alice-demo)

dn: uid=bob,ou=people,$base
objectClass: inetOrgPerson
uid: bob
cn: 李博
sn: 李
givenName: 博
displayName: 李博
mail: bob@$WEBMAIL_MAIL_DOMAIN
ou: 计算机学院
employeeNumber: T09999
title: 教师
userPassword: $(slappasswd -s bob-demo)

LDIF
  awk -v count="$people" -v domain="$WEBMAIL_MAIL_DOMAIN" -v base="$base" -f "$here/directory/people.awk" >> "$state/base.ldif"
}

running() { [ -s "$state/run/slapd.pid" ] && kill -0 "$(cat "$state/run/slapd.pid")" 2>/dev/null; }

wait_for_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

up() {
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  install_packages
  if running; then
    log "already up on 127.0.0.1:$port"
    return
  fi
  if [ ! -f "$state/data/data.mdb" ] || [ "$here/directory/people.awk" -nt "$state/data/data.mdb" ]; then
    log "creating the directory in $state with $people people"
    rm -rf "$state"
    write_configuration
    write_people
    slapadd -q -f "$state/slapd.conf" -l "$state/base.ldif" >/dev/null 2>&1 || die "slapadd failed"
  fi
  write_configuration
  slapd -f "$state/slapd.conf" -h "ldap://127.0.0.1:$port/" -s 0 || die "slapd did not start"
  wait_for_port "$port" || die "slapd is not listening on 127.0.0.1:$port"
  log "up: ldap://127.0.0.1:$port, base $base, reader cn=webmail,ou=services,$base"
}

down() {
  if running; then
    local pid
    pid=$(cat "$state/run/slapd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  pkill -f "slapd -f $state/slapd.conf" 2>/dev/null || true
  rm -f "$state/run/slapd.pid"
  log "down"
}

status() {
  if running; then
    log "running: ldap://127.0.0.1:$port, base $base"
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: scripts/directory.sh up|down|status" ;;
esac
