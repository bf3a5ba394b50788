"""WAL checkpoints run on their own thread (app/db/checkpoint.py): committed pages reach
the database file without any COMMIT of the writer doing the copy, and closing the
database stops the thread."""

from __future__ import annotations

import asyncio
import time

from app.db import Database


async def test_committed_pages_reach_the_database_file_in_the_background(tmp_path):
    db = await Database.open(tmp_path / "c.db")
    try:
        await db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
        before = (tmp_path / "c.db").stat().st_size
        # ~300 pages: far below the writer's own threshold, so only the thread copies them
        for start in range(0, 300, 50):
            await db.write(
                lambda conn, s=start: conn.executemany(
                    "INSERT INTO t (id, body) VALUES (?, ?)",
                    [(i, "x" * 3000) for i in range(s, s + 50)],
                )
            )
        # the thread may copy the first batches before the last commits: wait for all of them
        wanted = before + 300 * 3000
        deadline = time.monotonic() + 5
        while (tmp_path / "c.db").stat().st_size <= wanted and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert (tmp_path / "c.db").stat().st_size > wanted
        assert await db.fetchval("SELECT COUNT(*) FROM t") == 300
    finally:
        await db.close()
    assert not db._checkpointer._thread.is_alive()
