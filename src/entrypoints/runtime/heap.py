"""After a worker's start-up: its objects out of the garbage collector's way, and the heap
pages it freed handed back to the system.

Start-up leaves some 100,000 objects the collector tracks (modules' functions, classes,
the container's providers), none of which will ever be garbage. Each full collection walks
them all: 75 ms on the benchmark machine, 8-10 times per worker in 18 s of payments, each
one stalling every request the worker holds (bench/README.md, "tail latency"). After one
collection of start-up's own garbage, `gc.freeze()` moves the survivors to a generation
the collector never visits; a full collection then costs 1.5-3 ms. Only a process the app
owns does this (a worker): in a test process, frozen objects that later become garbage
would never be collected.

Importing some 1,400 modules and opening the pools allocates and frees many blocks; glibc
keeps freed pages that sit below the top of its heap mapped, so they stay in the worker's
resident memory although nothing uses them: about 5 MB of each worker's 100
(bench/README.md, "memory per worker"). `malloc_trim(0)` gives them back (madvise), once,
after start-up; requests reuse what is left. Without glibc (musl, macOS) there is no
`malloc_trim` and nothing happens.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any


def freeze_startup_objects() -> int:
    """Collect start-up's garbage, then exempt what survived from every later collection;
    returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def release_free_heap() -> bool:
    """True when the C library could be asked to trim its heap."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (AttributeError, OSError):
        return False
    trim(0)
    return True


@asynccontextmanager
async def tune_heap_after_startup(_app: Any) -> AsyncIterator[None]:
    """The last lifespan of the app: the others have opened their resources by now."""
    freeze_startup_objects()
    release_free_heap()  # after the collection, which frees more
    yield
