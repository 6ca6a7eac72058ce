#!/bin/sh
# Compose: the services' database roles, made once when the postgres volume is new (/docker-entrypoint-initdb.d runs
# only then). For a volume made before this file existed, run it once by hand:
#   docker compose exec postgres /docker-entrypoint-initdb.d/10-service-roles.sh
# Passwords come from the environment (compose passes them from .env); the SQL is deploy/postgres/*.sql, the same
# files scripts/infra.sh runs.
set -eu
dir=/etc/video-platform/postgres
for name in POSTGRES_SUBMITTER_PASSWORD POSTGRES_POLLER_PASSWORD; do
  eval "value=\${$name:-}"
  case "$value" in
    ""|*[!A-Za-z0-9._~-]*) echo "10-service-roles.sh: $name must be set, with letters, digits and ._~- only" >&2; exit 1 ;;
  esac
done
{
  printf '\\set submitter submitter\n\\set poller poller\n\\set admin %s\n' "${POSTGRES_USER:-postgres}"
  printf "\\\\set submitter_password '%s'\n\\\\set poller_password '%s'\n" "$POSTGRES_SUBMITTER_PASSWORD" "$POSTGRES_POLLER_PASSWORD"
  cat "$dir/service-roles.sql" "$dir/grants.sql"
} | psql -v ON_ERROR_STOP=1 -q --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}"
