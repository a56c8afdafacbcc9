#!/usr/bin/env bash
# Roundcube 1.6 from Debian (nginx + php-fpm, SQLite) on 127.0.0.1, reading the demo mail server: the webmail
# issue 18 compares WebMail with, for bench/browser.sh's same-run ratios. Optional and never part of CI.
#
#   bench/roundcube.sh up      install (if missing), configure and start; prints its address
#   bench/roundcube.sh down    stop nginx and php-fpm; no process is left behind
#
# Everything it writes lives under $state; Debian's /etc/roundcube is left as the package wrote it. Configured as a
# school would run it: Debian's package, the elastic skin, 50 messages a page (Roundcube's default), static files
# compressed and cached as its own .htaccess asks of Apache.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/mailserver.env"
state=${WEBMAIL_ROUNDCUBE_DIR:-/var/lib/webmail-bench-roundcube}
port=${WEBMAIL_ROUNDCUBE_PORT:-10880}
php_fpm=/usr/sbin/php-fpm8.2

log() { printf 'roundcube: %s\n' "$*" >&2; }

install_packages() {
  [ -x "$php_fpm" ] && [ -x /usr/sbin/nginx ] && [ -d /var/lib/roundcube/public_html ] && return
  log "installing roundcube, php-fpm and nginx from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  # dbconfig-common would otherwise set up a database server of its own; this script keeps its SQLite file itself.
  echo "roundcube-core roundcube/dbconfig-install boolean false" | debconf-set-selections
  apt-get install -y -q --no-install-recommends roundcube-core roundcube-sqlite3 php8.2-fpm php8.2-sqlite3 nginx-light sqlite3 >/dev/null
}

write_config() {
  mkdir -p "$state/config" "$state/logs" "$state/temp" "$state/nginx"
  if [ ! -s "$state/roundcube.db" ]; then
    sqlite3 "$state/roundcube.db" < /usr/share/roundcube/SQL/sqlite.initial.sql
  fi
  cat > "$state/config/config.inc.php" <<EOF
<?php
\$config = [];
\$config['db_dsnw'] = 'sqlite:///$state/roundcube.db?mode=0640';
\$config['imap_host'] = 'ssl://127.0.0.1:$WEBMAIL_IMAPS_PORT';
\$config['imap_conn_options'] = ['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]];
\$config['smtp_host'] = 'tls://127.0.0.1:$WEBMAIL_SUBMISSION_PORT';
\$config['smtp_conn_options'] = ['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]];
\$config['log_dir'] = '$state/logs/';
\$config['temp_dir'] = '$state/temp/';
\$config['des_key'] = '$(head -c 18 /dev/urandom | base64)';
\$config['skin'] = 'elastic';
\$config['plugins'] = [];
\$config['enable_spellcheck'] = false;
\$config['mail_pagesize'] = 50;
EOF
  # Roundcube's defaults come from the package's defaults.inc.php, beside the config it reads.
  ln -sf /etc/roundcube/defaults.inc.php /etc/roundcube/mimetypes.php "$state/config/"
  chown -R www-data:www-data "$state"

  cat > "$state/php-fpm.conf" <<EOF
[global]
pid = $state/php-fpm.pid
error_log = $state/logs/php-fpm.log
daemonize = yes
[roundcube]
user = www-data
group = www-data
listen = $state/php-fpm.sock
listen.owner = www-data
listen.group = www-data
pm = static
pm.max_children = 4
env[ROUNDCUBE_CONFIG_DIR] = $state/config
php_admin_value[upload_max_filesize] = 25M
php_admin_value[post_max_size] = 30M
php_admin_value[opcache.enable] = 1
EOF

  cat > "$state/nginx/nginx.conf" <<EOF
user www-data;
worker_processes 1;
pid $state/nginx/nginx.pid;
error_log $state/logs/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $state/nginx/body;
  fastcgi_temp_path $state/nginx/fastcgi;
  proxy_temp_path $state/nginx/proxy;
  uwsgi_temp_path $state/nginx/uwsgi;
  scgi_temp_path $state/nginx/scgi;
  client_max_body_size 30m;
  gzip on;
  gzip_types text/css application/javascript application/json text/javascript image/svg+xml text/plain;
  server {
    listen 127.0.0.1:$port;
    root /var/lib/roundcube/public_html;
    index index.php;
    location ~ \.php\$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_pass unix:$state/php-fpm.sock;
    }
    location ~* \.(css|js|png|svg|woff2?|ico|gif|jpg)\$ { expires 30d; }
  }
}
EOF
}

up() {
  [ "$(id -u)" -eq 0 ] || { log "must run as root"; exit 1; }
  "$repo/scripts/mailserver.sh" up >/dev/null
  install_packages
  down quietly
  write_config
  "$php_fpm" --fpm-config "$state/php-fpm.conf"
  /usr/sbin/nginx -c "$state/nginx/nginx.conf"
  local deadline=$((SECONDS + 20))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do
    [ $SECONDS -lt $deadline ] || { log "not answering on $port; see $state/logs/"; exit 1; }
    sleep 0.2
  done
  echo "http://127.0.0.1:$port/"
}

stop_pid() {
  local file=$1
  [ -s "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

down() {
  stop_pid "$state/nginx/nginx.pid"
  stop_pid "$state/php-fpm.pid"
  [ "${1:-}" = quietly ] || log "down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
