"""The embedded SQLite storage: one file, WAL, durable commits, one writer at a time."""

from adapters.sqlite.database import SqliteDatabase
from adapters.sqlite.unit_of_work import SqliteUnitOfWork

__all__ = ["SqliteDatabase", "SqliteUnitOfWork"]
