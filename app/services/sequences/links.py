"""How other domains reach sequences: the flow's nurture step (SPEC §6.1) and the
agent's ``enroll_sequence`` action (SPEC §6.4), both inside their own transaction."""

from __future__ import annotations

from app.db import find_in_workspace
from app.services.sequences.enrollments import enroll_tx, live_enrollment


def nurture_sequence_tx(conn, workspace_id: str, form: dict) -> tuple[str | None, str | None]:
    """(campaign_id, sequence_id) for a submission to ``form``: its active campaign's
    nurture sequence when the campaign has one (a paused campaign takes no one in),
    else the form's ``auto.sequence_id``."""
    campaign = conn.one(
        "SELECT c.id, c.nurture_sequence_id FROM campaign_forms cf"
        " JOIN campaigns c ON c.id = cf.campaign_id"
        " WHERE cf.form_id = ? AND c.workspace_id = ? AND c.status = 'active'",
        (form["id"], workspace_id),
    )
    if campaign and campaign["nurture_sequence_id"]:
        return campaign["id"], campaign["nurture_sequence_id"]
    configured = (form.get("auto") or {}).get("sequence_id") or None
    return (campaign["id"] if campaign else None), configured


def ensure_enrolled_tx(conn, workspace_id: str, sequence_id: str, contact_id: str, **options):
    """(enrollment row, created): the contact's live enrollment in the sequence, or a
    new one. Re-running (reprocessing, a retried action) never enrolls twice."""
    live = live_enrollment(conn, sequence_id, contact_id)
    if live and live["workspace_id"] == workspace_id:
        return live, False
    return enroll_tx(conn, workspace_id, sequence_id, contact_id, **options), True


def resolve_sequence_tx(conn, workspace_id: str, reference: str, form: dict) -> dict | None:
    """The sequence an agent named: by id, else by name (any case), else the form's
    nurture sequence, else the workspace's only active sequence; None when unclear."""
    reference = (reference or "").strip()
    live = "deleted_at IS NULL"
    found = find_in_workspace(conn, "sequences", reference, workspace_id, where=live)
    found = found or conn.one(
        "SELECT * FROM sequences WHERE workspace_id = ? AND deleted_at IS NULL"
        " AND lower(name) = lower(?) ORDER BY created_at LIMIT 1",
        (workspace_id, reference),
    )
    if found:
        return found
    _, configured = nurture_sequence_tx(conn, workspace_id, form)
    found = configured and find_in_workspace(
        conn, "sequences", configured, workspace_id, where=live
    )
    if found:
        return found
    active = conn.all(
        "SELECT * FROM sequences WHERE workspace_id = ? AND deleted_at IS NULL AND status = 'active'"
        " LIMIT 2",
        (workspace_id,),
    )
    return active[0] if len(active) == 1 else None
