#!/usr/bin/env bash
# Publishes one GenerateVideo through the RabbitMQ management HTTP API, the way a service in any language can
# (see README, "Publishing a command from another service"). Needs bash, curl and jq only. Prints the request id.
#
#   scripts/publish-generate-video.sh --request-id ID --provider P --model M --prompt T --image URL \
#     [--vhost /] [--api http://127.0.0.1:15672] [--user guest --password guest]
set -euo pipefail

usage() {
  echo "usage: $0 --request-id ID --provider P --model M --prompt T --image URL [--vhost V] [--api URL] [--user U --password P]" >&2
  exit 2
}

request_id="" provider="" model="" prompt="" image=""
vhost="/" api="http://127.0.0.1:15672" user="guest" password="guest"
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case "$1" in
    --request-id) request_id=$2 ;;
    --provider) provider=$2 ;;
    --model) model=$2 ;;
    --prompt) prompt=$2 ;;
    --image) image=$2 ;;
    --vhost) vhost=$2 ;;
    --api) api=${2%/} ;;
    --user) user=$2 ;;
    --password) password=$2 ;;
    *) usage ;;
  esac
  shift 2
done
[ -n "$request_id" ] && [ -n "$provider" ] && [ -n "$model" ] && [ -n "$prompt" ] && [ -n "$image" ] || usage

exchange="VideoPlatform.Contracts:GenerateVideo"
message_id=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)

envelope=$(jq -n --arg messageId "$message_id" --arg requestId "$request_id" --arg provider "$provider" \
  --arg model "$model" --arg prompt "$prompt" --arg image "$image" '{
    messageId: $messageId,
    messageType: ["urn:message:VideoPlatform.Contracts:GenerateVideo"],
    message: { requestId: $requestId, provider: $provider, model: $model, options: { prompt: $prompt, image: $image } }
  }')

request=$(jq -n --arg payload "$envelope" --arg messageId "$message_id" '{
    properties: { content_type: "application/vnd.masstransit+json", delivery_mode: 2, message_id: $messageId },
    routing_key: "",
    payload: $payload,
    payload_encoding: "string"
  }')

# The vhost and exchange are path segments: "/" and ":" must be percent-encoded.
encode() { jq -rn --arg v "$1" '$v | @uri'; }
url="$api/api/exchanges/$(encode "$vhost")/$(encode "$exchange")/publish"

response=$(curl -sS -u "$user:$password" -H 'content-type: application/json' -X POST --data "$request" \
  -w '\n%{http_code}' "$url") || { echo "error: cannot reach the management API at $api" >&2; exit 1; }
status=${response##*$'\n'}
body=${response%$'\n'*}

if [ "$status" != 200 ]; then
  echo "error: management API answered HTTP $status: $body" >&2
  exit 1
fi
if [ "$(jq -r '.routed' <<<"$body")" != true ]; then
  echo "error: the message was not routed: no queue is bound to exchange '$exchange' in vhost '$vhost' (is the platform running there?)" >&2
  exit 1
fi
echo "$request_id"
