"""Migration 0022 keeps the outbox as it was: old idempotency keys become dedupe
keys, rows without one get their id, live delivery jobs stay linked."""

from __future__ import annotations

import shutil

from app.db import Database
from app.db.migrate import MIGRATIONS_DIR, migrate
from app.services.mail.outbox import queue_email


async def test_old_outbox_rows_survive_the_dedupe_key_migration(tmp_path):
    old_dir = tmp_path / "old_migrations"
    old_dir.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        if path.name < "0022":  # the schema before emails had dedupe keys
            shutil.copy(path, old_dir / path.name)
    db = await Database.open(tmp_path / "old.db")
    try:
        await migrate(db, old_dir)

        def old_rows(conn):
            for email_id, key in (("email_keyed", "sub_1:confirmation"), ("email_bare", None)):
                conn.execute(
                    "INSERT INTO emails (id, workspace_id, to_addr, subject, body_text, status,"
                    " idempotency_key, created_at) VALUES (?, 'ws_1', 'a@x.test', 's', 'b', 'queued', ?, '2026-01-01')",
                    (email_id, key),
                )
            conn.execute(
                "INSERT INTO jobs (id, kind, payload, status, run_at, created_at, updated_at) VALUES"
                " ('job_live', 'deliver_email', '{\"email_id\":\"email_keyed\"}', 'queued', 'x', 'x', 'x')"
            )

        await db.write(old_rows)
        await migrate(db)
        rows = await db.fetchall("SELECT id, dedupe_key, delivery_job_id FROM emails ORDER BY id")
        assert rows == [
            {"id": "email_bare", "dedupe_key": "email_bare", "delivery_job_id": None},
            {
                "id": "email_keyed",
                "dedupe_key": "sub_1:confirmation",
                "delivery_job_id": "job_live",
            },
        ]
        again = await db.write(
            lambda conn: queue_email(
                conn,
                "ws_1",
                to="a@x.test",
                subject="s",
                body_text="b",
                dedupe_key="sub_1:confirmation",
            )
        )
        assert again == "email_keyed"  # the old key still dedupes
        assert await db.fetchval("SELECT priority FROM jobs WHERE id = 'job_live'") == 0
    finally:
        await db.close()
