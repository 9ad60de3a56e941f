#!/usr/bin/env bash
# Validates the container files where no container engine runs (CI, `npm run lint`):
# - docker/compose.yaml with dclint (a devDependency), and with `docker-compose config` when it is installed
#   (Debian: apt-get install --no-install-recommends docker-compose);
# - the nginx configuration, rendered as the official image renders it, with `nginx -t` when nginx is installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The project name is given on the command line (-p nahbar): Debian's docker-compose 1.29 rejects a `name` field.
npx --no-install dclint docker/compose.yaml --max-warnings 0 --disable-rule require-project-name-field
echo 'dclint: docker/compose.yaml is fine'

if command -v docker-compose >/dev/null; then
  docker-compose -f docker/compose.yaml config -q
  echo 'docker-compose config: docker/compose.yaml is valid'
else
  echo 'docker-compose not installed: compose schema check skipped'
fi

if command -v nginx >/dev/null; then
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  # The proxy image's defaults (docker/Dockerfile).
  NAHBAR_API_UPSTREAM=api:3000 NAHBAR_DNS_RESOLVER=127.0.0.11 \
    NAHBAR_PROXY_RATE=100 NAHBAR_PROXY_BURST=500 NAHBAR_PROXY_CONNECTIONS=2000 \
    envsubst '${NAHBAR_API_UPSTREAM} ${NAHBAR_DNS_RESOLVER} ${NAHBAR_PROXY_RATE} ${NAHBAR_PROXY_BURST} ${NAHBAR_PROXY_CONNECTIONS}' \
    <docker/nginx/nahbar.conf.template >"$dir/default.conf"
  if grep -n '\${NAHBAR_' "$dir/default.conf"; then
    echo 'nginx template: a ${NAHBAR_…} variable above is not rendered (add it here and to the Dockerfile)' >&2
    exit 1
  fi
  # The official image's nginx.conf includes conf.d/*.conf inside `http`; the same here, with paths a user may write.
  cat >"$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  client_body_temp_path $dir; proxy_temp_path $dir; fastcgi_temp_path $dir; uwsgi_temp_path $dir; scgi_temp_path $dir;
  include $dir/default.conf;
}
CONF
  nginx -q -t -c "$dir/nginx.conf" -e "$dir/error.log"
  echo 'nginx -t: docker/nginx/nahbar.conf.template is valid'
else
  echo 'nginx not installed: nginx configuration check skipped'
fi
