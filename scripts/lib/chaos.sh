# Shared by the crash test: what the simulator and the broker show at a given moment, so each SIGKILL and outage
# is logged with whether it hit a dangerous moment (a billed submit unanswered, a download half sent). Source it
# after apps.sh, with SIM (the simulator's URL), CHAOS_LOG and CHAOS_STARTED (bash SECONDS at the start) set.

sim_stats() { curl -fsS "$SIM/_sim/stats"; }

sim_value() { # JQ-EXPRESSION -> its value in the simulator's stats now
  sim_stats | jq -r "$1"
}

# Submits accepted (billed) and not yet answered, downloads still sending, requests cut mid-call so far, bytes sent.
sim_moment() {
  sim_stats | jq -r '"\(.submitsInFlight) submits in flight, \(.downloadsInFlight) downloads in flight, " +
    "\([.acceptedByRequest[]] | add // 0) billed, \(.cutMidCallByRequest | length) cut mid-call, " +
    "\(([.videos[].bytesServed] | add // 0) / 1048576 | floor) MiB of video sent"'
}

wait_for_sim() { # JQ-CONDITION SECONDS: until the condition holds in the stats; 1 when it never did
  local deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(sim_value "$1")" = true ] && return 0
    sleep 0.2
  done
  return 1
}

chaos() { # MESSAGE: one timestamped line in the chaos log and on stderr
  echo "t+$((SECONDS - CHAOS_STARTED))s: $*" | tee -a "$CHAOS_LOG" >&2
}

# "queue messages" per line for every queue of the vhost: exact from rabbitmqctl where the broker runs here, else
# from the management API (whose counts lag a few seconds). Fails while the broker is down.
queue_counts() { # VHOST
  if command -v rabbitmqctl >/dev/null 2>&1 \
    && timeout 20 rabbitmqctl -q list_queues -p "$1" name messages --no-table-headers 2>/dev/null; then
    return 0
  fi
  rmq_api "http://127.0.0.1:15672/api/queues/$1?columns=name,messages" | jq -r '.[] | "\(.name) \(.messages // 0)"'
}

# Messages sitting in the vhost's *_error queues; "?" while the broker cannot say.
error_queue_messages() { # VHOST
  local counts
  counts=$(queue_counts "$1") || { echo "?"; return 0; }
  awk '$1 ~ /_error$/ { n += $2 } END { print n + 0 }' <<<"$counts"
}

error_queues() { # VHOST -> "name=count ..." for every non-empty *_error queue
  local counts
  counts=$(queue_counts "$1") || { echo "?"; return 0; }
  awk '$1 ~ /_error$/ && $2 > 0 { printf "%s%s=%s", sep, $1, $2; sep = " " }' <<<"$counts"
}
