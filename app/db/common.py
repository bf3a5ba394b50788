"""What the SQLite and PostgreSQL layers share, written once: the row shortcuts of a
connection and the convenience calls of a database, both built on the few methods
each engine implements itself (``execute`` on a connection; ``read``, ``write`` and
``_listeners`` on a database)."""

from __future__ import annotations

from collections.abc import Callable


class RowShortcuts:
    """``one`` / ``all`` / ``value`` over a connection's ``execute``."""

    def one(self, sql: str, params=()) -> dict | None:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params=()) -> list[dict]:
        return self.execute(sql, params).fetchall()

    def value(self, sql: str, params=()):
        row = self.execute(sql, params).fetchone()
        return None if row is None else next(iter(row.values()))


class DatabaseShortcuts:
    """Single statements, readiness and signal subscriptions over ``read``/``write``."""

    async def execute(self, sql: str, params=()) -> None:
        """A single write statement in its own transaction."""
        await self.write(lambda conn: conn.execute(sql, params))

    async def ping(self) -> None:
        """Readiness: the database answers a trivial query."""
        await self.fetchval("SELECT 1")

    async def fetchone(self, sql: str, params=()) -> dict | None:
        return await self.read(lambda conn: conn.execute(sql, params).fetchone())

    async def fetchall(self, sql: str, params=()) -> list[dict]:
        return await self.read(lambda conn: conn.execute(sql, params).fetchall())

    async def fetchval(self, sql: str, params=()):
        row = await self.fetchone(sql, params)
        return None if row is None else next(iter(row.values()))

    def on_signal(self, name: str, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` after each commit that raised ``name``; returns an unsubscribe."""
        self._listeners.setdefault(name, []).append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners.get(name, []):
                self._listeners[name].remove(listener)

        return unsubscribe
