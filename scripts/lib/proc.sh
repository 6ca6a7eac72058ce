# Resource use of a running process, read from /proc (Linux only). Read before stopping the process: the figures
# go with it.

proc_peak_rss_mib() { # PID -> peak resident set (VmHWM) in MiB, one decimal
  awk '/^VmHWM:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"
}

proc_cpu_seconds() { # PID -> user + system CPU time in seconds, two decimals
  local ticks
  ticks=$(getconf CLK_TCK)
  # Fields 14 and 15 (utime, stime) counted after the command name, which is in parentheses and may hold spaces.
  sed 's/^.*) //' "/proc/$1/stat" | awk -v hz="$ticks" '{ printf "%.2f\n", ($12 + $13) / hz }'
}

proc_server_cpu_seconds() { # PID -> CPU seconds of a server: itself, the children it reaped and those still running
  local ticks child
  ticks=$(getconf CLK_TCK)
  {
    # Fields 14-17: utime, stime, and the reaped children's cutime, cstime (PostgreSQL's exited backends).
    sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 + $14 + $15 }'
    for child in $(pgrep -P "$1"); do
      sed 's/^.*) //' "/proc/$child/stat" 2>/dev/null | awk '{ print $12 + $13 }'
    done
  } | awk -v hz="$ticks" '{ t += $1 } END { printf "%.2f\n", t / hz }'
}
