"""Benchmarks/demo-requests' measurements (run through that script, with the .venv's Python).

For each store (SQLite always; MongoDB when given a URI) the release `auth-demo` is provisioned with the
release `mongo-doctor`, started on 127.0.0.1 on a free port, and one user is signed up through
`POST /signup` (with the demo's own Origin, as a browser would send it) for a valid `auth_session`
cookie. Then, for each connection count, wrk (`--latency -t2 -cN -dSs`) drives, one after the other and
ROUNDS times in turn (so load from elsewhere falls on both alike):

1. the baseline: `GET /healthz` without a cookie (the same server, router and middleware, no auth work);
2. ours: `GET /api/me` with the cookie (session validation through AuthStore, then the JSON answer).

Ratio: /api/me requests per second / /healthz requests per second (over all rounds), the worst round's
p99 latency beside it. A response
of 400 or more (wrk's count) or a socket error on either route fails the case. The cookie and the
password never reach the command line, the output or a log: the cookie goes to wrk through its
environment (Benchmarks/demo_requests.lua), and the demo's log is checked for both at the end.
"""
import argparse
import http.client
import http.cookies
import json
import os
import re
import secrets
import select
import signal
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_record import record  # noqa: E402  (Benchmarks/run collects these)

HERE = os.path.dirname(os.path.abspath(__file__))
LUA = os.path.join(HERE, "demo_requests.lua")
# /api/me rps / /healthz rps (see the README's Benchmarks section for why these values).
RATIO_GOAL = {"SQLite": 0.5, "MongoDB": 0.03}
# p99 of /api/me, absolute: a bound on stalls, not a speed target.
P99_GOAL_MS = {"SQLite": 100.0, "MongoDB": 500.0}
WARM_UP_SECONDS = 1


class BenchError(Exception):
    """A step that failed before any figure could be taken (one line, no secret in it)."""


def start_demo(demo, store_args, log_path):
    """Starts auth-demo on a free loopback port; returns the process, its base URL and its serving line."""
    log = open(log_path, "w")
    process = subprocess.Popen([demo, *store_args, "--host", "127.0.0.1", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=log, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            match = re.search(r"serving (http://127\.0\.0\.1:\d+)/", line)
            if match:
                return process, match.group(1), line.strip()
            if not line:
                break
        if process.poll() is not None:
            break
    stop_demo(process)
    raise BenchError(f"auth-demo did not start (exit {process.returncode}); its log: {log_path}")


def stop_demo(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def request(base, method, path, body=None, headers=None):
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def sign_up(base, username, password):
    """Signs `username` up through POST /signup; returns the auth_session cookie's value."""
    body = urllib.parse.urlencode({"username": username, "password": password})
    status, headers, _ = request(base, "POST", "/signup", body, {
        "Content-Type": "application/x-www-form-urlencoded", "Origin": base})
    cookies = http.cookies.SimpleCookie()
    for name, value in headers:
        if name.lower() == "set-cookie":
            cookies.load(value)
    if status != 302 or "auth_session" not in cookies or not cookies["auth_session"].value:
        raise BenchError(f"POST /signup answered {status} without a session cookie")
    return cookies["auth_session"].value


def check_me(base, cookie, username):
    status, _, body = request(base, "GET", "/api/me", headers={"Cookie": f"auth_session={cookie}"})
    if status != 200 or json.loads(body).get("username") != username:
        raise BenchError(f"GET /api/me with the session cookie answered {status}, not the signed-up user")


def wrk(url, connections, seconds, threads, cookie=None):
    """One wrk run; returns its figures (rate, latencies in ms, error counts)."""
    environment = dict(os.environ)
    environment.pop("DEMO_SESSION_COOKIE", None)
    if cookie:
        environment["DEMO_SESSION_COOKIE"] = cookie
    command = ["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", LUA, url]
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    output = done.stdout + done.stderr
    if cookie:
        output = output.replace(cookie, "[redacted]")
    match = re.search(r"^demo-requests-result (.*)$", done.stdout, re.MULTILINE)
    if done.returncode != 0 or not match:
        raise BenchError(f"wrk failed (exit {done.returncode}): {output.strip()[-400:]}")
    fields = {key: int(value) for key, value in (item.split("=") for item in match.group(1).split())}
    return {
        "rps": fields["requests"] / (fields["duration_us"] / 1e6),
        "requests": fields["requests"],
        "p50": fields["p50_us"] / 1000, "p99": fields["p99_us"] / 1000,
        "non2xx": fields["status"],
        "socket": fields["connect"] + fields["read"] + fields["write"] + fields["timeout"],
        **{key: fields[key] for key in ("connect", "read", "write", "timeout")},
    }


def combine(runs):
    """The rounds of one route as one: the rate over all of them, the worst p50 and p99, every error."""
    combined = {"rps": sum(r["requests"] for r in runs) / sum(r["requests"] / r["rps"] for r in runs),
                "requests": sum(r["requests"] for r in runs),
                "p50": max(r["p50"] for r in runs), "p99": max(r["p99"] for r in runs)}
    for key in ("non2xx", "socket", "connect", "read", "write", "timeout"):
        combined[key] = sum(r[key] for r in runs)
    return combined


def describe_errors(figures):
    if not figures["non2xx"] and not figures["socket"]:
        return ""
    return f" [{figures['non2xx']} responses >= 400, {figures['socket']} socket errors (connect {figures['connect']}, read {figures['read']}, write {figures['write']}, timeout {figures['timeout']})]"


def report(store, connections, me, health):
    ratio = me["rps"] / health["rps"]
    errors = me["non2xx"] + me["socket"] + health["non2xx"] + health["socket"]
    ok_ratio = ratio >= RATIO_GOAL[store] and errors == 0
    ok_p99 = me["p99"] <= P99_GOAL_MS[store] and errors == 0
    label = f"{store}, {connections} connections"
    print(f"{label}: /api/me {me['rps']:,.0f} req/s (p50 {me['p50']:.2f} ms, p99 {me['p99']:.2f} ms){describe_errors(me)}; "
          f"/healthz {health['rps']:,.0f} req/s (p50 {health['p50']:.2f} ms, p99 {health['p99']:.2f} ms){describe_errors(health)}; "
          f"ratio {ratio:.2f} (goal >= {RATIO_GOAL[store]}) {'PASS' if ok_ratio else 'FAIL'}; "
          f"p99 goal <= {P99_GOAL_MS[store]:g} ms {'PASS' if ok_p99 else 'FAIL'}", flush=True)
    suffix = f" ({errors} errors)" if errors else ""
    record("demo-requests", f"{label}, /api/me req/s vs /healthz{suffix}", me["rps"], "/s", health["rps"], ratio,
           f">= {RATIO_GOAL[store]}x /healthz", ok_ratio)
    record("demo-requests", f"{label}, /api/me p99 (baseline: /healthz p99){suffix}", me["p99"], "ms", health["p99"],
           me["p99"] / P99_GOAL_MS[store], f"<= {P99_GOAL_MS[store]:g} ms", ok_p99)
    return ok_ratio and ok_p99


def run_store(options, store, provision_args, store_args):
    """Provisions, starts the demo, signs up, measures every connection count; returns the verdicts."""
    provisioned = subprocess.run([options.doctor, "provision", *provision_args], capture_output=True, text=True)
    if provisioned.returncode != 0:
        raise BenchError(f"mongo-doctor provision failed (exit {provisioned.returncode}): {provisioned.stderr.strip()[-300:]}")
    log_path = os.path.join(options.workdir, f"demo-{store.lower()}.log")
    process, base, serving = start_demo(options.demo, store_args, log_path)
    username, password = f"bench_{secrets.token_hex(4)}", secrets.token_urlsafe(18)
    cookie = None
    verdicts = []
    try:
        print(f"{store}: {serving}", flush=True)
        cookie = sign_up(base, username, password)
        check_me(base, cookie, username)
        for url, secret in ((base + "/healthz", None), (base + "/api/me", cookie)):
            wrk(url, 16, WARM_UP_SECONDS, options.threads, secret)
        for connections in options.connections:
            healths, mes = [], []
            for _ in range(options.rounds):
                healths.append(wrk(base + "/healthz", connections, options.seconds, options.threads))
                mes.append(wrk(base + "/api/me", connections, options.seconds, options.threads, cookie))
            verdicts.append(report(store, connections, combine(mes), combine(healths)))
        check_me(base, cookie, username)
    finally:
        stop_demo(process)
    log = open(log_path).read()
    if password in log or (cookie and cookie in log):
        print(f"{store}: FAIL: the password or the session cookie reached auth-demo's log", flush=True)
        record("demo-requests", f"{store}: password or cookie in auth-demo's log", None, "", None, 0.0, "never", False)
        verdicts.append(False)
    return verdicts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("doctor")
    parser.add_argument("demo")
    parser.add_argument("workdir")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--mongo-uri", default="")
    options = parser.parse_args()
    options.connections = [int(c) for c in options.connections.split(",") if c]
    if options.seconds < 1 or options.rounds < 1 or not options.connections or min(options.connections) < options.threads:
        print("demo-requests: --seconds and --rounds must be at least 1 and every --connections count at least --threads", file=sys.stderr)
        return 2

    print(f"auth-demo (release) on 127.0.0.1, wrk --latency -t{options.threads} -c{{{','.join(map(str, options.connections))}}} "
          f"-d{options.seconds}s, {options.rounds} round(s) of /healthz then /api/me, {os.cpu_count()} cores", flush=True)
    verdicts = []
    stores = [("SQLite", ["--sqlite", os.path.join(options.workdir, "demo.db")],
               ["--store", "sqlite:" + os.path.join(options.workdir, "demo.db")])]
    if options.mongo_uri:
        stores.append(("MongoDB", ["--uri", options.mongo_uri, "--db", "demo_bench"],
                       ["--uri", options.mongo_uri, "--db", "demo_bench"]))
    for store, provision_args, store_args in stores:
        try:
            verdicts += run_store(options, store, provision_args, store_args)
        except BenchError as error:
            print(f"{store}: FAIL: {error}", flush=True)
            record("demo-requests", f"{store}: did not run (see its log)", None, "", None, 0.0, "runs", False)
            verdicts.append(False)
    return 0 if verdicts and all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
