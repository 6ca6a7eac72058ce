# Shared by the scripts that run the platform as processes (demo, crash test, benchmarks). Source it from the
# repository root; it starts the built apps from their output folders (so each finds its appsettings.json),
# remembers their pids, and stops them on exit.

APPS_LOG_DIR=${APPS_LOG_DIR:-$PWD/.run/logs}
declare -A APP_PIDS=()

build_release() {
  echo "building…" >&2
  dotnet build Platform.sln -c Release -v quiet -nologo >&2
}

# start_app KEY PROJECT URL [ENV=VALUE…]: KEY names the instance (e.g. poller-2), PROJECT the app.
start_app() {
  local key=$1 project=$2 url=$3
  shift 3
  mkdir -p "$APPS_LOG_DIR"
  local dir="$PWD/src/$project/bin/Release/net10.0"
  (cd "$dir" && exec env "$@" dotnet "$project.dll" --urls "$url") >>"$APPS_LOG_DIR/$key.log" 2>&1 &
  APP_PIDS[$key]=$!
}

stop_app() { # KEY [SIGNAL]
  local pid=${APP_PIDS[$1]:-}
  [ -n "$pid" ] || return 0
  kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "APP_PIDS[$1]"
}

stop_all_apps() {
  local key
  for key in "${!APP_PIDS[@]}"; do stop_app "$key"; done
}

wait_ready() { # URL NAME [SECONDS]
  local tries=$(( ${3:-60} * 2 ))
  for _ in $(seq 1 "$tries"); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "$2 did not become ready at $1; see $APPS_LOG_DIR/$2.log" >&2
  return 1
}

# The simulator accepts the key the services are configured with (the same variables); a real provider's key
# goes here too, from the environment, never from a file in the repository.
export_demo_keys() {
  local provider var
  for provider in Modellix MyRouter EvoLink; do
    var="Providers__${provider}__ApiKey"
    export "$var"="${!var:-demo-key-not-secret}"
  done
}

# Signs the callback URLs the submitter hands out and is checked by the poller: drawn per run, never stored, and
# exported rather than passed as an argument, so no command line shows it.
export_callback_signing_key() {
  Callbacks__SigningKey=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
  export Callbacks__SigningKey
}

# A private RabbitMQ virtual host and PostgreSQL database named NAME, so a run starts empty and, with
# drop_sandbox, leaves nothing behind. Exports the connection settings the apps read.
rmq_api() { curl -fsS -u guest:guest -H 'content-type: application/json' "$@"; }
psql_admin() { PGPASSWORD=platform psql -h 127.0.0.1 -U platform -d platform -qtAX -c "$1"; }

create_sandbox() { # NAME
  rmq_api -X PUT "http://127.0.0.1:15672/api/vhosts/$1" >/dev/null
  rmq_api -X PUT "http://127.0.0.1:15672/api/permissions/$1/guest" -d '{"configure":".*","write":".*","read":".*"}' >/dev/null
  psql_admin "CREATE DATABASE $1"
  export RabbitMq__Host=127.0.0.1 RabbitMq__VirtualHost=$1
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=5432;Username=platform;Password=platform;Database=$1"
}

drop_sandbox() { # NAME
  rmq_api -X DELETE "http://127.0.0.1:15672/api/vhosts/$1" >/dev/null 2>&1 || true
  psql_admin "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || true
}
