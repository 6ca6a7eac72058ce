#!/bin/sh
# Compose: the broker's accounts, imported by RabbitMQ at every boot (load_definitions) before it accepts connections.
# Passwords come from the environment (compose passes them from .env), so they are written here into the definitions
# as plain "password" fields, which RabbitMQ hashes on import; a static definitions file would need precomputed
# hashes in the repository. The permissions are deploy/rabbitmq/permissions.json as it is, the file scripts/infra.sh
# and the integration tests use; its first two lines ('{' and '"permissions": [') are replaced by the accounts.
set -eu
src=/etc/video-platform/rabbitmq
defs=/etc/rabbitmq/video-platform-definitions.json
admin="${RABBITMQ_ADMIN_USER:-guest}"

for name in RABBITMQ_ADMIN_PASSWORD RABBITMQ_SUBMITTER_PASSWORD RABBITMQ_POLLER_PASSWORD RABBITMQ_ARCHIVER_PASSWORD RABBITMQ_PUBLISHER_PASSWORD; do
  eval "value=\${$name:-}"
  case "$value" in
    ""|*[!A-Za-z0-9._~-]*) echo "entrypoint.sh: $name must be set, with letters, digits and ._~- only" >&2; exit 1 ;;
  esac
done
password() { eval "printf '%s' \"\$$1\""; }

{
  printf '{\n  "vhosts": [{"name": "/"}],\n  "users": [\n'
  printf '    {"name": "%s", "password": "%s", "tags": "administrator"},\n' "$admin" "$(password RABBITMQ_ADMIN_PASSWORD)"
  printf '    {"name": "submitter", "password": "%s", "tags": ""},\n' "$(password RABBITMQ_SUBMITTER_PASSWORD)"
  printf '    {"name": "poller", "password": "%s", "tags": ""},\n' "$(password RABBITMQ_POLLER_PASSWORD)"
  printf '    {"name": "archiver", "password": "%s", "tags": ""},\n' "$(password RABBITMQ_ARCHIVER_PASSWORD)"
  printf '    {"name": "publisher", "password": "%s", "tags": ""}\n  ],\n' "$(password RABBITMQ_PUBLISHER_PASSWORD)"
  printf '  "permissions": [\n    {"user": "%s", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},\n' "$admin"
  tail -n +3 "$src/permissions.json"
} >"$defs.tmp"
chmod 0600 "$defs.tmp"
chown rabbitmq:rabbitmq "$defs.tmp"
mv -f "$defs.tmp" "$defs"
printf 'load_definitions = %s\n' "$defs" >/etc/rabbitmq/conf.d/90-video-platform-definitions.conf

exec docker-entrypoint.sh rabbitmq-server
