#!/usr/bin/env bash
# Upgrade path for queues declared before RabbitMq:DeliveryLimit existed. RabbitMQ cannot change an existing queue's
# arguments: a service declaring `generate-video` with x-delivery-limit against the old queue gets PRECONDITION_FAILED
# and consumes nothing. Run the services with RabbitMq__DeliveryLimit=0 (no limit arguments) and let this script give
# each old queue the same limit through a broker policy, with its <queue>_error exchange and queue declared first
# (a quorum queue drops a message at the limit when its dead-letter exchange does not exist).
#
#   scripts/delivery-limit-policy.sh [--vhost /] [--limit 20] [--dry-run]
#
# Only quorum queues without an x-delivery-limit argument are touched, never *_error or *_skipped queues. Safe to run
# again; a queue deleted and redeclared by a service with the limit needs no policy (its argument wins).
# Environment: RABBITMQ_MANAGEMENT_URL (default http://127.0.0.1:15672), RABBITMQ_USER / RABBITMQ_PASSWORD (guest).
# A queue takes only its highest-priority policy: this one has priority 10; merge it by hand with any policy of yours.
set -euo pipefail

vhost="/" limit=20 dry_run=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --vhost) vhost="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$limit" =~ ^[1-9][0-9]*$ ]] || { echo "--limit must be a positive number" >&2; exit 2; }

readonly url="${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:15672}"
readonly auth="${RABBITMQ_USER:-guest}:${RABBITMQ_PASSWORD:-guest}"
readonly vh="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$vhost")"

api() { # method path [json body]
  curl -fsS -u "$auth" -X "$1" -H 'content-type: application/json' "$url/api$2" ${3:+-d "$3"}
}

queues="$(api GET "/queues/$vh?columns=name,type,arguments" | python3 -c '
import json, sys
for q in json.load(sys.stdin):
    name = q["name"]
    if q.get("type") == "quorum" and "x-delivery-limit" not in q.get("arguments", {}) \
            and not name.endswith(("_error", "_skipped")):
        print(name)')"

for queue in $queues; do
  error="${queue}_error"
  policy="$(python3 -c 'import json, re, sys; q, e, n = sys.argv[1:]
print(json.dumps({"pattern": "^" + re.escape(q) + "$", "apply-to": "queues", "priority": 10,
                  "definition": {"delivery-limit": int(n), "dead-letter-exchange": e}}))' "$queue" "$error" "$limit")"
  echo "$queue: delivery-limit $limit, dead letters to $error"
  [[ $dry_run -eq 1 ]] && continue
  api PUT "/exchanges/$vh/$error" '{"type":"fanout","durable":true}' >/dev/null
  api PUT "/queues/$vh/$error" '{"durable":true,"arguments":{"x-queue-type":"quorum"}}' >/dev/null
  api POST "/bindings/$vh/e/$error/q/$error" '{"routing_key":""}' >/dev/null
  api PUT "/policies/$vh/$queue-delivery-limit" "$policy" >/dev/null
done
