"""One line per measured goal, for Benchmarks/run's report.

Every benchmark script calls `record(...)` where it prints a verdict. When the environment names a file
in MD_BENCH_RECORD (Benchmarks/run does), the measurement is appended to it as one JSON object per line;
otherwise nothing happens, so each script still runs on its own.

A record: benchmark, measurement, ours and baseline (numbers with their unit, baseline may be None),
ratio (ours / baseline, or ours / goal value where the goal is absolute), goal (text such as "<= 1.1x"),
passed (bool).
"""
import json
import os


def record(benchmark, measurement, ours, unit, baseline, ratio, goal, passed):
    path = os.environ.get("MD_BENCH_RECORD")
    if not path:
        return
    entry = {"benchmark": benchmark, "measurement": measurement, "ours": ours, "unit": unit,
             "baseline": baseline, "ratio": ratio, "goal": goal, "passed": bool(passed)}
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")
