"""The benchmark reads wrk's report correctly, including the shapes that once fooled it."""

from __future__ import annotations

from bench.wrk_runner import parse

# A real report: "67.50%" in the Req/Sec row once passed for the 50th percentile.
REPORT = """Running 8s test @ http://127.0.0.1:35255/ping
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.99ms    2.21ms  35.28ms   72.84%
    Req/Sec    12.84k     1.75k   16.91k    67.50%
  Latency Distribution
     50%    4.71ms
     75%    6.07ms
     90%    7.73ms
     99%    1.21s
  102483 requests in 8.02s, 13.68MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  12771.39
Transfer/sec:      1.71MB
"""


def test_a_report_is_read_into_figures() -> None:
    result = parse(REPORT)
    assert result.requests == 102483
    assert result.seconds == 8.02
    assert result.rps == 12771.39
    assert result.p50_ms == 4.71
    assert result.p99_ms == 1210.0
    assert result.errors == 7 + 2 + 3


def test_microseconds_are_converted_to_milliseconds() -> None:
    result = parse(REPORT.replace("4.71ms", "750.00us"))
    assert result.p50_ms == 0.75
