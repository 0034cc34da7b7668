from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.sqlite import SqliteDatabase


@pytest.fixture
async def sqlite_db(tmp_path) -> AsyncIterator[SqliteDatabase]:
    db = await SqliteDatabase.open(str(tmp_path / "paygate.db"))
    yield db
    await db.close()
