"""Measures mongo-doctor's time to a verdict against baselines taken in the same run.

Every target is on 127.0.0.1. Each figure is the median of several runs of the whole process.
Ratios below 1.0 meet the target.
"""
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_record import record  # noqa: E402  (Benchmarks/run collects these)

doctor, uri = sys.argv[1], sys.argv[2]
quick = "--quick" in sys.argv
python = sys.executable


def timed(cmd, runs=5):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def silent_listener():
    """Accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []

    def loop():
        while True:
            try:
                conn, _ = server.accept()
                held.append(conn)
            except OSError:
                return

    threading.Thread(target=loop, daemon=True).start()
    return server, server.getsockname()[1]


def report(name, seconds, target, note="", baseline=None):
    ratio = seconds / target
    verdict = "meets target" if ratio <= 1.0 else "MISSES target"
    print(f"{name:<44} {seconds:7.3f} s   target {target:6.3f} s   ratio {ratio:5.2f}  {verdict}{note}")
    record("time-to-verdict", name, seconds, "s", baseline, ratio, f"<= {target:.3f} s (ratio <= 1.0)", ratio <= 1.0)


print(f"mongo-doctor: {doctor}\nserver: {uri}\n")

# Baseline 1: starting the process at all (mongo-doctor --version).
startup = timed([doctor, "--version"])
print(f"{'baseline: mongo-doctor --version':<44} {startup:7.3f} s")

# Baseline 2: a plain pymongo script that only pings the same server.
ping = f"import pymongo; pymongo.MongoClient({uri!r}).admin.command('ping')"
pymongo_ping = timed([python, "-c", ping])
print(f"{'baseline: pymongo script, ping only':<44} {pymongo_ping:7.3f} s\n")

report("refused port (whole process)", timed([doctor, "check", "--uri", f"mongodb://127.0.0.1:{closed_port()}/"]), 0.1)
report("unknown host (whole process)", timed([doctor, "check", "--uri", "mongodb://nosuchhost.invalid:27017/"]), 0.1)

server, port = silent_listener()
probe_timeout = 1.0
silent = timed([doctor, "check", "--uri", f"mongodb://127.0.0.1:{port}/", "--timeout", str(probe_timeout)], runs=3)
report("silent host (--timeout 1)", silent, probe_timeout * 1.1)

healthy = timed([doctor, "check", "--uri", uri])
report("healthy server, every stage", healthy, pymongo_ping / 2, "  (target: half of pymongo's ping)", baseline=pymongo_ping)

if not quick:
    wait = f"import pymongo\ntry: pymongo.MongoClient('mongodb://127.0.0.1:{port}/').admin.command('ping')\nexcept Exception: pass"
    pymongo_silent = timed([python, "-c", wait], runs=1)
    print(f"\n{'pymongo default on the silent host':<44} {pymongo_silent:7.3f} s")
    print(f"{'  mongo-doctor is faster by a factor of':<44} {pymongo_silent / silent:7.1f}")
server.close()
