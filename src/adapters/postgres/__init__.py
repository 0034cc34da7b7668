"""The production storage: PostgreSQL through psycopg 3 (async) and a connection pool."""

from adapters.postgres.database import PostgresDatabase
from adapters.postgres.unit_of_work import PostgresUnitOfWork

__all__ = ["PostgresDatabase", "PostgresUnitOfWork"]
