"""
Figures of one bench-fairness run, from the two load runs' event files (a-events.jsonl: the bulk caller, b-events.jsonl:
the interactive one) and the simulator's stats and tasks. Prints a table and, last, one JSON line.

Definitions (times are the platform's and the CLI's, one machine, one clock):
- wait: accepted_at - sent_at of a request the provider accepted (TaskSubmitted.SubmittedAt minus when the CLI
  published it); requests never accepted have no wait and count only in the outcomes.
- slot_turn_s: the mean gap between consecutive provider acceptances, of every request of either caller, over the
  window from B's first publish to B's last acceptance (to the last acceptance of all when B had none). While the key
  is saturated that is how often a slot frees; slot_turn_ideal_s = (pending + generation) / slots is its floor.
- b_wait_p95_turns: B's p95 wait divided by slot_turn_s. With slots freeing unevenly (tasks that started together end
  together) a mean gap is a poor unit: a request arriving just after a wave waits for the next one.
- b_grants (from the submitter's submissions table, submissions.csv, when the run exported it): for each B request,
  the slots the key gave out (to anyone, from the line or directly) after it joined the line, up to and including its
  own, in the order they were given (admitted_seq: one dispatcher round gives several slots at one instant, in line
  order): 1 means it took the first slot that came free; a request that found a slot free counts 1. Slot turns in the issue's sense, counted rather than estimated. b_grants_p95 is the figure to hold to 2.
- provider_concurrency_failures: TaskFailed with provider_unavailable whose reason names the provider's concurrency
  refusal (the simulator says "too many unfinished tasks").
- queued: requests whose line has a queued_at (a TaskQueued event); null when the lines carry no such field.
"""
import csv
import json
import math
import sys
from datetime import datetime

CONCURRENCY_WORDS = ("unfinished tasks", "concurren")


def at(text):
    return datetime.fromisoformat(text) if text else None


def nearest_rank(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1], 2)


def lines(path):
    try:
        return [json.loads(l) for l in open(path) if l.strip()]
    except OSError:
        return []


def is_concurrency_failure(e):
    return (e["outcome"] == "TaskFailed" and e.get("reason_code") == "provider_unavailable"
            and any(w in (e.get("reason") or "").lower() for w in CONCURRENCY_WORDS))


def caller_figures(events, requests):
    failed = {}
    for e in events:
        if e["outcome"] in ("TaskFailed", "ArchiveFailed"):
            failed[e.get("reason_code") or "?"] = failed.get(e.get("reason_code") or "?", 0) + 1
    waits = [(at(e["accepted_at"]) - at(e["sent_at"])).total_seconds() for e in events if e.get("accepted_at")]
    queued = None
    if any("queued_at" in e for e in events):
        queued = sum(1 for e in events if e.get("queued_at"))
    return {
        # A load run that died before writing its file saw none of its requests end.
        "requests": requests,
        "accepted": len(waits),
        "archived": sum(1 for e in events if e["outcome"] == "VideoArchived"),
        "failed": failed,
        "rejected": sum(1 for e in events if e["outcome"] == "GenerateVideoRejected"),
        "lost": requests - sum(1 for e in events if e["outcome"] != "lost"),
        "concurrency_failures": sum(1 for e in events if is_concurrency_failure(e)),
        "queued": queued,
        "wait_p50_s": nearest_rank(waits, 50),
        "wait_p95_s": nearest_rank(waits, 95),
        "wait_max_s": round(max(waits), 2) if waits else None,
    }


def slot_turn(a_events, b_events):
    accepted = sorted(at(e["accepted_at"]) for e in a_events + b_events if e.get("accepted_at"))
    b_sent = [at(e["sent_at"]) for e in b_events]
    b_accepted = [at(e["accepted_at"]) for e in b_events if e.get("accepted_at")]
    if not accepted or not b_sent:
        return None, 0
    start, end = min(b_sent), max(b_accepted) if b_accepted else accepted[-1]
    window = [t for t in accepted if start <= t <= end]
    if len(window) < 2:
        return None, len(window)
    return round((window[-1] - window[0]).total_seconds() / (len(window) - 1), 3), len(window)


def slot_grants(run_dir, b_caller="interactive"):
    """Per B request, the slots given out while it waited, its own included (see b_grants); None without the export."""
    try:
        rows = list(csv.DictReader(open(f"{run_dir}/submissions.csv")))
    except FileNotFoundError:
        return None
    given = [(r["provider"], float(r["admitted_at"]), int(r["admitted_seq"])) for r in rows if r["admitted_at"] and r["admitted_seq"]]
    grants = []
    for r in rows:
        if r["caller"] != b_caller or not r["admitted_at"] or not r["admitted_seq"]:
            continue
        if not r["queued_at"]:
            grants.append(1)
            continue
        # Given after it joined the line, and before it or it: one round gives its slots in line order (admitted_seq).
        joined, own = float(r["queued_at"]), int(r["admitted_seq"])
        grants.append(sum(1 for provider, at, seq in given if provider == r["provider"] and at > joined and seq <= own))
    return grants


def peak_unfinished(tasks):
    steps = sorted([(at(t["submittedAt"]), 1) for t in tasks if t.get("submittedAt")] +
                   [(at(t["completesAt"]), -1) for t in tasks if t.get("submittedAt") and t.get("completesAt")],
                   key=lambda s: (s[0], s[1]))
    now = peak = 0
    for _, step in steps:
        now += step
        peak = max(peak, now)
    return peak


def main():
    run_dir, a_requests, b_requests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    settings = json.loads(sys.argv[4])
    a_events, b_events = lines(f"{run_dir}/a-events.jsonl"), lines(f"{run_dir}/b-events.jsonl")
    stats = json.load(open(f"{run_dir}/sim-stats.json"))
    tasks = json.load(open(f"{run_dir}/sim-tasks.json"))
    a, b = caller_figures(a_events, a_requests), caller_figures(b_events, b_requests)
    turn, turn_acceptances = slot_turn(a_events, b_events)
    grants = slot_grants(run_dir)
    ideal = round((settings["pending_s"] + settings["generation_s"]) / settings["slots"], 3)

    def turns(wait):
        return round(wait / turn, 1) if wait is not None and turn else None

    result = {
        **settings,
        "a": a, "b": b,
        "provider_concurrency_failures": a["concurrency_failures"] + b["concurrency_failures"],
        "sim_rate_limited": stats["rateLimited"],
        "sim_submits": stats["submits"],
        "sim_tasks": stats["tasks"],
        "sim_peak_unfinished": peak_unfinished(tasks),
        "slot_turn_s": turn,
        "slot_turn_acceptances": turn_acceptances,
        "slot_turn_ideal_s": ideal,
        "b_wait_p50_s": b["wait_p50_s"], "b_wait_p95_s": b["wait_p95_s"], "b_wait_p95_turns": turns(b["wait_p95_s"]),
        "a_wait_p50_s": a["wait_p50_s"], "a_wait_p95_s": a["wait_p95_s"], "a_wait_p95_turns": turns(a["wait_p95_s"]),
        "b_grants_p50": nearest_rank(grants, 50) if grants else None,
        "b_grants_p95": nearest_rank(grants, 95) if grants else None,
        "b_grants_max": max(grants) if grants else None,
        "queued": None if a["queued"] is None and b["queued"] is None else (a["queued"] or 0) + (b["queued"] or 0),
    }
    json.dump(result, open(f"{run_dir}/figures.json", "w"))

    print(f"modellix {settings['model']}: {settings['slots']} slots per key at the simulator and the platform, "
          f"generation {settings['generation_s']:g} s {settings.get('generation_distribution', 'Fixed').lower()}, pending {settings['pending_s']:g} s; "
          f"B starts {settings['b_delay_s']:g} s after A at {settings['b_per_minute']}/min")
    print(f"{'':34}{'A (bulk)':>14}{'B (interactive)':>18}")
    for title, key in [("requests", "requests"), ("accepted by the provider", "accepted"), ("archived", "archived"),
                       ("rejected", "rejected"), ("lost (no terminal event)", "lost"),
                       ("failed at provider concurrency", "concurrency_failures"), ("queued (TaskQueued)", "queued"),
                       ("wait for a slot p50 (s)", "wait_p50_s"), ("wait for a slot p95 (s)", "wait_p95_s"),
                       ("wait for a slot max (s)", "wait_max_s")]:
        print(f"{title:34}{str(a[key] if a[key] is not None else '-'):>14}{str(b[key] if b[key] is not None else '-'):>18}")
    for code in sorted(set(a["failed"]) | set(b["failed"])):
        print(f"{'failed: ' + code:34}{a['failed'].get(code, 0):>14}{b['failed'].get(code, 0):>18}")
    print(f"{'wait p95 in slot turns':34}{str(result['a_wait_p95_turns'] or '-'):>14}{str(result['b_wait_p95_turns'] or '-'):>18}")
    if grants:
        spread = f"p50 {result['b_grants_p50']} p95 {result['b_grants_p95']} max {result['b_grants_max']}"
        print(f"{'slots given while B waited':34}{'':>14}{spread:>18}")
    print(f"slot turn {turn} s over {turn_acceptances} acceptances (floor {ideal} s); provider concurrency failures "
          f"{result['provider_concurrency_failures']}; simulator: {stats['rateLimited']} refused (429), {stats['tasks']} tasks, "
          f"peak {result['sim_peak_unfinished']} unfinished")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
