"""Benchmarks/migrate-sqlite's measurements (run through that script, with the .venv's Python).

1. Throughput. A Lucia v2 file (`user`, `user_key` with an s2 hash per user, `user_session` in
   milliseconds) of USERS users and SESSIONS sessions is migrated by `mongo-doctor migrate sqlite` into a
   fresh database, and by the baseline: Python's sqlite3 reading the same file in the same order,
   building the same v3 documents (username and hashed_password from the key, expires_at a Date from
   idle_expires), and pymongo's insert_many in batches of 1000, unordered, into another fresh database.
   Alternating, ROUNDS times; medians compared. Two lines:
   - the copy (documents per second moved: our `phaseMs.copy`, read + convert + write, against the
     baseline's read + convert + insert_many). Target: >= 0.9x.
   - the whole job (our process from start to exit: copy, verification, provision's indexes and
     validators, ledger; against the baseline plus the same three indexes created by pymongo and an
     exact count of each collection). Target: >= 0.9x.
2. Memory. Peak RSS (wait4's ru_maxrss of the child) of `migrate sqlite` on 40,000 rows (10,000 users,
   30,000 sessions) and on 400,000 rows (100,000 + 300,000). Target: the larger <= 1.3x the smaller.
"""
import argparse
import datetime
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time

import pymongo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_record import record  # noqa: E402  (Benchmarks/run collects these)

S2 = "s2:q0kz7c2x9m4b1n8v:1c1c255593c55d6653c32fdcb9d99f36cf7b8380be85a741f7e58723b240ab851aa7cff42074b60575082dad868997ecffd492936e58932eb30d29c3f99e3488"
DAY = 86400000


def make(path, users, sessions):
    now = int(time.time() * 1000)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE user (id TEXT NOT NULL PRIMARY KEY, created INTEGER);
        CREATE TABLE user_key (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, hashed_password TEXT);
        CREATE TABLE user_session (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL,
                                   active_expires INTEGER NOT NULL, idle_expires INTEGER NOT NULL);
    """)
    db.executemany("INSERT INTO user VALUES (?, ?)", ((f"user{i:09d}", i) for i in range(users)))
    db.executemany("INSERT INTO user_key VALUES (?, ?, ?)", ((f"username:name{i:09d}", f"user{i:09d}", S2) for i in range(users)))
    db.executemany("INSERT INTO user_session VALUES (?, ?, ?, ?)",
                   ((f"s{j:039d}", f"user{j % users:09d}", now + DAY, now + 15 * DAY + j) for j in range(sessions)))
    db.commit()
    db.close()


def ours(binary, path, uri, database):
    """Seconds of the whole `migrate sqlite` process, seconds of its copy phase, and its peak RSS (KiB)."""
    start = time.perf_counter()
    child = subprocess.Popen([binary, "migrate", "sqlite", "--from", path, "--uri", uri, "--db", database, "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    error = child.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"migrate sqlite exited {os.waitstatus_to_exitcode(status)}: {error}")
    report = json.loads(output)["migrate"]
    if not report["verification"]["passed"]:
        sys.exit("the verification failed")
    return elapsed, report["phaseMs"]["copy"] / 1000, usage.ru_maxrss


def baseline(path, uri, database):
    """Seconds for the same documents through sqlite3 and pymongo insert_many (batches of 1000, unordered)."""
    start = time.perf_counter()
    client = pymongo.MongoClient(uri)
    db = client[database]
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def flush(collection, batch):
        if batch:
            db[collection].insert_many(batch, ordered=False)
            batch.clear()

    batch = []
    rows = source.execute("SELECT u.id, u.created, k.id, k.hashed_password FROM user AS u LEFT JOIN user_key AS k ON k.user_id = u.id ORDER BY u.rowid")
    for uid, created, key, hashed in rows:
        batch.append({"_id": uid, "created": created, "hashed_password": hashed, "username": key.split(":", 1)[1]})
        if len(batch) == 1000:
            flush("users", batch)
    flush("users", batch)
    rows = source.execute("SELECT s.id, s.user_id, s.idle_expires FROM user_session AS s ORDER BY s.rowid")
    for sid, uid, idle in rows:
        batch.append({"_id": sid, "user_id": uid, "expires_at": datetime.datetime.fromtimestamp(idle / 1000, datetime.timezone.utc)})
        if len(batch) == 1000:
            flush("sessions", batch)
    flush("sessions", batch)
    copied = time.perf_counter() - start
    # The rest of the job: the indexes provision creates, and an exact count of each collection.
    db.sessions.create_index("user_id")
    db.sessions.create_index("expires_at", expireAfterSeconds=0)
    db.users.create_index("username", unique=True, collation={"locale": "en", "strength": 2})
    for name in ("users", "sessions"):
        db[name].count_documents({})
    elapsed = time.perf_counter() - start
    client.close()
    return copied, elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("uri")
    parser.add_argument("work")
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    client = pymongo.MongoClient(args.uri)

    big = os.path.join(args.work, "big.db")
    small = os.path.join(args.work, "small.db")
    make(big, args.users, args.sessions)
    make(small, args.users // 10, args.sessions // 10)
    documents = args.users + args.sessions
    print(f"migrate-sqlite: {args.users} users + {args.sessions} sessions ({documents} documents), {args.rounds} rounds", flush=True)

    copy_ours, whole_ours, copy_base, whole_base, rss_big = [], [], [], [], []
    for round in range(args.rounds):
        for name in ("ours", "base"):
            client.drop_database(f"bench_{name}")
        whole, copy, rss = ours(args.binary, big, args.uri, "bench_ours")
        whole_ours.append(whole)
        copy_ours.append(copy)
        rss_big.append(rss)
        copied, elapsed = baseline(big, args.uri, "bench_base")
        copy_base.append(copied)
        whole_base.append(elapsed)
        print(f"  round {round + 1}: ours copy {copy:.2f} s, whole {whole:.2f} s; pymongo insert_many {copied:.2f} s, with the indexes and counts {elapsed:.2f} s", flush=True)
        if client.bench_ours.sessions.count_documents({}) != args.sessions or client.bench_base.sessions.count_documents({}) != args.sessions:
            sys.exit("a run did not write every session")
    client.drop_database("bench_small")
    _, _, rss_small = ours(args.binary, small, args.uri, "bench_small")

    def line(name, mine, theirs):
        ours_rate, base_rate = documents / statistics.median(mine), documents / statistics.median(theirs)
        ratio = ours_rate / base_rate
        print(f"{name}: {ours_rate:,.0f} docs/s against {base_rate:,.0f} docs/s: {ratio:.2f}x (target >= 0.9x) {'PASS' if ratio >= 0.9 else 'FAIL'}")
        record("migrate-sqlite", name, ours_rate, "docs/s", base_rate, ratio, ">= 0.9x pymongo", ratio >= 0.9)

    line("copy (read, convert, write) vs pymongo insert_many", copy_ours, copy_base)
    line("whole job (with verification and indexes) vs insert_many + the same indexes and counts", whole_ours, whole_base)
    growth = max(rss_big) / rss_small
    print(f"peak RSS: {max(rss_big) / 1024:.1f} MiB at {documents} rows against {rss_small / 1024:.1f} MiB at {documents // 10} rows: {growth:.2f}x (target <= 1.3x) {'PASS' if growth <= 1.3 else 'FAIL'}")
    record("migrate-sqlite", f"peak RSS at {documents} rows against {documents // 10}", max(rss_big) / 1024, "MiB",
           rss_small / 1024, growth, "<= 1.3x", growth <= 1.3)
    for name in ("ours", "base", "small"):
        client.drop_database(f"bench_{name}")


if __name__ == "__main__":
    main()
