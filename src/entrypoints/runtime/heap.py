"""Hand back to the system the heap pages a worker's start-up used and freed.

Importing some 1,400 modules and opening the pools allocates and frees many blocks; glibc
keeps freed pages that sit below the top of its heap mapped, so they stay in the worker's
resident memory although nothing uses them: about 5 MB of each worker's 100
(bench/README.md, "memory per worker"). `malloc_trim(0)` gives them back (madvise), once,
after start-up; requests reuse what is left. Without glibc (musl, macOS) there is no
`malloc_trim` and nothing happens.
"""

from __future__ import annotations

import ctypes
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any


def release_free_heap() -> bool:
    """True when the C library could be asked to trim its heap."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (AttributeError, OSError):
        return False
    trim(0)
    return True


@asynccontextmanager
async def trim_after_startup(_app: Any) -> AsyncIterator[None]:
    """The last lifespan of the app: the others have opened their resources by now."""
    release_free_heap()
    yield
