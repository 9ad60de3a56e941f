#!/usr/bin/env bash
# Smoke test of docker/ on a real container engine: builds the images, `compose up -d` (demo identity, demo data),
# waits for every health check, then checks through the proxy and on each replica (docker/smoke.mjs: health, a
# GraphQL query, bookings, graphql-ws live events across the two replicas, the proxy's rate limit), checks what the
# API image holds, and takes everything down again (`down -v`). Exits non-zero on any failure; prints timings.
#
#   bash docker/smoke.sh            Docker Hub's base images
#   bash docker/smoke.sh --local    the stand-ins of docker/local-base-images.sh (built first when missing)
#   options: --keep (leave the project running), --rmi (also remove the project's images at the end)
# Needs a running Docker engine, `docker compose` or docker-compose (1.29+), and the repository's node_modules
# (for graphql-ws). Settings: NAHBAR_SMOKE_PROJECT (nahbar-smoke), NAHBAR_SMOKE_PORT (18080).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PROJECT="${NAHBAR_SMOKE_PROJECT:-nahbar-smoke}"
PORT="${NAHBAR_SMOKE_PORT:-18080}"
HEALTH_TIMEOUT=300
LOCAL=0
KEEP=0
RMI=0
for arg in "$@"; do
  case "$arg" in
    --local) LOCAL=1 ;;
    --keep) KEEP=1 ;;
    --rmi) RMI=1 ;;
    *) echo "unknown option: $arg (see the head of $0)" >&2; exit 2 ;;
  esac
done

SECONDS=0
STEP=''
STEP_START=0
step() {
  [[ -n "$STEP" ]] && printf '    (%s: %ds)\n' "$STEP" "$((SECONDS - STEP_START))"
  STEP="$1"
  STEP_START=$SECONDS
  printf '\n==== [%4ds] %s ====\n' "$SECONDS" "$STEP"
}

args=(-f docker/compose.yaml -p "$PROJECT")
((LOCAL)) && args+=(--env-file docker/local-images.env)
if docker compose version >/dev/null 2>&1; then
  compose() { docker compose "${args[@]}" "$@"; }
else
  command -v docker-compose >/dev/null || { echo 'neither `docker compose` nor docker-compose is installed' >&2; exit 1; }
  compose() { docker-compose "${args[@]}" "$@"; }
fi
docker info >/dev/null 2>&1 || { echo 'no container engine answers (`docker info`): start dockerd first' >&2; exit 1; }

# Demo identity and demo data (no sign-in provider needed); a port of its own; small proxy limits so that the burst
# of docker/smoke.mjs meets them without loading the machine.
export NODE_ENV=development NAHBAR_DEMO=true NAHBAR_MIGRATE_COMMAND=seed-demo
export NAHBAR_HTTP_PORT="$PORT" NAHBAR_PUBLIC_URL="http://127.0.0.1:$PORT"
export NAHBAR_PROXY_RATE=20 NAHBAR_PROXY_BURST=40 NAHBAR_PROXY_CONNECTIONS=200
export COMPOSE_PARALLEL_LIMIT=2

FINISHED=0
on_exit() {
  local code=$?
  if ((code != 0 || FINISHED == 0)); then
    ((code != 0)) || code=1
    printf '\n==== [%4ds] SMOKE FAILED in step "%s" ====\n' "$SECONDS" "$STEP" >&2
    compose ps >&2 || true
    compose logs --no-color --tail=40 >&2 || true
  fi
  if ((KEEP)); then
    echo "left running (--keep): docker-compose ${args[*]} down -v"
  else
    local down=(down -v --remove-orphans)
    ((RMI)) && down+=(--rmi local)
    printf '\n==== [%4ds] down ====\n' "$SECONDS"
    compose "${down[@]}" >/dev/null 2>&1 || true
  fi
  ((code == 0)) && printf '\n==== [%4ds] smoke passed ====\n' "$SECONDS"
  exit "$code"
}
trap on_exit EXIT

if ((LOCAL)); then
  step 'stand-in base images (docker/local-base-images.sh)'
  bash docker/local-base-images.sh
fi

step 'build the images'
compose build

step 'compose up -d'
compose down -v --remove-orphans >/dev/null 2>&1 || true
compose up -d

step 'wait for the health checks'
status_of() {
  docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}-{{end}} {{.State.ExitCode}}' "$1"
}
deadline=$((SECONDS + HEALTH_TIMEOUT))
while :; do
  pending=()
  for service in postgres migrate api proxy; do
    ids="$(compose ps -q "$service")"
    [[ -n "$ids" ]] || { pending+=("$service:none"); continue; }
    for id in $ids; do
      read -r state health exit_code <<<"$(status_of "$id")"
      if [[ "$service" == migrate ]]; then
        [[ "$state" == exited && "$exit_code" != 0 ]] && { echo "migrate exited with $exit_code" >&2; exit 1; }
        [[ "$state" == exited ]] || pending+=("migrate:$state")
      else
        [[ "$state" == running ]] || [[ "$state" == created ]] || { echo "$service ${id:0:12} is $state" >&2; exit 1; }
        [[ "$health" == healthy ]] || pending+=("$service:$health")
      fi
    done
  done
  replicas=$(compose ps -q api | wc -l)
  ((replicas >= 2)) || pending+=("api:$replicas replicas")
  ((${#pending[@]} == 0)) && break
  ((SECONDS < deadline)) || { echo "not healthy after ${HEALTH_TIMEOUT}s: ${pending[*]}" >&2; exit 1; }
  sleep 2
done
compose ps

step 'through the proxy and on each replica (docker/smoke.mjs)'
replica_args=()
for id in $(compose ps -q api); do
  ip="$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$id" | awk '{print $1}')"
  replica_args+=(--replica "http://$ip:3000")
done
node docker/smoke.mjs --proxy "http://127.0.0.1:$PORT" "${replica_args[@]}" --burst 200

step 'what the API image holds'
# Production dependencies only, no sources or repository, an unprivileged user. (typescript is there: production
# dependencies need it, @nestjs/graphql and @angular/localize through @angular/compiler-cli.)
compose exec -T api sh -c '
  set -e
  echo "user: $(id -un), node $(node -v), /app: $(ls /app | tr "\n" " ")"
  for dev in nx jest @angular/build @angular/cli @nx/js eslint prettier playwright-core oidc-provider fast-check; do
    if [ -e "node_modules/$dev" ]; then echo "development dependency in the image: $dev" >&2; exit 1; fi
  done
  for absent in .git apps libs/domain/src package-lock.json; do
    if [ -e "$absent" ]; then echo "not meant for the image: /app/$absent" >&2; exit 1; fi
  done
  [ "$(id -u)" != 0 ] || { echo "the API runs as root" >&2; exit 1; }
  echo "node_modules: $(du -sm node_modules | cut -f1) MB, $(ls node_modules | wc -l) entries; no dev dependencies, no .git"
'
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep "^${PROJECT//-/}_\|^${PROJECT}[-_]" || true

step 'done'
FINISHED=1
