-- wrk script of Benchmarks/demo-requests (run through demo_requests.py).
-- The session cookie comes from the environment (DEMO_SESSION_COOKIE), never from the command line, so it
-- shows neither in `ps` nor in any output; without it (the unauthenticated baseline) no Cookie is sent.
-- done() prints one machine-readable line that demo_requests.py parses: latencies in microseconds,
-- errors as wrk counts them (status: responses with a status of 400 or more).
local cookie = os.getenv("DEMO_SESSION_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = "auth_session=" .. cookie
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "demo-requests-result requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d " ..
    "p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
