"""Benchmarks/password-hashing's measurements (run through that script, with the .venv's Python).

1. argon2id hash time: the median of one hash through PasswordHasher (the release `password-bench`)
   against argon2-cffi's low-level hash_secret with the same parameters, alternating rounds in one run.
2. 64 concurrent logins through PasswordHasher against an argon2-cffi hash: peak RSS (getrusage) must stay
   within the process's baseline + maxConcurrentHashes x 19 MiB.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

from argon2 import low_level

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_record import record  # noqa: E402  (Benchmarks/run collects these)

MEMORY_KIB, ITERATIONS, LANES, TAG, SALT = 19456, 2, 1, 32, 16


def cffi_median(runs):
    times = []
    low_level.hash_secret(b"warm-up", os.urandom(SALT), ITERATIONS, MEMORY_KIB, LANES, TAG, low_level.Type.ID)
    for index in range(runs):
        start = time.perf_counter()
        low_level.hash_secret(f"password-{index}".encode(), os.urandom(SALT), ITERATIONS, MEMORY_KIB, LANES, TAG,
                              low_level.Type.ID)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def swift_median(bench, runs):
    return float(subprocess.run([bench, "hash-time", str(runs)], check=True, capture_output=True, text=True).stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bench")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--logins", type=int, default=64)
    parser.add_argument("--bound", type=int, default=os.cpu_count() or 2)
    options = parser.parse_args()

    ours, theirs = [], []
    for _ in range(options.rounds):
        ours.append(swift_median(options.bench, options.runs))
        theirs.append(cffi_median(options.runs))
    ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
    ratio = ours_s / theirs_s
    ok_time = ratio <= 1.1
    print(f"argon2id hash (m={MEMORY_KIB},t={ITERATIONS},p={LANES}): PasswordHasher {ours_s * 1000:.1f} ms, "
          f"argon2-cffi {theirs_s * 1000:.1f} ms, ratio {ratio:.2f}x (target <= 1.1x) {'PASS' if ok_time else 'FAIL'}")
    record("password-hashing", "argon2id hash", ours_s * 1000, "ms", theirs_s * 1000, ratio, "<= 1.1x argon2-cffi", ok_time)

    stored = low_level.hash_secret(b"password123", os.urandom(SALT), ITERATIONS, MEMORY_KIB, LANES, TAG,
                                   low_level.Type.ID).decode()
    out = subprocess.run([options.bench, "logins", str(options.logins), str(options.bound), stored],
                         check=True, capture_output=True, text=True).stdout
    fields = dict(item.split("=") for item in out.split())
    baseline, peak = int(fields["baseline_kib"]), int(fields["peak_kib"])
    bound_kib = baseline + options.bound * MEMORY_KIB
    ok_rss = peak <= bound_kib and int(fields["matches"]) == (options.logins + 1) // 2
    print(f"{options.logins} concurrent logins, maxConcurrentHashes {options.bound}: peak RSS {peak / 1024:.1f} MiB, "
          f"baseline {baseline / 1024:.1f} MiB, bound {bound_kib / 1024:.1f} MiB "
          f"(unbounded would need {options.logins * MEMORY_KIB / 1024:.0f} MiB of argon2 memory) "
          f"{'PASS' if ok_rss else 'FAIL'}")
    record("password-hashing", f"{options.logins} concurrent logins, peak RSS", peak / 1024, "MiB", baseline / 1024,
           peak / bound_kib, f"<= baseline + {options.bound} x 19 MiB", ok_rss)
    return 0 if ok_time and ok_rss else 1


if __name__ == "__main__":
    sys.exit(main())
