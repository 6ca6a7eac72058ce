# Counters that RabbitMQ and PostgreSQL keep themselves, read before and after a run so a benchmark can count
# messages and row writes instead of estimating them. Source after apps.sh (uses rmq_api).
#
# Both trail what happened: the management API's message counts by its statistics interval (5 s by default), and
# PostgreSQL's table counts until each backend flushes them, which it does when idle at most once a second, else
# 10 s later, and always when it exits. So read a baseline after the apps have sat idle for 11 s, and the final
# tables after the apps have stopped (their connections closed).
COUNTERS_SETTLE_SECONDS=11

# snapshot_exchanges VHOST FILE: each exchange's name and the messages clients published into it (publish_in).
# A message that MassTransit publishes to a message-type exchange counts there once, not again at each exchange
# it is bound through.
snapshot_exchanges() {
  rmq_api "http://127.0.0.1:15672/api/exchanges/$1?columns=name,type,message_stats.publish_in" \
    | jq '[.[] | {name, type, publish_in: (.message_stats.publish_in // 0)}]' >"$2"
}

# snapshot_tables DATABASE FILE: rows inserted, updated and deleted in each user table, as counted so far.
snapshot_tables() {
  PGPASSWORD=platform psql -h 127.0.0.1 -U platform -d "$1" -qtAX -c "
    SELECT coalesce(json_agg(json_build_object('table', relname, 'inserted', n_tup_ins, 'updated', n_tup_upd,
                                               'deleted', n_tup_del) ORDER BY relname), '[]')
    FROM pg_stat_user_tables" >"$2"
}
