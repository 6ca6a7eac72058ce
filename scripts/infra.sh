#!/usr/bin/env bash
# Local infrastructure for the video platform: RabbitMQ (+ management UI/API and its Prometheus plugin) and
# PostgreSQL, bound to 127.0.0.1 only; Prometheus is installed but not run (scripts/check-dashboards.sh starts its
# own for each check). Designed for Debian 12 run as root WITHOUT systemd and WITHOUT a
# Docker engine (CI containers, dev VMs). Safe to run repeatedly (idempotent), non-interactive.
#
#   scripts/infra.sh up       install missing packages, start both services, wait until ready
#   scripts/infra.sh down     stop what `up` started
#   scripts/infra.sh status   report both services and where prometheus is; exit 0 only if both services are up
#   scripts/infra.sh restart rabbitmq|postgres   stop and start one of them (crash tests)
#   scripts/infra.sh stop rabbitmq|postgres      stop one of them and leave it down (crash tests: outages)
#   scripts/infra.sh start rabbitmq|postgres     start one of them again and wait until ready
#
# Endpoints (fixed, the test suite and appsettings expect them):
#   amqp://guest:guest@127.0.0.1:5672/        management: http://127.0.0.1:15672/ (guest/guest)
#   RabbitMQ metrics for Prometheus: http://127.0.0.1:15692/metrics (per queue: /metrics/detailed?family=queue_coarse_metrics)
#   postgresql://platform:platform@127.0.0.1:${PLATFORM_PGPORT:-5432}/platform
#
# Environment knobs:
#   PLATFORM_PGDATA         PostgreSQL data dir       (default /var/lib/video-platform/pgdata)
#   PLATFORM_PGPORT         PostgreSQL TCP port       (default 5432)
#   PLATFORM_PGBIN          PostgreSQL bin dir        (default /usr/lib/postgresql/15/bin, else newest installed)
#   PLATFORM_INFRA_LOG      log directory             (default /var/log/video-platform)
#   PLATFORM_INFRA_TIMEOUT  seconds to wait per service (default 120)
#   PLATFORM_INFRA_MODE     auto|native|docker        (default auto: docker compose only if a Docker
#                           engine answers `docker info` AND a compose file exists; else native)
#   RABBITMQ_NODENAME       Erlang node name          (default rabbit@localhost, see below)
set -euo pipefail

readonly ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly LOG_DIR="${PLATFORM_INFRA_LOG:-/var/log/video-platform}"
readonly PGDATA_DIR="${PLATFORM_PGDATA:-/var/lib/video-platform/pgdata}"
readonly PG_PORT="${PLATFORM_PGPORT:-5432}"
readonly TIMEOUT="${PLATFORM_INFRA_TIMEOUT:-120}"
readonly MODE="${PLATFORM_INFRA_MODE:-auto}"

readonly PG_ROLE=platform PG_PASSWORD=platform PG_DB=platform
readonly AMQP_PORT=5672 MGMT_PORT=15672 RMQ_PROMETHEUS_PORT=15692
readonly RMQ_USER=guest RMQ_PASSWORD=guest
readonly RMQ_ETC=/etc/rabbitmq
readonly RMQ_HOME=/var/lib/rabbitmq
readonly MARKER="# Managed by video-platform scripts/infra.sh"

# Node name: RabbitMQ defaults to rabbit@$(hostname -s). In containers the hostname is often random
# and frequently does NOT resolve (no /etc/hosts entry), which makes the node and every CLI call
# (rabbitmqctl, rabbitmq-diagnostics) fail with "nxdomain"/"unable to connect". It also changes
# whenever the container is re-created, orphaning the mnesia directory. "localhost" always resolves
# to 127.0.0.1 (we make sure of it below), so rabbit@localhost is stable and robust. It is written
# to /etc/rabbitmq/rabbitmq-env.conf too, so manual `rabbitmqctl ...` calls use the same name.
RMQ_NODENAME="${RABBITMQ_NODENAME:-rabbit@localhost}"

PGBIN=""
PG_SOCKET_DIR="$PGDATA_DIR"   # our own socket dir: never collides with Debian's /var/run/postgresql clusters

# ----------------------------------------------------------------------------------------------- util
log()  { printf '[infra] %s\n' "$*"; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
die()  { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  echo "usage: $0 up|down|status|restart|stop|start rabbitmq|postgres" >&2
  exit 2
}

require_root() {
  [ "$(id -u)" = 0 ] || die "'$1' must run as root (it installs packages and starts services as the rabbitmq/postgres users)"
}

# port_open HOST PORT -> 0 if something accepts TCP connections there
port_open() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" >/dev/null 2>&1
}

who_listens() {
  command -v ss >/dev/null 2>&1 && ss -ltnp 2>/dev/null | awk -v p=":$1" '$4 ~ p"$"' || true
}

# Management API answers with guest/guest (HTTP 200)?
mgmt_ok() {
  local url="http://127.0.0.1:${MGMT_PORT}/api/overview"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -m 5 -o /dev/null -u "${RMQ_USER}:${RMQ_PASSWORD}" "$url" >/dev/null 2>&1
  else
    # Fallback without curl: raw HTTP/1.0 over bash /dev/tcp (Z3Vlc3Q6Z3Vlc3Q= is base64 "guest:guest").
    timeout 5 bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf "GET /api/overview HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic Z3Vlc3Q6Z3Vlc3Q=\r\n\r\n" >&3
      head -n1 <&3 | grep -q "^HTTP/1\.[01] 200"' _ "$MGMT_PORT" >/dev/null 2>&1
  fi
}

rabbitmq_ready() { port_open 127.0.0.1 "$AMQP_PORT" && mgmt_ok; }

psql_bin() {
  if [ -n "$PGBIN" ] && [ -x "$PGBIN/psql" ]; then echo "$PGBIN/psql"
  elif command -v psql >/dev/null 2>&1; then command -v psql
  else return 1
  fi
}

# Our credentials work over TCP on 127.0.0.1?
pg_creds_ok() {
  local psql
  psql="$(psql_bin)" || return 1
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 "$psql" -X -w -q -h 127.0.0.1 -p "$PG_PORT" \
    -U "$PG_ROLE" -d "$PG_DB" -tAc 'select 1' 2>/dev/null | grep -qx 1
}

pg_isready_tcp() {
  local isready
  if [ -n "$PGBIN" ] && [ -x "$PGBIN/pg_isready" ]; then isready="$PGBIN/pg_isready"
  elif command -v pg_isready >/dev/null 2>&1; then isready="$(command -v pg_isready)"
  else port_open 127.0.0.1 "$PG_PORT"; return; fi
  "$isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 >/dev/null 2>&1
}

find_pgbin() {
  if [ -n "${PLATFORM_PGBIN:-}" ]; then
    [ -x "$PLATFORM_PGBIN/pg_ctl" ] || return 1
    PGBIN="$PLATFORM_PGBIN"; return 0
  fi
  if [ -x /usr/lib/postgresql/15/bin/pg_ctl ]; then PGBIN=/usr/lib/postgresql/15/bin; return 0; fi
  local candidate
  candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [ -n "$candidate" ] && [ -x "$candidate/pg_ctl" ]; then PGBIN="$candidate"; return 0; fi
  return 1
}

have_rabbitmq() {
  command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ]
}

# Debian's prometheus package; its own service stays off (policy-rc.d during the install, no systemd here).
have_prometheus() {
  command -v prometheus >/dev/null 2>&1 || [ -x /usr/bin/prometheus ]
}

# Serialise concurrent invocations (several engineers / test runs on one box).
take_lock() {
  mkdir -p "$LOG_DIR"
  exec 9>"$LOG_DIR/.infra.lock"
  flock -n 9 && return 0
  log "waiting for another 'scripts/infra.sh' run to finish (lock $LOG_DIR/.infra.lock)"
  flock -w "$((TIMEOUT * 3))" 9 || die "another 'scripts/infra.sh' run holds $LOG_DIR/.infra.lock for too long"
}

# ------------------------------------------------------------------------------------------ packages
POLICY_RC_CREATED=0
cleanup_policy_rc() {
  if [ "$POLICY_RC_CREATED" = 1 ]; then rm -f /usr/sbin/policy-rc.d; POLICY_RC_CREATED=0; fi
}

ensure_packages() {
  local -a missing=() bare=()
  if [ "$1" = native ]; then
    have_rabbitmq || missing+=(rabbitmq-server)
    find_pgbin || missing+=(postgresql)
  fi
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)   # ffprobe checks archived videos (demo, tests)
  # The tests' non-.NET publisher runs on Debian's python3 with Debian's pika, not on whatever python3 is first on PATH.
  /usr/bin/python3 -c 'import pika' >/dev/null 2>&1 || missing+=(python3-pika)
  command -v curl >/dev/null 2>&1 || missing+=(curl)   # readiness checks of the management API
  # scripts/check-dashboards.sh evaluates the Grafana dashboards' queries on a Prometheus of its own. Without its
  # recommended node exporter (and that one's dbus and collectors): nothing here scrapes the machine.
  have_prometheus || bare+=(prometheus)
  local -a all=("${missing[@]}" "${bare[@]}")
  [ "${#all[@]}" -eq 0 ] && return 0

  command -v apt-get >/dev/null 2>&1 || die "missing ${all[*]} and no apt-get to install them"
  log "installing: ${all[*]} (log: $LOG_DIR/apt.log)"
  # Package maintainer scripts would try to start the distro's default services (rabbit@<hostname>,
  # PostgreSQL cluster 15/main on port 5432). We run our own instances, so forbid auto-start
  # during the install with the standard policy-rc.d mechanism (exit 101 = "action not allowed").
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# temporary, created by video-platform scripts/infra.sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 0755 /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=1
    trap cleanup_policy_rc EXIT
  fi
  local started=$SECONDS
  {
    apt-get update </dev/null &&
      { [ "${#missing[@]}" -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold \
        "${missing[@]}" </dev/null; } &&
      { [ "${#bare[@]}" -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o Dpkg::Options::=--force-confold "${bare[@]}" </dev/null; }
  } >>"$LOG_DIR/apt.log" 2>&1 || { tail -n 30 "$LOG_DIR/apt.log" >&2; cleanup_policy_rc; die "apt-get install ${all[*]} failed (see $LOG_DIR/apt.log)"; }
  cleanup_policy_rc
  log "installed ${all[*]} in $((SECONDS - started))s"
  have_prometheus || die "prometheus still missing after install"
  if [ "$1" = native ]; then
    have_rabbitmq || die "rabbitmq-server still missing after install"
    find_pgbin || die "PostgreSQL binaries still missing after install (looked in /usr/lib/postgresql/*/bin)"
  fi
}

# ------------------------------------------------------------------------------------------ rabbitmq
# write_managed FILE CONTENT: write FILE if absent, or if it is ours (marker), or if it only contains
# comments (the Debian default rabbitmq-env.conf). A hand-edited file is left alone with a warning.
# Returns 0 if the file now has our content.
write_managed() {
  local file="$1" content="$2"
  if [ -f "$file" ] && ! grep -qF "$MARKER" "$file" && grep -qvE '^[[:space:]]*(#|$)' "$file"; then
    warn "$file has custom settings; leaving it untouched (this script passes its settings via environment)"
    return 1
  fi
  if [ ! -f "$file" ] || [ "$(cat "$file")" != "$content" ]; then
    printf '%s\n' "$content" >"$file"
    chmod 0644 "$file"
    chown rabbitmq:rabbitmq "$file" 2>/dev/null || true
  fi
}

rabbitmq_prepare() {
  # "localhost" must resolve to 127.0.0.1 for rabbit@localhost (and for clients); fix minimal images.
  if ! getent ahostsv4 localhost 2>/dev/null | grep -q '^127\.0\.0\.1'; then
    log "adding '127.0.0.1 localhost' to /etc/hosts"
    echo '127.0.0.1 localhost' >>/etc/hosts
  fi
  mkdir -p "$RMQ_ETC" "$LOG_DIR/rabbitmq"
  chown rabbitmq:rabbitmq "$LOG_DIR/rabbitmq"

  # Environment used by the server AND the CLI tools (the Debian wrappers run them via su/runuser,
  # which keeps the environment). Everything loopback-only: AMQP listener, Erlang distribution
  # port (inet_dist_use_interface) and epmd (ERL_EPMD_ADDRESS).
  export RABBITMQ_NODENAME="$RMQ_NODENAME"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$AMQP_PORT"
  export RABBITMQ_LOG_BASE="$LOG_DIR/rabbitmq"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_ADDRESS=127.0.0.1

  write_managed "$RMQ_ETC/rabbitmq-env.conf" "$MARKER
# See scripts/infra.sh for why the node is rabbit@localhost.
NODENAME=$RMQ_NODENAME
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=$AMQP_PORT
LOG_BASE=$LOG_DIR/rabbitmq
SERVER_ADDITIONAL_ERL_ARGS=\"-kernel inet_dist_use_interface {127,0,0,1}\"
ERL_EPMD_ADDRESS=127.0.0.1" || true

  write_managed "$RMQ_ETC/rabbitmq.conf" "$MARKER
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
prometheus.tcp.ip = 127.0.0.1
prometheus.tcp.port = $RMQ_PROMETHEUS_PORT
# guest/guest is allowed from loopback only (RabbitMQ default, stated explicitly)
loopback_users.guest = true" || true
}

# fd 9 is the lock (take_lock); close it so the detached Erlang VM / postmaster never inherit it.
rmq_cli() { (cd "$RMQ_HOME" 2>/dev/null || cd /; "$@" </dev/null 9>&-); }

rabbitmq_node_ping() { rmq_cli rabbitmq-diagnostics -q ping -t 10 >/dev/null 2>&1; }

rabbitmq_wait() {
  local deadline=$((SECONDS + TIMEOUT)) started=$SECONDS plugin_nudged=0
  while :; do
    if rabbitmq_ready; then
      log "rabbitmq ready after $((SECONDS - started))s"
      return 0
    fi
    if rabbitmq_node_ping && rmq_cli rabbitmq-diagnostics -q check_running >/dev/null 2>&1; then
      # Node runs, AMQP/management not (yet) answering: make sure the management plugin is on.
      if [ "$plugin_nudged" = 0 ] && ! mgmt_ok; then
        plugin_nudged=1
        rmq_cli rabbitmq-plugins enable rabbitmq_management >>"$LOG_DIR/rabbitmq/cli.log" 2>&1 || true
      fi
    elif [ $((SECONDS - started)) -ge 20 ] && ! pgrep -u rabbitmq beam >/dev/null 2>&1 && ! pgrep -u rabbitmq -f beam.smp >/dev/null 2>&1; then
      tail -n 40 "$LOG_DIR/rabbitmq/startup.log" >&2 2>/dev/null || true
      die "rabbitmq node $RMQ_NODENAME is not running (Erlang VM exited); see $LOG_DIR/rabbitmq/"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 40 "$LOG_DIR/rabbitmq/startup.log" >&2 2>/dev/null || true
      die "rabbitmq did not become ready within ${TIMEOUT}s (AMQP 127.0.0.1:$AMQP_PORT / management 127.0.0.1:$MGMT_PORT); logs in $LOG_DIR/rabbitmq/"
    fi
    sleep 2
  done
}

rabbitmq_up() {
  rabbitmq_prepare

  if rabbitmq_node_ping; then
    log "rabbitmq node $RMQ_NODENAME already running"
  elif port_open 127.0.0.1 "$AMQP_PORT" || port_open 127.0.0.1 "$MGMT_PORT"; then
    # Something else holds the ports: accept it if it is a usable broker with guest/guest.
    if rabbitmq_ready; then
      log "rabbitmq: a broker not managed by this script already serves 127.0.0.1:$AMQP_PORT with guest/guest; using it"
      rabbitmq_metrics_ok || warn "that broker serves no Prometheus metrics on 127.0.0.1:$RMQ_PROMETHEUS_PORT (enable rabbitmq_prometheus there)"
      return 0
    fi
    local alt="rabbit@$(hostname -s 2>/dev/null || hostname)"
    if [ "$alt" != "$RMQ_NODENAME" ] && RABBITMQ_NODENAME="$alt" rmq_cli rabbitmq-diagnostics -q ping -t 10 >/dev/null 2>&1; then
      log "rabbitmq: found running node $alt (default name); enabling management on it and using it"
      RMQ_NODENAME="$alt"; export RABBITMQ_NODENAME="$alt"
    else
      who_listens "$AMQP_PORT" >&2; who_listens "$MGMT_PORT" >&2
      die "port $AMQP_PORT or $MGMT_PORT on 127.0.0.1 is held by something that is not a usable RabbitMQ (guest/guest); stop it first"
    fi
  else
    log "starting rabbitmq node $RMQ_NODENAME (logs: $LOG_DIR/rabbitmq/)"
    rmq_cli rabbitmq-plugins enable --offline rabbitmq_management rabbitmq_prometheus >>"$LOG_DIR/rabbitmq/cli.log" 2>&1 ||
      { tail -n 20 "$LOG_DIR/rabbitmq/cli.log" >&2; die "rabbitmq-plugins enable --offline rabbitmq_management rabbitmq_prometheus failed"; }
    # -detached forks the Erlang VM into the background (no systemd needed) and returns at once.
    if ! rmq_cli rabbitmq-server -detached >>"$LOG_DIR/rabbitmq/startup.log" 2>&1; then
      tail -n 40 "$LOG_DIR/rabbitmq/startup.log" >&2 || true
      die "rabbitmq-server -detached failed; see $LOG_DIR/rabbitmq/"
    fi
  fi
  rabbitmq_wait
  rabbitmq_prometheus_on
}

rabbitmq_metrics_ok() { port_open 127.0.0.1 "$RMQ_PROMETHEUS_PORT"; }

# A node started before the Prometheus plugin was part of `up` gets it now, without a restart. Its listener settings
# come from rabbitmq.conf only at boot, so they are set on the running node first (loopback, like everything else).
rabbitmq_prometheus_on() {
  rabbitmq_metrics_ok && return 0
  log "enabling rabbitmq_prometheus on the running node (metrics on 127.0.0.1:$RMQ_PROMETHEUS_PORT)"
  rmq_cli rabbitmqctl -q eval \
    "application:set_env(rabbitmq_prometheus, tcp_config, [{ip, \"127.0.0.1\"}, {port, $RMQ_PROMETHEUS_PORT}])." \
    >>"$LOG_DIR/rabbitmq/cli.log" 2>&1 || true
  rmq_cli rabbitmq-plugins enable rabbitmq_prometheus >>"$LOG_DIR/rabbitmq/cli.log" 2>&1 ||
    { tail -n 20 "$LOG_DIR/rabbitmq/cli.log" >&2; die "rabbitmq-plugins enable rabbitmq_prometheus failed"; }
  local deadline=$((SECONDS + 30))
  until rabbitmq_metrics_ok; do
    [ "$SECONDS" -lt "$deadline" ] || die "rabbitmq_prometheus enabled but nothing listens on 127.0.0.1:$RMQ_PROMETHEUS_PORT"
    sleep 1
  done
}

rabbitmq_down() {
  rabbitmq_prepare
  if rabbitmq_node_ping; then
    log "stopping rabbitmq node $RMQ_NODENAME"
    # `shutdown` (unlike `stop`) waits until the Erlang VM has exited.
    rmq_cli rabbitmqctl -q shutdown >>"$LOG_DIR/rabbitmq/cli.log" 2>&1 ||
      rmq_cli rabbitmqctl -q stop >>"$LOG_DIR/rabbitmq/cli.log" 2>&1 ||
      die "could not stop rabbitmq node $RMQ_NODENAME; see $LOG_DIR/rabbitmq/cli.log"
    log "rabbitmq stopped"
  else
    log "rabbitmq node $RMQ_NODENAME not running"
  fi
  # epmd (Erlang port mapper) is started implicitly by the node/CLI; stop it if nothing uses it.
  if command -v epmd >/dev/null 2>&1 && epmd -names 2>/dev/null | grep -q '^epmd: up' &&
     ! epmd -names 2>/dev/null | grep -q '^name '; then
    epmd -kill >/dev/null 2>&1 || true
  fi
}

# ------------------------------------------------------------------------------------------ postgres
as_postgres() { (cd / && runuser -u postgres -- "$@" </dev/null 9>&-); }

pg_is_ours_running() { as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; }

pg_prepare() {
  [ "${#PG_SOCKET_DIR}" -lt 90 ] || die "PLATFORM_PGDATA path too long for a unix socket dir (<90 chars please): $PGDATA_DIR"
  mkdir -p "$(dirname "$PGDATA_DIR")" "$LOG_DIR"
  install -d -o postgres -g postgres -m 0700 "$PGDATA_DIR"
  touch "$LOG_DIR/postgresql.log"
  chown postgres:postgres "$LOG_DIR/postgresql.log"

  if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
    if [ -n "$(ls -A "$PGDATA_DIR" 2>/dev/null)" ]; then
      die "$PGDATA_DIR is not empty but has no PG_VERSION; refusing to initdb over it"
    fi
    log "initdb $PGDATA_DIR"
    as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -E UTF8 --no-locale \
      --auth-local=peer --auth-host=scram-sha-256 >>"$LOG_DIR/postgresql-initdb.log" 2>&1 ||
      { tail -n 30 "$LOG_DIR/postgresql-initdb.log" >&2; die "initdb failed; see $LOG_DIR/postgresql-initdb.log"; }
  fi
  local data_major bin_major
  data_major="$(cat "$PGDATA_DIR/PG_VERSION")"
  bin_major="$("$PGBIN/pg_ctl" --version | awk '{print $3}' | cut -d. -f1)"
  [ "$data_major" = "$bin_major" ] ||
    die "$PGDATA_DIR is a PostgreSQL $data_major cluster but binaries in $PGBIN are $bin_major; set PLATFORM_PGBIN or PLATFORM_PGDATA"

  # Our settings live in platform.conf, included from postgresql.conf (rewritten every run).
  local conf="$PGDATA_DIR/platform.conf"
  cat >"$conf.tmp" <<EOF
$MARKER (rewritten on every 'up')
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
password_encryption = 'scram-sha-256'
max_connections = 200
EOF
  chown postgres:postgres "$conf.tmp"
  mv -f "$conf.tmp" "$conf"
  if ! grep -q "^include_if_exists = 'platform.conf'" "$PGDATA_DIR/postgresql.conf"; then
    printf "\n%s\ninclude_if_exists = 'platform.conf'\n" "$MARKER" >>"$PGDATA_DIR/postgresql.conf"
  fi
}

pg_ensure_role_db() {
  local psql=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres)
  as_postgres "${psql[@]}" -c "DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;" >>"$LOG_DIR/postgresql-setup.log" 2>&1 || die "could not create/alter role $PG_ROLE; see $LOG_DIR/postgresql-setup.log"
  if ! as_postgres "${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -qx 1; then
    log "creating database $PG_DB"
    as_postgres "${psql[@]}" -c "CREATE DATABASE $PG_DB OWNER $PG_ROLE" >>"$LOG_DIR/postgresql-setup.log" 2>&1 ||
      die "could not create database $PG_DB; see $LOG_DIR/postgresql-setup.log"
  fi
  as_postgres "${psql[@]}" -c "ALTER DATABASE $PG_DB OWNER TO $PG_ROLE" >>"$LOG_DIR/postgresql-setup.log" 2>&1 || true
}

pg_wait() {
  local deadline=$((SECONDS + TIMEOUT))
  until pg_isready_tcp; do
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 30 "$LOG_DIR/postgresql.log" >&2 || true; die "postgres not ready on 127.0.0.1:$PG_PORT within ${TIMEOUT}s; see $LOG_DIR/postgresql.log"; }
    sleep 1
  done
}

postgres_up() {
  find_pgbin || die "no PostgreSQL binaries found (/usr/lib/postgresql/*/bin)"
  pg_prepare

  if pg_is_ours_running; then
    local running_port
    running_port="$(sed -n 4p "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$running_port" ] && [ "$running_port" != "$PG_PORT" ]; then
      log "postgres ($PGDATA_DIR) runs on port $running_port, wanted $PG_PORT: restarting"
      as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >>"$LOG_DIR/postgresql.log" 2>&1
    else
      log "postgres ($PGDATA_DIR) already running"
    fi
  fi

  if ! pg_is_ours_running; then
    if port_open 127.0.0.1 "$PG_PORT"; then
      if pg_creds_ok; then
        log "postgres: a server not managed by this script already serves 127.0.0.1:$PG_PORT and accepts $PG_ROLE/$PG_PASSWORD; using it"
        return 0
      fi
      who_listens "$PG_PORT" >&2
      die "port $PG_PORT on 127.0.0.1 is held by another server that does not accept $PG_ROLE/$PG_PASSWORD on database $PG_DB.
  Stop it (e.g. Debian's default cluster: pg_ctlcluster 15 main stop) or use another port: PLATFORM_PGPORT=5433 $0 up"
    fi
    log "starting postgres ($PGDATA_DIR, port $PG_PORT, log $LOG_DIR/postgresql.log)"
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$LOG_DIR/postgresql.log" -w -t "$TIMEOUT" start >/dev/null 2>&1 ||
      { tail -n 30 "$LOG_DIR/postgresql.log" >&2 || true; die "pg_ctl start failed; see $LOG_DIR/postgresql.log"; }
  fi
  pg_wait
  pg_ensure_role_db
  pg_creds_ok || die "postgres is up but $PG_ROLE/$PG_PASSWORD cannot connect over 127.0.0.1:$PG_PORT (check $PGDATA_DIR/pg_hba.conf)"
}

postgres_down() {
  if ! find_pgbin; then log "postgres: no binaries, nothing to stop"; return 0; fi
  if [ -s "$PGDATA_DIR/PG_VERSION" ] && pg_is_ours_running; then
    log "stopping postgres ($PGDATA_DIR)"
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t "$TIMEOUT" stop >>"$LOG_DIR/postgresql.log" 2>&1 ||
      die "pg_ctl stop failed; see $LOG_DIR/postgresql.log"
    log "postgres stopped"
  else
    log "postgres ($PGDATA_DIR) not running"
  fi
}

# ---------------------------------------------------------------------------------- service accounts
# One broker user per role (submitter, poller, archiver, and publisher for callers) and one database role per service
# that uses the database (submitter, poller); README "Accounts and permissions" says who uses which. What each may do
# lives in deploy/rabbitmq/permissions.json and deploy/postgres/*.sql, the files compose and the integration tests use too.
readonly CREDENTIALS_FILE="${PLATFORM_CREDENTIALS_FILE:-/var/lib/video-platform/credentials.env}"
readonly SERVICE_PASSWORD_VARS="RABBITMQ_SUBMITTER_PASSWORD RABBITMQ_POLLER_PASSWORD RABBITMQ_ARCHIVER_PASSWORD RABBITMQ_PUBLISHER_PASSWORD POSTGRES_SUBMITTER_PASSWORD POSTGRES_POLLER_PASSWORD"

# Each password from the environment, else kept from an earlier run in $CREDENTIALS_FILE, else generated; all written
# back there, readable by root only, as KEY=value lines (the form compose's .env takes).
service_credentials() {
  local name value tmp="$CREDENTIALS_FILE.tmp"
  install -d -m 0755 "$(dirname "$CREDENTIALS_FILE")"
  (umask 077 && touch "$CREDENTIALS_FILE" && : >"$tmp")
  printf '# Service account passwords, written by scripts/infra.sh up (kept across runs; an env var of the same name wins).\n' >>"$tmp"
  for name in $SERVICE_PASSWORD_VARS; do
    value="${!name:-}"
    [ -n "$value" ] || value="$(sed -n "s/^$name=//p" "$CREDENTIALS_FILE" | tail -n 1)"
    [ -n "$value" ] || value="$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
    [[ "$value" =~ ^[A-Za-z0-9._~-]+$ ]] || die "$name may hold letters, digits and ._~- only"
    printf -v "$name" '%s' "$value"
    printf '%s=%s\n' "$name" "$value" >>"$tmp"
  done
  chmod 0600 "$tmp"
  mv -f "$tmp" "$CREDENTIALS_FILE"
}

# Through the management API: PUT sets the password again on every run (idempotent), the passwords go on stdin and not
# on a command line, and the permissions are imported from the shipped file as they are.
rabbitmq_ensure_accounts() {
  local role var api="http://127.0.0.1:${MGMT_PORT}/api"
  local -a curl_admin=(curl -fsS -m 10 -o /dev/null -u "${RMQ_USER}:${RMQ_PASSWORD}" -H 'content-type: application/json')
  for role in submitter poller archiver publisher; do
    var="RABBITMQ_${role^^}_PASSWORD"
    printf '{"password":"%s","tags":""}' "${!var}" | "${curl_admin[@]}" -X PUT --data-binary @- "$api/users/$role" ||
      die "could not create or update rabbitmq user $role"
  done
  "${curl_admin[@]}" -X POST --data-binary @"$ROOT_DIR/deploy/rabbitmq/permissions.json" "$api/definitions" ||
    die "could not import deploy/rabbitmq/permissions.json"
}

pg_ensure_service_roles() {
  if ! pg_is_ours_running; then
    warn "postgres is not the one this script manages: service roles not created (run deploy/postgres/service-roles.sql and grants.sql there)"
    return 0
  fi
  local -a psql=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d "$PG_DB")
  {
    printf '\\set submitter submitter\n\\set poller poller\n\\set admin %s\n' "$PG_ROLE"
    printf "\\\\set submitter_password '%s'\n\\\\set poller_password '%s'\n" "$POSTGRES_SUBMITTER_PASSWORD" "$POSTGRES_POLLER_PASSWORD"
    cat "$ROOT_DIR/deploy/postgres/service-roles.sql" "$ROOT_DIR/deploy/postgres/grants.sql"
  } | (cd / && runuser -u postgres -- "${psql[@]}" 9>&-) >>"$LOG_DIR/postgresql-setup.log" 2>&1 ||
    die "could not create the service roles; see $LOG_DIR/postgresql-setup.log"
}

ensure_service_accounts() {
  service_credentials
  rabbitmq_ensure_accounts
  pg_ensure_service_roles
  log "service accounts ready (passwords in $CREDENTIALS_FILE)"
}

# ------------------------------------------------------------------------------ docker (optional)
compose_file() {
  local f
  for f in compose.yaml compose.yml docker-compose.yaml docker-compose.yml; do
    [ -f "$ROOT_DIR/$f" ] && { echo "$ROOT_DIR/$f"; return 0; }
  done
  return 1
}

use_docker() {
  case "$MODE" in
    native) return 1 ;;
    docker|auto) ;;
    *) die "PLATFORM_INFRA_MODE must be auto, native or docker (got '$MODE')" ;;
  esac
  local ok=0
  if command -v docker >/dev/null 2>&1 && compose_file >/dev/null && timeout 15 docker info >/dev/null 2>&1; then ok=1; fi
  if [ "$MODE" = docker ] && [ "$ok" = 0 ]; then
    die "PLATFORM_INFRA_MODE=docker but no answering Docker engine or no compose file in $ROOT_DIR"
  fi
  [ "$ok" = 1 ]
}

# Compose requires every secret from .env (scripts/compose-env.sh), and reads the whole file even to start only RabbitMQ
# and PostgreSQL. For the tests' infrastructure (published on 127.0.0.1 only) they get the local test accounts the
# test suite uses: guest/guest and platform/platform.
infra_compose() {
  (cd "$ROOT_DIR" && \
    CALLBACK_SIGNING_KEY="${CALLBACK_SIGNING_KEY:-unused-by-infra}" GRAFANA_ADMIN_PASSWORD="${GRAFANA_ADMIN_PASSWORD:-unused-by-infra}" \
    RABBITMQ_ADMIN_USER="${RABBITMQ_ADMIN_USER:-guest}" RABBITMQ_ADMIN_PASSWORD="${RABBITMQ_ADMIN_PASSWORD:-guest}" \
    RABBITMQ_SUBMITTER_PASSWORD="${RABBITMQ_SUBMITTER_PASSWORD:-local-only-submitter}" RABBITMQ_POLLER_PASSWORD="${RABBITMQ_POLLER_PASSWORD:-local-only-poller}" \
    RABBITMQ_ARCHIVER_PASSWORD="${RABBITMQ_ARCHIVER_PASSWORD:-local-only-archiver}" RABBITMQ_PUBLISHER_PASSWORD="${RABBITMQ_PUBLISHER_PASSWORD:-local-only-publisher}" \
    POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-platform}" POSTGRES_SUBMITTER_PASSWORD="${POSTGRES_SUBMITTER_PASSWORD:-local-only-submitter}" \
    POSTGRES_POLLER_PASSWORD="${POSTGRES_POLLER_PASSWORD:-local-only-poller}" ARCHIVE_UID="${ARCHIVE_UID:-0}" ARCHIVE_GID="${ARCHIVE_GID:-0}" \
    docker compose "$@" </dev/null)
}

docker_up() {
  log "using docker compose ($(compose_file))"
  infra_compose up -d rabbitmq postgres || die "docker compose up failed"
  local deadline=$((SECONDS + TIMEOUT))
  until rabbitmq_ready; do
    [ "$SECONDS" -lt "$deadline" ] || die "rabbitmq container not ready within ${TIMEOUT}s"
    sleep 2
  done
  until pg_isready_tcp && { ! psql_bin >/dev/null || pg_creds_ok; }; do
    [ "$SECONDS" -lt "$deadline" ] || die "postgres container not ready (or rejects $PG_ROLE/$PG_PASSWORD) within ${TIMEOUT}s"
    sleep 2
  done
}

# -------------------------------------------------------------------------------------------- main
summary() {
  local rc=0
  if rabbitmq_ready; then
    local metrics="metrics OFF (rabbitmq_prometheus not enabled; 'up' enables it)"
    rabbitmq_metrics_ok && metrics="metrics http://127.0.0.1:$RMQ_PROMETHEUS_PORT/metrics"
    echo "rabbitmq: up   amqp://$RMQ_USER:$RMQ_PASSWORD@127.0.0.1:$AMQP_PORT/  management http://127.0.0.1:$MGMT_PORT/  $metrics"
  else
    echo "rabbitmq: DOWN (expected amqp://127.0.0.1:$AMQP_PORT/ and http://127.0.0.1:$MGMT_PORT/)"
    rc=1
  fi
  find_pgbin || true
  if pg_creds_ok; then
    local where=""
    if [ "$(id -u)" = 0 ]; then   # only root can look into the 0700 data dir
      where="  (server not managed by this script)"
      if [ -n "$PGBIN" ] && [ -s "$PGDATA_DIR/PG_VERSION" ] && pg_is_ours_running; then where="  (data $PGDATA_DIR)"; fi
    fi
    echo "postgres: up   postgresql://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB$where"
  elif pg_isready_tcp; then
    echo "postgres: DOWN (127.0.0.1:$PG_PORT answers but rejects $PG_ROLE/$PG_PASSWORD on $PG_DB)"
    rc=1
  else
    echo "postgres: DOWN (expected postgresql://127.0.0.1:$PG_PORT/$PG_DB)"
    rc=1
  fi
  # Not a service here: nothing needs it running, so it does not count towards the exit status.
  if have_prometheus; then
    echo "prometheus: installed  $(command -v prometheus || echo /usr/bin/prometheus) ($(prometheus --version 2>&1 | awk 'NR == 1 { print $3 }')), not run as a service; scripts/check-dashboards.sh starts its own"
  else
    echo "prometheus: NOT INSTALLED ('$0 up' installs Debian's package)"
  fi
  return "$rc"
}

cmd_up() {
  require_root up
  take_lock
  local started=$SECONDS
  if use_docker; then
    ensure_packages docker
    docker_up
  else
    ensure_packages native
    rabbitmq_up
    postgres_up
    ensure_service_accounts
  fi
  log "up in $((SECONDS - started))s; ffmpeg: $(command -v ffmpeg)"
  summary
}

cmd_down() {
  require_root down
  take_lock
  if use_docker; then
    infra_compose stop rabbitmq postgres || die "docker compose stop failed"
  else
    if have_rabbitmq; then rabbitmq_down; else log "rabbitmq not installed, nothing to stop"; fi
    postgres_down
  fi
}

# Used by the crash test: one dependency goes away and comes back while the platform runs.
cmd_restart() {
  require_root restart
  take_lock
  case "${1:-}" in
    rabbitmq) rabbitmq_down; rabbitmq_up ;;
    postgres) postgres_down; postgres_up ;;
    *) usage ;;
  esac
}

# Used by the crash test to hold an outage longer than the services' immediate retries.
cmd_stop() {
  require_root stop
  take_lock
  case "${1:-}" in
    rabbitmq) rabbitmq_down ;;
    postgres) postgres_down ;;
    *) usage ;;
  esac
}

cmd_start() {
  require_root start
  take_lock
  case "${1:-}" in
    rabbitmq) rabbitmq_up ;;
    postgres) postgres_up ;;
    *) usage ;;
  esac
}

main() {
  [ $# -ge 1 ] || usage
  case "$1" in
    restart) cmd_restart "${2:-}" ;;
    stop) cmd_stop "${2:-}" ;;
    start) cmd_start "${2:-}" ;;
    up) cmd_up ;;
    down) cmd_down ;;
    status) summary ;;
    -h|--help|help) sed -n '2,27p' "${BASH_SOURCE[0]}" ;;
    *) usage ;;
  esac
}

main "$@"
