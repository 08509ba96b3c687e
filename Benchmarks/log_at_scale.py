"""Times `mongo-doctor log FILE` on a generated mongod log against `tail -c 64M FILE | grep -c .`
on the same file, in the same run, and measures its peak RSS. Prints ratios, targets, PASS/FAIL.

The log is written to a temporary directory, deleted afterwards. Both commands read the file
from the page cache (it was just written). Each time is the median of several runs.
"""
import argparse
import datetime
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_record import record  # noqa: E402  (Benchmarks/run collects these)

parser = argparse.ArgumentParser()
parser.add_argument("doctor")
parser.add_argument("--size-mb", type=int, default=1024)
parser.add_argument("--flat", action="store_true", help="also run on a file twice as large")
parser.add_argument("--runs", type=int, default=5)
args = parser.parse_args()

TIME_TARGET = 2.0      # at most this many times the baseline
RSS_TARGET_MB = 64.0   # peak resident set size
START = datetime.datetime(2024, 2, 1, tzinfo=datetime.timezone.utc)

ROUTINE = [
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"Connection accepted","attr":{{"remote":"10.0.{a}.{b}:{p}","uuid":{{"uuid":{{"$uuid":"5a4e1c2b-{n:08x}-4c1d-9e7f-0123456789ab"}}}},"connectionId":{n},"connectionCount":{c}}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"NETWORK","id":51800,"ctx":"conn{n}","msg":"client metadata","attr":{{"remote":"10.0.{a}.{b}:{p}","client":"conn{n}","doc":{{"driver":{{"name":"nodejs","version":"6.3.0"}},"platform":"Node.js v20.11.0, LE"}}}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"COMMAND","id":51803,"ctx":"conn{n}","msg":"Slow query","attr":{{"type":"command","ns":"shop.orders","command":{{"find":"orders","filter":{{"status":"open"}},"$db":"shop"}},"planSummary":"COLLSCAN","keysExamined":0,"docsExamined":{d},"nreturned":{c},"durationMillis":{ms}}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"NETWORK","id":22944,"ctx":"conn{n}","msg":"Connection ended","attr":{{"remote":"10.0.{a}.{b}:{p}","uuid":{{"uuid":{{"$uuid":"5a4e1c2b-{n:08x}-4c1d-9e7f-0123456789ab"}}}},"connectionId":{n},"connectionCount":{c}}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"STORAGE","id":22430,"ctx":"Checkpointer","msg":"WiredTiger message","attr":{{"message":"[{n}:{p}][1:0x7f] WT_SESSION.checkpoint: [WT_VERB_CHECKPOINT_PROGRESS] saving checkpoint snapshot min: {d}, snapshot max: {d} snapshot count: 0"}}}}',
]

FAILED_STARTUP = [
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"CONTROL","id":20698,"ctx":"-","msg":"***** SERVER RESTARTED *****"}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"CONTROL","id":4615611,"ctx":"initandlisten","msg":"MongoDB starting","attr":{{"pid":4242,"port":27017,"dbPath":"/var/lib/mongodb","architecture":"64-bit","host":"db1"}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"CONTROL","id":23403,"ctx":"initandlisten","msg":"Build Info","attr":{{"buildInfo":{{"version":"7.0.5","environment":{{"distmod":"ubuntu2204","distarch":"x86_64","target_arch":"x86_64"}}}}}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"CONTROL","id":51765,"ctx":"initandlisten","msg":"Operating System","attr":{{"os":{{"name":"Ubuntu","version":"22.04"}}}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"CONTROL","id":21951,"ctx":"initandlisten","msg":"Options set by command line","attr":{{"options":{{"config":"/etc/mongod.conf","net":{{"bindIp":"127.0.0.1","port":27017}},"storage":{{"dbPath":"/var/lib/mongodb"}},"systemLog":{{"destination":"file","path":"/var/log/mongodb/mongod.log"}}}}}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"W","c":"CONTROL","id":22184,"ctx":"initandlisten","msg":"Soft rlimits for open file descriptors too low","attr":{{"currentValue":1024,"recommendedMinimum":64000}},"tags":["startupWarnings"]}}',
    '{{"t":{{"$date":"{t}"}},"s":"E","c":"NETWORK","id":20568,"ctx":"initandlisten","msg":"Error setting up listener","attr":{{"error":{{"code":9001,"codeName":"SocketException","errmsg":"Address already in use"}}}}}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"CONTROL","id":20565,"ctx":"initandlisten","msg":"Now exiting"}}',
    '{{"t":{{"$date":"{t}"}},"s":"I","c":"CONTROL","id":23138,"ctx":"initandlisten","msg":"Shutting down","attr":{{"exitCode":48}}}}',
]


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}+00:00"


def generate(path, size):
    """Weeks of a busy server's routine lines (timestamps advancing), then a failed startup."""
    moment = START
    step = datetime.timedelta(seconds=1)
    n = 0
    written = 0
    with open(path, "w", buffering=8 << 20) as out:
        while written < size:
            lines = []
            second = stamp(moment)
            for _ in range(4000):
                n += 1
                lines.append(ROUTINE[n % len(ROUTINE)].format(
                    t=second, a=n % 256, b=(n // 256) % 256, p=40000 + n % 20000, n=n, c=n % 500, d=n % 100000, ms=100 + n % 900))
                if n % 4 == 0:
                    moment += step
                    second = stamp(moment)
            block = "\n".join(lines) + "\n"
            out.write(block)
            written += len(block)
        moment += datetime.timedelta(minutes=5)
        out.write("\n".join(line.format(t=stamp(moment)) for line in FAILED_STARTUP) + "\n")
    return os.path.getsize(path), moment - START


def timed(cmd, shell=False):
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(cmd, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_rss_mb(cmd):
    """Peak RSS of `cmd`: /usr/bin/time -v when present, else getrusage of a fresh child."""
    if shutil.which("time") and os.path.exists("/usr/bin/time"):
        result = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
        if match:
            return int(match.group(1)) / 1024
    probe = "import resource,subprocess,sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    return int(subprocess.run([sys.executable, "-c", probe] + cmd, capture_output=True, text=True).stdout) / 1024


def verdict(ok):
    return "PASS" if ok else "FAIL"


def measure(directory, size_mb):
    path = os.path.join(directory, f"mongod-{size_mb}MB.log")
    started = time.perf_counter()
    size, span = generate(path, size_mb << 20)
    print(f"\ngenerated {path}: {size / (1 << 20):.0f} MiB, {span.days} days of lines, in {time.perf_counter() - started:.1f} s")
    check = subprocess.run([args.doctor, "log", path, "--json"], capture_output=True, text=True)
    print(f"mongo-doctor log exit status {check.returncode} (expected 1); "
          f"finds port.in-use: {'port.in-use' in check.stdout}")
    baseline = timed(f"tail -c 64M '{path}' | grep -c .", shell=True)
    doctor = timed([args.doctor, "log", path])
    rss = peak_rss_mb([args.doctor, "log", path])
    ratio = doctor / baseline
    print(f"{'baseline: tail -c 64M FILE | grep -c .':<44} {baseline:7.3f} s")
    print(f"{'mongo-doctor log FILE':<44} {doctor:7.3f} s   ratio {ratio:5.2f}  target <= {TIME_TARGET:.1f}x  {verdict(ratio <= TIME_TARGET)}")
    print(f"{'mongo-doctor log FILE, peak RSS':<44} {rss:7.1f} MB  target <= {RSS_TARGET_MB:.0f} MB  {verdict(rss <= RSS_TARGET_MB)}")
    record("log-at-scale", f"mongo-doctor log on {size_mb} MB, time", doctor, "s", baseline, ratio, f"<= {TIME_TARGET:.1f}x tail | grep", ratio <= TIME_TARGET)
    record("log-at-scale", f"mongo-doctor log on {size_mb} MB, peak RSS", rss, "MB", None, rss / RSS_TARGET_MB, f"<= {RSS_TARGET_MB:.0f} MB", rss <= RSS_TARGET_MB)
    os.remove(path)
    return ratio <= TIME_TARGET and rss <= RSS_TARGET_MB and check.returncode == 1, rss


print(f"mongo-doctor: {args.doctor}")
directory = tempfile.mkdtemp(prefix="log-at-scale-")
try:
    ok, rss = measure(directory, args.size_mb)
    if args.flat:
        ok_large, rss_large = measure(directory, args.size_mb * 2)
        flat = rss_large <= rss * 1.1 + 1
        print(f"\npeak RSS {rss:.1f} MB -> {rss_large:.1f} MB for twice the file: {'flat' if flat else 'GROWS'}  {verdict(flat)}")
        ok = ok and ok_large and flat
finally:
    shutil.rmtree(directory, ignore_errors=True)
print(f"\noverall: {verdict(ok)}")
sys.exit(0 if ok else 1)
