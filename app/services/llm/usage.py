"""One ``llm_calls`` row per model call (SPEC §6.5): purpose, engine, model,
status, tokens, duration and error — the record behind cost and reliability
figures. Recording never breaks the caller: a failed write is logged and dropped.
"""

from __future__ import annotations

import logging

from app.db.clock import now_iso
from app.db.ids import new_id

log = logging.getLogger(__name__)

PURPOSES = ("generate_form", "plan_agent_actions", "generate_challenger", "suggest_improvements")
STATUSES = (
    "ok",
    "invalid_output",
    "timeout",
    "rate_limited",
    "overloaded",
    "server_error",
    "connection_error",
    "rejected",
)


def _insert(conn, row: dict) -> None:
    conn.execute(
        "INSERT INTO llm_calls (id, workspace_id, purpose, engine, model, status, input_tokens, output_tokens,"
        " duration_ms, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_id("llm"),
            row.get("workspace_id"),
            row["purpose"],
            row["engine"],
            row.get("model"),
            row["status"],
            row.get("input_tokens"),
            row.get("output_tokens"),
            row.get("duration_ms"),
            (row.get("error") or None) and str(row["error"])[:1000],
            now_iso(),
        ),
    )


async def record_call(
    db,
    *,
    purpose: str,
    engine: str,
    status: str,
    workspace_id: str | None = None,
    model: str | None = None,
    input_tokens: int | None = None,
    output_tokens: int | None = None,
    duration_ms: int | None = None,
    error: str | None = None,
) -> None:
    """Append one llm_calls row (no-op without a database)."""
    if db is None:
        return
    row = dict(
        purpose=purpose,
        engine=engine,
        status=status,
        workspace_id=workspace_id,
        model=model,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        duration_ms=duration_ms,
        error=error,
    )
    try:
        await db.write(_insert, row)
    except Exception:  # usage bookkeeping must not turn a good answer into a failure
        log.exception("could not record an llm_calls row for %s", purpose)


async def list_calls(
    db, workspace_id: str, *, purpose: str | None = None, limit: int = 50
) -> list[dict]:
    """The workspace's most recent model calls, newest first."""
    clauses, params = ["workspace_id = ?"], [workspace_id]
    if purpose:
        clauses.append("purpose = ?")
        params.append(purpose)
    params.append(max(1, min(int(limit), 500)))
    return await db.fetchall(
        f"SELECT * FROM llm_calls WHERE {' AND '.join(clauses)} ORDER BY created_at DESC, id DESC LIMIT ?",
        params,
    )


async def usage_summary(db, workspace_id: str) -> list[dict]:
    """Per purpose and status: call count and token totals."""
    return await db.fetchall(
        "SELECT purpose, engine, status, COUNT(*) AS calls, COALESCE(SUM(input_tokens), 0) AS input_tokens,"
        " COALESCE(SUM(output_tokens), 0) AS output_tokens, CAST(AVG(duration_ms) AS INTEGER) AS avg_duration_ms"
        " FROM llm_calls WHERE workspace_id = ? GROUP BY purpose, engine, status ORDER BY purpose, status",
        (workspace_id,),
    )
