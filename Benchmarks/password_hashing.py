"""Benchmarks/password-hashing's measurements (run through that script, with the .venv's Python).

1. argon2id hash time: one hash through PasswordHasher (the release `password-bench hash-lines`, a process
   kept open) against one through argon2-cffi's low-level hash_secret with the same parameters, in pairs,
   the order swapped every pair; the verdict is the median of the pairs' ratios, so a machine that slows
   down for a while slows both sides of the pairs it touches alike.
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


def cffi_seconds(password):
    start = time.perf_counter()
    low_level.hash_secret(password.encode(), os.urandom(SALT), ITERATIONS, MEMORY_KIB, LANES, TAG, low_level.Type.ID)
    return time.perf_counter() - start


def paired_times(bench, pairs):
    """(ours, theirs) seconds for each of `pairs` hashes, one of each side in turn, the first side swapped
    every pair. The Swift process waits on its stdin while Python hashes, so the two never overlap."""
    swift = subprocess.Popen([bench, "hash-lines"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ours_seconds(password):
        swift.stdin.write(password + "\n")
        swift.stdin.flush()
        return float(swift.stdout.readline())

    try:
        cffi_seconds("warm-up")
        ours_seconds("warm-up")
        pairs_out = []
        for index in range(pairs):
            password = f"password-{index}"
            if index % 2 == 0:
                ours = ours_seconds(password)
                theirs = cffi_seconds(password)
            else:
                theirs = cffi_seconds(password)
                ours = ours_seconds(password)
            pairs_out.append((ours, theirs))
        return pairs_out
    finally:
        swift.stdin.close()
        if swift.wait() != 0:
            raise SystemExit(f"password-bench hash-lines exited {swift.returncode}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bench")
    parser.add_argument("--runs", type=int, default=90, help="pairs of hashes (one of each side)")
    parser.add_argument("--logins", type=int, default=64)
    parser.add_argument("--bound", type=int, default=os.cpu_count() or 2)
    options = parser.parse_args()

    pairs = paired_times(options.bench, options.runs)
    ours_s = statistics.median(ours for ours, _ in pairs)
    theirs_s = statistics.median(theirs for _, theirs in pairs)
    ratio = statistics.median(ours / theirs for ours, theirs in pairs)
    ok_time = ratio <= 1.1
    print(f"argon2id hash (m={MEMORY_KIB},t={ITERATIONS},p={LANES}), {len(pairs)} pairs: PasswordHasher median "
          f"{ours_s * 1000:.1f} ms, argon2-cffi median {theirs_s * 1000:.1f} ms, median ratio of the pairs "
          f"{ratio:.2f}x (target <= 1.1x) {'PASS' if ok_time else 'FAIL'}")
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
