#!/usr/bin/env bash
# Builds and runs every test of WebMail on a fresh Debian machine (as root):
# installs what the tests need (Dovecot, Postfix, Chromium, a CJK font, npm, and redis-server and nginx for the
# scale-out tests, which start their own on free ports), starts the demo mail server, Cyrus IMAP beside it and
# PostgreSQL (scripts/postgres.sh) and the OpenLDAP school directory (scripts/directory.sh),
# checks formatting, runs all test projects, prints one summary line, and stops the mail servers if it started them.
#   scripts/test.sh                 everything
#   scripts/test.sh --filter X      passes extra arguments to dotnet test (e.g. --filter FullyQualifiedName~Pop3)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
results=$repo/artifacts/test-results
export WEBMAIL_SCREENSHOTS=$repo/artifacts/screenshots
cd "$repo"

install_test_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || missing+=(fonts-wqy-zenhei)
  command -v npm >/dev/null || missing+=(npm)
  [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_test_tools

started_mailserver=0
if ! "$here/mailserver.sh" status >/dev/null 2>&1; then
  started_mailserver=1
fi
"$here/mailserver.sh" up >/dev/null
# Cyrus IMAP, the second real server (docs/compatibility.md); it signs users in through the Dovecot just started.
started_cyrus=0
if ! "$here/cyrus.sh" status >/dev/null 2>&1; then
  started_cyrus=1
fi
"$here/cyrus.sh" up >/dev/null
# PostgreSQL, for the settings store's tests on the database several instances share (SQLite is the default).
started_postgres=0
if ! "$here/postgres.sh" status >/dev/null 2>&1; then
  started_postgres=1
fi
"$here/postgres.sh" up >/dev/null
# OpenLDAP, the school directory the compose form finds people in, seeded with 10,000 people.
started_directory=0
if ! "$here/directory.sh" status >/dev/null 2>&1; then
  started_directory=1
fi
"$here/directory.sh" up >/dev/null
stop_mailserver() {
  if [ $started_directory = 1 ]; then "$here/directory.sh" down; fi
  if [ $started_postgres = 1 ]; then "$here/postgres.sh" down; fi
  if [ $started_cyrus = 1 ]; then "$here/cyrus.sh" down; fi
  if [ $started_mailserver = 1 ]; then "$here/mailserver.sh" down; fi
}
trap stop_mailserver EXIT

echo "test: checking formatting (dotnet format --verify-no-changes)"
dotnet format WebMail.sln --verify-no-changes

rm -rf "$results"
status=0
dotnet test WebMail.sln --logger trx --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?

# One closing line for all test projects, in the plain form CI reads.
passed=0 failed=0 skipped=0 total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(attr total)))
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed)))
done
skipped=$((total - passed - failed))
echo
echo "Screenshots from the browser tests: $WEBMAIL_SCREENSHOTS"
echo "Test results (TRX): $results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$total" -eq 0 ]; then
  echo "test: no test ran" >&2
  status=1
fi
exit $status
