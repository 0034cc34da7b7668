"""What a worker process carries: no console-only modules when it logs JSON lines, its
drivers imported before its event loop runs, and the heap pages its start-up freed handed
back to the system."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import textwrap

import pytest

from entrypoints.runtime import serve, servers
from entrypoints.runtime.worker import CONSOLE_ONLY


def _run(code: str, **env: str) -> str:
    # Only the settings given here: none of the environment's own.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PAYGATE_")}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


IMPORTED = """
    import sys
    from entrypoints.runtime.worker import app_from_environment
    import httpx, structlog
    print(sorted(n for n in ("rich", "pygments") if sys.modules.get(n) is not None))
"""


def test_a_json_worker_leaves_the_console_modules_out() -> None:
    assert _run(IMPORTED, PAYGATE_LOG_FORMAT="json") == "[]"


def test_a_console_worker_keeps_them() -> None:
    # rich arrives with Litestar's command line; structlog uses it for tracebacks.
    assert _run(IMPORTED, PAYGATE_LOG_FORMAT="console") == str(sorted(CONSOLE_ONLY))


def test_a_json_worker_still_logs_and_renders_exceptions() -> None:
    code = """
        from entrypoints.runtime.worker import app_from_environment
        from entrypoints.runtime.logging import configure_logging
        import structlog, sys
        configure_logging("json", stream=sys.stdout)
        try:
            raise ValueError("boom")
        except ValueError:
            structlog.get_logger("t").exception("failed")
    """
    line = _run(code, PAYGATE_LOG_FORMAT="json")
    assert '"event":"failed"' in line and "ValueError: boom" in line


DRIVERS = """
    import sys
    from entrypoints.runtime.worker import app_from_environment
    app_from_environment()
    print(" ".join(n for n in ("adapters.postgres", "adapters.sqlite", "adapters.cache",
                               "adapters.rate_limits") if n in sys.modules))
"""


def test_a_worker_imports_its_drivers_before_its_lifespan_opens_them() -> None:
    # Imported inside the lifespan, psycopg held the loop past the cache's ping timeout.
    on_postgres = _run(
        DRIVERS,
        PAYGATE_DATABASE_URL="postgresql://nobody@127.0.0.1:9/none",
        PAYGATE_REDIS_URL="redis://127.0.0.1:9/0",
        PAYGATE_BANK_URL="http://127.0.0.1:9",
        PAYGATE_JWT_SECRET="s" * 64,
        PAYGATE_LOG_FORMAT="json",
    )
    assert on_postgres == "adapters.postgres adapters.cache adapters.rate_limits"
    embedded = _run(DRIVERS, PAYGATE_BANK_URL="http://127.0.0.1:9", PAYGATE_LOG_FORMAT="json")
    assert embedded == "adapters.sqlite"


def test_workers_build_the_app_through_the_lean_module() -> None:
    module, _, name = serve.APP_FACTORY.partition(":")
    assert module == "entrypoints.runtime.worker" and name == "app_from_environment"


def test_serve_tells_its_workers_the_log_format(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    # Recorded as absent first, so that the value serve() exports is undone afterwards.
    monkeypatch.setenv("PAYGATE_LOG_FORMAT", "unset")
    monkeypatch.delenv("PAYGATE_LOG_FORMAT")
    monkeypatch.setenv("PAYGATE_BANK_URL", "http://127.0.0.1:9")  # no embedded bank
    monkeypatch.setattr(serve.signal, "signal", lambda *_: None)  # keep pytest's handlers
    monkeypatch.setattr(
        serve, "run_server", lambda **kw: seen.update(kw, fmt=os.environ["PAYGATE_LOG_FORMAT"])
    )
    monkeypatch.setattr(serve, "_prepare", _no_demo)
    settings = serve.load_settings()
    serve.serve(settings, host="127.0.0.1", port=0, workers=1)
    # The test's stderr is not a terminal: the parent chose JSON, and so will its workers.
    assert seen["fmt"] == "json" and seen["factory"] == serve.APP_FACTORY


async def _no_demo(_settings: object) -> None:
    return None


def test_the_server_loads_no_websocket_protocol(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr(servers.uvicorn, "run", lambda *a, **kw: seen.update(kw))
    servers.run_server(factory="x:y", host="127.0.0.1", port=0, workers=1, graceful_seconds=1)
    assert seen["ws"] == "none"


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_trimming_gives_freed_heap_pages_back() -> None:
    # 40 MB of C-heap blocks (above pymalloc's 512 bytes), freed below a block still in
    # use: glibc keeps those pages mapped until asked to trim.
    code = """
        from entrypoints.runtime.heap import release_free_heap
        def rss():
            return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024
        blocks = [bytes(2000) + bytes([i % 256]) for i in range(20_000)]
        pinned = bytes(2000) + b"top"
        del blocks
        before = rss()
        assert release_free_heap()
        print(before - rss())
    """
    assert int(_run(code)) >= 20


def test_a_worker_freezes_its_start_up_objects_so_full_collections_skip_them() -> None:
    code = """
        import gc, time
        from entrypoints.runtime.worker import app_from_environment
        from entrypoints.runtime.heap import freeze_startup_objects
        def full_collection_ms():
            began = time.perf_counter()
            gc.collect()
            return (time.perf_counter() - began) * 1000
        before = min(full_collection_ms() for _ in range(3))
        frozen = freeze_startup_objects()
        after = min(full_collection_ms() for _ in range(3))
        print(frozen, gc.get_freeze_count(), before > 5 * after)
    """
    frozen, counted, faster = _run(code).split()
    assert int(frozen) > 50_000 and int(counted) == int(frozen)
    assert faster == "True"


def test_only_a_workers_app_tunes_the_heap(monkeypatch: pytest.MonkeyPatch) -> None:
    built: dict[str, object] = {}
    monkeypatch.setattr(serve, "build_container", lambda *_a, **_k: "container")
    monkeypatch.setattr(serve, "configure_logging", lambda *_a: "json")
    monkeypatch.setattr(serve, "gateway_app", lambda container, **kw: built.update(kw))
    serve.app_from_environment()
    assert built == {"owns_process": True}
