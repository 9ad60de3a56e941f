#!/usr/bin/env bash
# Builds the API, then migrates and seeds the demo data into the database DATABASE_URL names (only when it is empty).
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/nahbar tools/seed-demo.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${DATABASE_URL:-}" ]]; then
  echo "Usage: DATABASE_URL=postgres://user@host:5432/database $0" >&2
  echo "DATABASE_URL is unset: seeding the embedded database (PGlite) in NAHBAR_DATA_DIR (${NAHBAR_DATA_DIR:-.data}) instead." >&2
fi

export NX_NO_CLOUD=true NX_DAEMON=false
npx nx build api --outputStyle=static
node dist/apps/api/cli.js seed-demo
