#!/usr/bin/env bash
# Runs WebMail against the local demo mail server, with demo accounts and seeded mailboxes.
#   scripts/demo.sh                      start the demo mail server (scripts/mailserver.sh) and the webmail
#   WEBMAIL_HTTP_PORT=8080 scripts/demo.sh
#   WEBMAIL_USE_DEMO_MAILSERVER=0 scripts/demo.sh   use the Mail settings you configured instead (see docs/configuration.md)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
source "$here/mailserver.env"
port=${WEBMAIL_HTTP_PORT:-5080}
management_port=${WEBMAIL_MANAGEMENT_PORT:-$((port + 1))}

if [ "${WEBMAIL_USE_DEMO_MAILSERVER:-1}" = 1 ]; then
  "$here/mailserver.sh" up
  inbox=$WEBMAIL_MAIL_DIR/mail/$WEBMAIL_MAIL_DOMAIN
  # Seed once, so the demo inboxes have realistic mail (Chinese and English, HTML, attachments).
  [ -d "$inbox/alice/Maildir/cur" ] || "$here/mailserver.sh" seed alice 300
  [ -d "$inbox/bob/Maildir/cur" ] || "$here/mailserver.sh" seed bob 40
  # The demo server's ports and certificate, as mailserver.env says (appsettings.Development.json has the defaults).
  export Mail__DefaultDomain=$WEBMAIL_MAIL_DOMAIN
  export Mail__Domains__0__Name=$WEBMAIL_MAIL_DOMAIN
  export Mail__Domains__0__Imap__Port=$WEBMAIL_IMAPS_PORT
  export Mail__Domains__0__Pop3__Port=$WEBMAIL_POP3S_PORT
  export Mail__Domains__0__Smtp__Port=$WEBMAIL_SUBMISSION_PORT
  export Mail__Domains__0__ManageSieve__Port=$WEBMAIL_SIEVE_PORT
  export Mail__Domains__0__TrustedCertificateFile=$WEBMAIL_MAIL_DIR/tls/cert.pem
  # The school directory (scripts/directory.sh): 10,000 people to find as an address is typed. Plain LDAP, on loopback only.
  "$here/directory.sh" up
  export Mail__AllowUnencryptedLoopback=true
  export Mail__Domains__0__Directory__Server__Host=127.0.0.1
  export Mail__Domains__0__Directory__Server__Port=$WEBMAIL_LDAP_PORT
  export Mail__Domains__0__Directory__Server__Security=None
  export Mail__Domains__0__Directory__BaseDn=ou=people,dc=school,dc=test
  export Mail__Domains__0__Directory__BindDn=cn=webmail,ou=services,dc=school,dc=test
  export Mail__Domains__0__Directory__BindPassword=directory-demo
fi

cat <<EOF

  WebMail is starting at  http://127.0.0.1:$port/
  Readiness and metrics:  http://127.0.0.1:$management_port/health/ready  http://127.0.0.1:$management_port/metrics
  Demo accounts (demo only):  alice@$WEBMAIL_MAIL_DOMAIN / alice-demo   bob@$WEBMAIL_MAIL_DOMAIN / bob-demo
  Stop with Ctrl+C; stop the demo mail server with: scripts/mailserver.sh down

EOF
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Management__Url=${Management__Url:-http://127.0.0.1:$management_port}
exec dotnet run --project "$repo/src/WebMail.Server" --no-launch-profile --urls "http://127.0.0.1:$port"
