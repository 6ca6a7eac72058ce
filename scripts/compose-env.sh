#!/usr/bin/env bash
# Writes what docker compose needs into .env next to docker-compose.yml, once: a random value for every password
# and the callback signing key that is not there yet (values already in .env are kept), and ARCHIVE_UID/GID, the
# owner of ./archive, so the archiver (not root in its image) can write there. Prints the names it added, never values.
#   scripts/compose-env.sh && docker compose up --build
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=.env
touch "$env_file"
chmod 600 "$env_file"

has() { grep -q "^$1=" "$env_file"; }
add() { printf '%s=%s\n' "$1" "$2" >>"$env_file"; echo "compose-env.sh: added $1 to $env_file"; }
random() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }

for name in CALLBACK_SIGNING_KEY GRAFANA_ADMIN_PASSWORD \
  RABBITMQ_ADMIN_PASSWORD RABBITMQ_SUBMITTER_PASSWORD RABBITMQ_POLLER_PASSWORD RABBITMQ_ARCHIVER_PASSWORD RABBITMQ_PUBLISHER_PASSWORD \
  POSTGRES_PASSWORD POSTGRES_SUBMITTER_PASSWORD POSTGRES_POLLER_PASSWORD; do
  has "$name" || add "$name" "$(random)"
done

mkdir -p archive
has ARCHIVE_UID || add ARCHIVE_UID "$(stat -c %u archive)"
has ARCHIVE_GID || add ARCHIVE_GID "$(stat -c %g archive)"
