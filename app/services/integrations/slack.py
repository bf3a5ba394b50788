"""Slack-compatible incoming webhooks (SPEC §18): one for the workspace and one
per handler. When a submission's processing finishes, the workspace's URL and
the URL of the handler it went to get ``{"text": "<one-line summary> <link|Open>"}``
(the format Slack, Mattermost, Rocket.Chat and Discord's /slack endpoint accept).

The message is a job queued in the transaction that finished processing, with a
dedupe key per submission and target, so reprocessing does not post twice; it
goes out under the same SSRF rules as webhooks.
"""

from __future__ import annotations

import json

from app.db import loads, now_iso
from app.errors import ValidationError
from app.services.integrations import outbound
from app.services.processing.summary import summaries

FINISHED_TYPES = frozenset(
    ("submission_processed", "submission_awaiting_approval", "submission_needs_human_review")
)
WORKSPACE = ""  # handler_id of the workspace-wide target


def queue_messages_tx(conn, event: dict) -> None:
    ws, submission_id = event["workspace_id"], event.get("submission_id")
    if not submission_id:
        return
    targets = {
        r["handler_id"]
        for r in conn.all("SELECT handler_id FROM slack_targets WHERE workspace_id = ?", (ws,))
    }
    if not targets:
        return
    assigned = conn.one(
        "SELECT assigned_id FROM submissions WHERE id = ? AND workspace_id = ? AND assigned_type = 'handler'",
        (submission_id, ws),
    )
    wanted = [WORKSPACE, assigned["assigned_id"] if assigned else None]
    from app.services.platform import jobs  # noqa: PLC0415 - jobs imports the event log that calls us

    for handler_id in dict.fromkeys(h for h in wanted if h is not None and h in targets):
        jobs.enqueue(
            conn,
            "notify_slack",
            {"submission_id": submission_id, "handler_id": handler_id},
            workspace_id=ws,
            dedupe_key=f"notify_slack:{submission_id}:{handler_id or 'workspace'}",
        )


def _target(conn, workspace_id: str, handler_id: str):
    return conn.value(
        "SELECT url FROM slack_targets WHERE workspace_id = ? AND handler_id = ?",
        (workspace_id, handler_id),
    )


def _currency(conn, workspace_id: str) -> str:
    settings = conn.value("SELECT settings FROM workspaces WHERE id = ?", (workspace_id,))
    return (loads(settings, {}) or {}).get("currency") or "USD"


async def message_text(db, workspace_id: str, submission_id: str, base_url: str) -> str:
    currency = await db.read(_currency, workspace_id)
    line = (await summaries(db, workspace_id, [submission_id], currency)).get(submission_id)
    return f"{line or 'New submission'} <{base_url}/submissions/{submission_id}|Open in FormAgent>"


async def send_slack_message(ctx, payload: dict) -> None:
    """The job: post the summary; a failed post raises, so the job retries with backoff."""
    ws = ctx.job.workspace_id
    url = await ctx.db.read(_target, ws, payload["handler_id"])
    if not url:
        return  # removed since
    text = await message_text(ctx.db, ws, payload["submission_id"], ctx.settings.base_url)
    outcome = await outbound.post(
        url,
        json.dumps({"text": text}).encode(),
        {"Content-Type": "application/json"},
        timeout=ctx.settings.webhook_timeout,
        allow_private=ctx.settings.webhook_allow_private,
        pool=getattr(ctx.state, "outbound", None),
    )
    if not outcome.ok:
        raise RuntimeError(outcome.error or f"Slack answered HTTP {outcome.status}")


# -- settings ---------------------------------------------------------------------
async def list_targets(db, workspace_id: str) -> dict[str, str]:
    """handler_id ('' for the workspace) -> URL."""
    rows = await db.fetchall(
        "SELECT handler_id, url FROM slack_targets WHERE workspace_id = ?", (workspace_id,)
    )
    return {r["handler_id"]: r["url"] for r in rows}


async def set_target(db, settings, workspace_id: str, handler_id: str, url: str | None) -> None:
    """Save (or with an empty URL remove) the workspace's or a handler's Slack URL."""
    if not url or not url.strip():
        await db.write(
            lambda conn: conn.execute(
                "DELETE FROM slack_targets WHERE workspace_id = ? AND handler_id = ?",
                (workspace_id, handler_id),
            )
        )
        return
    try:
        parsed = outbound.check_url(url)
        await outbound.checked_addresses(parsed, allow_private=settings.webhook_allow_private)
    except outbound.TargetRefused as refused:
        raise ValidationError(str(refused), fields={"url": str(refused)}) from None

    def save(conn):
        if (
            handler_id
            and conn.value(
                "SELECT 1 FROM handlers WHERE id = ? AND workspace_id = ? AND removed_at IS NULL",
                (handler_id, workspace_id),
            )
            is None
        ):
            raise ValidationError(fields={"handler_id": "No such handler in this workspace."})
        conn.execute(
            "INSERT INTO slack_targets (workspace_id, handler_id, url, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (workspace_id, handler_id) DO UPDATE SET url = excluded.url,"
            " updated_at = excluded.updated_at",
            (workspace_id, handler_id, str(parsed), now_iso()),
        )

    await db.write(save)
