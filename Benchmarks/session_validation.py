"""Benchmarks/session-validation's measurements (run through that script, with the .venv's Python).

For each token format (split, lucia-v3) the release `authstore-bench` seeds COUNT users with one session
each through AuthStore, then every case runs for the same time with a 0.5 s warm-up, alternating ours
and the baseline:

1. MongoDB, 1, 8 and 64 concurrent callers: AuthStore.validate through MongoAuthBackend (a ClientPool of
   min(callers, 8) clients, its default size, and a thread per client) against pymongo issuing the same
   aggregate (`$match` on `_id`, then `$lookup` of the user into `userDocs`) from a ThreadPoolExecutor of
   that size, one connection per caller (its default pool holds 100), with the same checks
   (split: SHA-256 of the secret against `secret_hash` in constant time; expiry; user present).
   Targets: throughput >= 1.0x pymongo's, client CPU (getrusage user+sys) per validation <= 0.5x.
2. SQLite, 1 and 8 threads: SQLiteAuthBackend against Python's sqlite3 running the same
   `SELECT ... FROM "session" AS s LEFT JOIN "user" AS u ON u.id = s.user_id WHERE s.id = ?` on the same
   file, one connection per thread. Target: throughput >= 1.5x. With --floor, each one-thread line is
   followed by the C floor: the same statement bound, stepped and reset in a C loop (no row decoding,
   no checks), the fastest any client of this libsqlite3 can go, as a ratio to sqlite3 (no goal).

Each of our cases runs twice: with the callers on Swift's cooperative pool (each validation is handed
to the store's thread pool and the caller woken again), and with the callers preferring the store's
executor (`withTaskExecutorPreference(store.preferredExecutor)`), where the blocking call runs on the
thread the caller is already on.
"""
import argparse
import concurrent.futures
import datetime
import hashlib
import hmac
import os
import resource
import sqlite3
import subprocess
import sys
import time

import pymongo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_record import record  # noqa: E402  (Benchmarks/run collects these)

FORMATS = ("split", "lucia-v3")
# How our callers run (authstore-bench's MODE): on the cooperative pool, every call handed to the
# store's threads and back; or preferring the store's executor (AuthStore.preferredExecutor).
MODES = {"handoff": "hand-off", "on-pool": "on the store's executor"}
WARM_UP = 0.5


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def lookup(token_format, token):
    """The stored id to fetch and, for split, the secret to check (None, None when malformed)."""
    if not token or len(token.encode()) > 256:
        return None, None
    if token_format == "split":
        parts = token.split(".")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            return None, None
        return parts[0], parts[1]
    return token, None


def secret_matches(secret, stored):
    return secret is None or (stored is not None and hmac.compare_digest(hashlib.sha256(secret.encode()).digest(), bytes(stored)))


def run_threads(callers, seconds, tokens, make_validate):
    """callers threads, each with its own validate (from make_validate()), looping until the deadline."""
    def loop(caller, deadline):
        validate = make_validate()
        index, done, failed = caller * len(tokens) // callers, 0, 0
        while time.monotonic() < deadline:
            if validate(tokens[index % len(tokens)]):
                done += 1
            else:
                failed += 1
            index += 1
        return done, failed

    with concurrent.futures.ThreadPoolExecutor(max_workers=callers) as pool:
        def phase(length):
            deadline = time.monotonic() + length
            results = [f.result() for f in [pool.submit(loop, c, deadline) for c in range(callers)]]
            return sum(r[0] for r in results), sum(r[1] for r in results)
        phase(WARM_UP)
        cpu, start = cpu_seconds(), time.monotonic()
        done, failed = phase(seconds)
        return {"validations": done, "failures": failed, "wall": time.monotonic() - start, "cpu": cpu_seconds() - cpu}


def pymongo_case(uri, database, token_format, tokens, callers, seconds):
    client = pymongo.MongoClient(uri, maxPoolSize=callers)
    sessions = client[database]["sessions"]

    def make_validate():
        def validate(token):
            session_id, secret = lookup(token_format, token)
            if session_id is None:
                return False
            found = list(sessions.aggregate([
                {"$match": {"_id": session_id}},
                {"$lookup": {"from": "users", "localField": "user_id", "foreignField": "_id", "as": "userDocs"}},
            ]))
            if not found or not secret_matches(secret, found[0].get("secret_hash")):
                return False
            now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
            return found[0]["expires_at"] > now and bool(found[0]["userDocs"])
        return validate

    try:
        return run_threads(callers, seconds, tokens, make_validate)
    finally:
        client.close()


def sqlite_case(path, token_format, tokens, callers, seconds):
    probe = sqlite3.connect(path)
    session_columns = [row[1] for row in probe.execute('PRAGMA table_info("session")')]
    user_columns = [row[1] for row in probe.execute('PRAGMA table_info("user")')]
    probe.close()
    columns = [f's."{c}"' for c in session_columns] + [f'u."{c}"' for c in user_columns]
    query = f'SELECT {", ".join(columns)} FROM "session" AS s LEFT JOIN "user" AS u ON u.id = s.user_id WHERE s.id = ?'
    expires, hash_at, user_at = session_columns.index("expires_at"), \
        session_columns.index("secret_hash") if "secret_hash" in session_columns else None, len(session_columns)

    def make_validate():
        connection = sqlite3.connect(path, check_same_thread=False, timeout=5)

        def validate(token):
            session_id, secret = lookup(token_format, token)
            if session_id is None:
                return False
            row = connection.execute(query, (session_id,)).fetchone()
            if row is None or not secret_matches(secret, row[hash_at] if hash_at is not None else None):
                return False
            return row[expires] > time.time() and row[user_at] is not None
        return validate

    return run_threads(callers, seconds, tokens, make_validate)


def floor_case(floor, path, token_format, tokens_path, seconds):
    """The C floor (Benchmarks/SQLiteFloor): the lookup statement alone, bound, stepped and reset."""
    fields = dict(item.split("=") for item in subprocess.run(
        [floor, path, tokens_path, token_format, str(seconds)], check=True, capture_output=True, text=True).stdout.split())
    return {"validations": int(fields["validations"]), "failures": int(fields["failures"]), "wall": float(fields["wall"]), "cpu": 0.0}


def run_bench(bench, *args):
    return subprocess.run([bench, *map(str, args)], check=True, capture_output=True, text=True).stdout


def ours(bench, *args):
    fields = dict(item.split("=") for item in run_bench(bench, *args).split())
    return {"validations": int(fields["validations"]), "failures": int(fields["failures"]),
            "wall": float(fields["wall"]), "cpu": float(fields["cpu"])}


def alternate(rounds, mine, theirs):
    """Runs ours then the baseline `rounds` times in turn, so load from elsewhere falls on both alike;
    returns the sums (validations, failures, wall and CPU seconds) of each side."""
    totals = [{"validations": 0, "failures": 0, "wall": 0.0, "cpu": 0.0} for _ in range(2)]
    for _ in range(max(1, rounds)):
        for total, result in zip(totals, (mine(), theirs())):
            for key in total:
                total[key] += result[key]
    return totals


def rates(result):
    count = max(result["validations"], 1)
    return result["validations"] / result["wall"], result["cpu"] / count * 1e6


def report(label, mine, theirs, baseline, throughput_target, cpu_target=None):
    (our_rate, our_cpu), (their_rate, their_cpu) = rates(mine), rates(theirs)
    ratio, cpu_ratio = our_rate / their_rate, our_cpu / their_cpu
    ok_rate = ratio >= throughput_target and mine["failures"] == 0 and theirs["failures"] == 0
    line = (f"{label}: AuthStore {our_rate:,.0f}/s, {baseline} {their_rate:,.0f}/s, "
            f"throughput {ratio:.2f}x (target >= {throughput_target}x) {'PASS' if ok_rate else 'FAIL'}; "
            f"client CPU {our_cpu:.0f} us against {their_cpu:.0f} us per validation, {cpu_ratio:.2f}x")
    ok_cpu = True
    if cpu_target is not None:
        ok_cpu = cpu_ratio <= cpu_target
        line += f" (target <= {cpu_target}x) {'PASS' if ok_cpu else 'FAIL'}"
    if mine["failures"] or theirs["failures"]:
        line += f" [rejected: ours {mine['failures']}, baseline {theirs['failures']}]"
    print(line, flush=True)
    record("session-validation", f"{label}, throughput", our_rate, "/s", their_rate, ratio, f">= {throughput_target}x {baseline}", ok_rate)
    if cpu_target is not None:
        record("session-validation", f"{label}, client CPU per validation", our_cpu, "us", their_cpu, cpu_ratio, f"<= {cpu_target}x {baseline}", ok_cpu)
    return ok_rate, ok_cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bench")
    parser.add_argument("uri")
    parser.add_argument("workdir")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--callers", default="1,8,64")
    parser.add_argument("--threads", default="1,8")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--floor", help="the compiled Benchmarks/SQLiteFloor/sqlite_floor.c (one-thread lines print it)")
    options = parser.parse_args()
    # An empty list skips that backend (`--callers ""` measures SQLite only).
    callers = [int(c) for c in options.callers.split(",") if c]
    threads = [int(t) for t in options.threads.split(",") if t]
    verdicts = []

    print(f"SecantusDB on loopback, {options.count} users and sessions per format, {options.seconds:g} s per case, "
          f"{os.cpu_count()} cores", flush=True)
    for token_format in FORMATS:
        database, tokens_path = f"bench_{token_format.replace('-', '_')}", os.path.join(options.workdir, f"mongo-{token_format}")
        run_bench(options.bench, "seed-mongo", options.uri, database, token_format, options.count, tokens_path)
        tokens = open(tokens_path).read().split()
        for count in callers:
            for mode in MODES:
                mine, theirs = alternate(options.rounds,
                                         lambda: ours(options.bench, "validate-mongo", options.uri, database, token_format, tokens_path, count, options.seconds, mode),
                                         lambda: pymongo_case(options.uri, database, token_format, tokens, count, options.seconds))
                verdicts += report(f"MongoDB {token_format}, {count} callers, {MODES[mode]}", mine, theirs, "pymongo", 1.0, 0.5)

    for token_format in FORMATS:
        path, tokens_path = os.path.join(options.workdir, f"{token_format}.db"), os.path.join(options.workdir, f"sqlite-{token_format}")
        run_bench(options.bench, "seed-sqlite", path, token_format, options.count, tokens_path)
        tokens = open(tokens_path).read().split()
        for count in threads:
            for mode in MODES:
                mine, theirs = alternate(options.rounds,
                                         lambda: ours(options.bench, "validate-sqlite", path, token_format, tokens_path, count, options.seconds, mode),
                                         lambda: sqlite_case(path, token_format, tokens, count, options.seconds))
                ok_rate, _ = report(f"SQLite {token_format}, {count} threads, {MODES[mode]}", mine, theirs, "sqlite3", 1.5)
                verdicts.append(ok_rate)
            if count == 1 and options.floor:
                floor, theirs = alternate(options.rounds,
                                          lambda: floor_case(options.floor, path, token_format, tokens_path, options.seconds),
                                          lambda: sqlite_case(path, token_format, tokens, count, options.seconds))
                (floor_rate, _), (their_rate, _) = rates(floor), rates(theirs)
                print(f"SQLite {token_format}, 1 thread, C floor (the statement alone, no client around it): "
                      f"{floor_rate:,.0f}/s, sqlite3 {their_rate:,.0f}/s, {floor_rate / their_rate:.2f}x (information, no goal)", flush=True)
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
