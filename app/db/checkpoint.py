"""WAL checkpoints on a thread of their own, not on the writer.

SQLite copies the write-ahead log back into the database file (a checkpoint) on the
connection whose COMMIT takes the log past ``wal_autocheckpoint`` pages, and with
``synchronous=NORMAL`` each checkpoint syncs both files to disk. On the one writer
connection that meant every ~1000 pages (≈ 190 submissions) a COMMIT also waited for
two fsyncs (≈ 7 ms each on the reference machine, 40 ms at worst) while every queued
request waited behind it: most of the submission endpoint's p99 (SPEC §14). Here a
thread with its own connection runs a PASSIVE checkpoint a few times a second; it
neither blocks nor waits for the writer or the readers, and sqlite3 releases the GIL
while it works. The writer keeps a far higher threshold of its own as a safety net
should this thread ever fall behind.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

INTERVAL_S = 0.2
WRITER_AUTOCHECKPOINT_PAGES = 10_000  # ≈ 40 MB of log: only if the thread falls behind
log = logging.getLogger("formagent.db")


class Checkpointer:
    def __init__(self, path: Path):
        self._path = str(path)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _run(self) -> None:
        conn = sqlite3.connect(self._path, isolation_level=None)
        try:
            while not self._stop.wait(INTERVAL_S):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:  # the writer's own threshold still bounds the log
                    log.warning("background WAL checkpoint failed", exc_info=True)
        finally:
            conn.close()
