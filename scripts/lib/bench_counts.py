"""
Broker messages and database row writes of one bench run, counted by RabbitMQ and PostgreSQL themselves (see
counters.sh), divided by the checks the simulator counted. An exchange or table that exists at only one of the two
readings counts from zero, so a scheduler table or exchange that a later poller no longer has simply drops out.
"""
import json
import os

# Messages sent once per request, whatever the number of checks: the request, its outcome and its archive. Matched
# by the message type's name after MassTransit's "Namespace:Type" exchange name. TaskProgressed is what a check tells
# callers, not part of the loop: reported on its own. Everything else published in the run's vhost (CheckTaskStatus,
# TaskStatusObserved, RecheckDue, a scheduler's messages, provider callbacks, which each lead to a check) counts as
# the check loop's.
PER_REQUEST_TYPES = {
    "GenerateVideo", "GenerateVideoRejected", "TaskSubmitted", "TaskFailed", "TaskCompleted", "TaskCanceled",
    "VideoArchived", "ArchiveFailed", "CancelVideoTask", "CancelVideoTaskResult", "GetVideoTaskStatus",
    "VideoTaskStatus",
}
NEWS_TYPES = {"TaskProgressed"}

# Saga steps that are not checks write the saga row once per message: the archiver's report and a cancel.
SAGA_STEPS_PER_REQUEST = {"VideoArchived", "ArchiveFailed", "CancelVideoTask"}

# The tables a check writes: the saga row and the scheduler's rows. BENCH_CHECK_TABLES (space-separated) adds
# more, e.g. a table of due checks.
CHECK_LOOP_TABLES = {"video_tasks", "scheduled_messages"} | set(os.environ.get("BENCH_CHECK_TABLES", "").split())


def _load(path):
    try:
        return json.load(open(path))
    except (OSError, ValueError):
        return None


def _per(count, divisor):
    return round(count / divisor, 2) if divisor else None


def _exchange_deltas(start, end):
    before = {x["name"]: x["publish_in"] for x in start}
    return {x["name"]: x["publish_in"] - before.get(x["name"], 0) for x in end}


def _message_type(exchange):
    return exchange.rsplit(":", 1)[-1]


def _message_class(exchange):
    kind = _message_type(exchange)
    return "per_request" if kind in PER_REQUEST_TYPES else "news" if kind in NEWS_TYPES else "check_loop"


def broker_figures(start, end, requests, checks):
    if start is None or end is None:
        return {"broker_messages": None, "broker_messages_per_request": None, "broker_messages_per_check": None,
                "broker_messages_by_exchange": {}}
    deltas = {name or "(default)": n for name, n in _exchange_deltas(start, end).items() if n > 0}
    by_exchange = {
        name: {"messages": n, "per_check": _per(n, checks), "per_request": _per(n, requests),
               "counted_as": _message_class(name)}
        for name, n in sorted(deltas.items(), key=lambda item: -item[1])
    }
    total = sum(deltas.values())
    loop = sum(x["messages"] for x in by_exchange.values() if x["counted_as"] == "check_loop")
    return {"broker_messages": total, "broker_messages_per_request": _per(total, requests),
            "broker_messages_check_loop": loop, "broker_messages_per_check": _per(loop, checks),
            "broker_messages_by_exchange": by_exchange}


def db_figures(start, end, requests, checks, saga_steps_per_request=0):
    if start is None or end is None:
        return {"db_writes": None, "db_writes_per_request": None, "db_writes_per_check": None, "db_writes_by_table": {}}
    before = {t["table"]: t for t in start}
    by_table = {}
    for t in end:
        was = before.get(t["table"], {})
        counts = {kind: t[kind] - was.get(kind, 0) for kind in ("inserted", "updated", "deleted")}
        writes = sum(counts.values())
        by_table[t["table"]] = dict(counts, writes=writes, per_check=_per(writes, checks),
                                    per_request=_per(writes, requests),
                                    counted_as="check_loop" if t["table"] in CHECK_LOOP_TABLES else "other")
    total = sum(t["writes"] for t in by_table.values())
    # The saga row's insert and the non-check steps' updates happen once per request, however many checks there are.
    saga = by_table.get("video_tasks", {})
    per_request_writes = saga.get("inserted", 0) + min(saga_steps_per_request, saga.get("updated", 0))
    loop = sum(t["writes"] for t in by_table.values() if t["counted_as"] == "check_loop") - per_request_writes
    return {"db_writes": total, "db_writes_per_request": _per(total, requests), "db_writes_check_loop": loop,
            "db_writes_per_check": _per(loop, checks), "db_writes_by_table": by_table}


def counted_figures(run_dir, requests, checks):
    """Figures for figures.json from the run's counts-{start,end}-{exchanges,tables}.json."""
    def reading(when, what):
        return _load(f"{run_dir}/counts-{when}-{what}.json")

    broker = broker_figures(reading("start", "exchanges"), reading("end", "exchanges"), requests, checks)
    saga_steps = sum(x["messages"] for name, x in broker["broker_messages_by_exchange"].items()
                     if _message_type(name) in SAGA_STEPS_PER_REQUEST)
    return dict(checks=checks, **broker,
                **db_figures(reading("start", "tables"), reading("end", "tables"), requests, checks, saga_steps))
