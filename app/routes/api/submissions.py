"""Submissions API (SPEC §12): list with filters, detail, update, reprocess."""

from __future__ import annotations

from app.services.agents import review
from app.services.capture import submissions
from app.services.files import uploads
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    read_json,
    updated_since_param,
)
from app.web.entity_links import item_path
from app.web.origin import public_base_url
from app.web.render import url_path


def with_urls(request, item: dict) -> dict:
    """Each ``created_entities.items`` entry gets the absolute ``url`` of its page."""
    base = public_base_url(request)
    for entry in (item.get("created_entities") or {}).get("items") or []:
        path = item_path(lambda name, **params: url_path(request, name, **params), entry)
        entry["url"] = base + path if path else None
    for file in item.get("files") or []:  # SPEC §17: downloaded with submissions:read
        file.pop("size_label", None)
        file["url"] = base + url_path(request, "download_file", file_id=file["id"])
    return item


_UPDATE = S.obj(
    {
        "status": S.choice(submissions.SETTABLE_STATUSES),
        "outcome": S.text(max_length=200),
        "agent_notes": S.text(max_length=20000),
        "assigned_to": S.obj(
            {"type": S.choice(["handler"]), "id": S.id_of("hdl")},
            required=["type", "id"],
            nullable=True,
        ),
        **S.read_only_keys(
            "id",
            "form_id",
            "flow_id",
            "data",
            "meta",
            "field_interactions",
            "created_at",
            "form_version",
        ),
        # what processing moves on its own while a client holds a copy
        **S.read_only_keys(
            "contact_id",
            "company_id",
            "is_new_contact",
            "processed_at",
            "processing_duration_ms",
            "agent_flag",
            "review_due_at",
            "actions",
            "created_entities",
            "form_name",
            "contact_email",
            "contact_name",
            "contact",
            "assigned",
            "timeline",
            "task",
            "ticket",
            "reviewed_at",
            "reviewed_by",
            "reviewer",
            "fields",
            "pending_draft_id",
            "lead_score",
            "messages",
            "narrative",
            "files",
            computed=True,
        ),
    }
)


def filters_from(query) -> dict:
    return {key: query.get(key) or None for key in submissions.FILTER_KEYS}


async def list_submissions(request, principal):
    """List submissions, newest first. Filters: `form`, `status`, `contact`, `from`, `to` (date or ISO time),
    `assigned` (unassigned | broadcast | handler), `review=needed` (what the dashboard's "Needs review"
    counts: escalated submissions and agent runs nobody has reviewed yet), `updated_since` (ISO 8601:
    received or processed since then). Each item's `files` lists the visitor's uploads
    `{id, field, name, size, content_type, url}`."""
    limit, cursor = list_params(request)
    items, next_cursor = await submissions.list_submissions(
        request.app.state.db,
        principal.workspace_id,
        filters={
            **filters_from(request.query_params),
            "updated_since": updated_since_param(request),
        },
        cursor=cursor,
        limit=limit,
        entities=True,
    )
    files = await uploads.files_of(
        request.app.state.db, principal.workspace_id, [i["id"] for i in items]
    )
    for item in items:
        for extra in ("form_name", "contact_email", "contact_name"):
            item.pop(extra, None)
        item["files"] = [uploads.shaped(f) for f in files.get(item["id"], [])]
        with_urls(request, item)
    return list_response(items, next_cursor)


async def get_submission(request, principal):
    """One submission: data, meta, field interactions, actions (the processing log) and its timeline.

    `created_entities` lists what processing made or touched for it, read from the data itself:
    `contact_id`, `company_id`, `deal_id`, `ticket_id`, `task_id`, `activity_id`, `enrollment_id`,
    `emails` and `notes` (ids), and `items` — one `{type, id, label, created, home, url}` per object,
    `url` being the page where it lives. Also: `fields` (the data under the form's labels),
    `lead_score` (the agent's `{score, reason, tags, proposed}`), `messages` (the emails written for
    it, in full), `reviewed_at`/`reviewed_by`/`reviewer` once someone marked the agent's work reviewed,
    `files` (the visitor's uploads: `{id, field, name, size, content_type, url}`; `url` downloads
    the file as an attachment with this key)."""
    item = await submissions.get_submission(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return json_response(with_urls(request, item))


async def update_submission(request, principal):
    """Update status (processed | needs_human_review | failed), outcome, agent_notes or assigned_to."""
    db, submission_id = request.app.state.db, request.path_params["id"]
    current = await submissions.get_submission(db, principal.workspace_id, submission_id)
    body = await read_json(request, current=current)
    item = await submissions.update_submission(
        db, principal.workspace_id, submission_id, body, actor_account_id=principal.account_id
    )
    return json_response(with_urls(request, item))


async def reprocess_submission(request, principal):
    """Run the submission's flow again; no entity (ticket, task, email, deal) is duplicated. 409 while processing."""
    result = await submissions.reprocess(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return json_response(result, status=202)


async def review_submission(request, principal):
    """Mark what the agent did on its own (semi-autonomous, `review_due_at` set) as reviewed by the
    caller: sets `reviewed_at` and `reviewed_by`; it leaves the "Needs review" count. Idempotent;
    409 when the submission is not waiting for a review."""
    db, sid = request.app.state.db, request.path_params["id"]
    await review.mark_reviewed(
        db,
        principal.workspace_id,
        sid,
        reviewer_id=principal.account_id or principal.api_key_id,
        reviewer_name=principal.display_name,
    )
    item = await submissions.get_submission(db, principal.workspace_id, sid)
    return json_response(with_urls(request, item))


R, W = "submissions:read", "submissions:write"
routes = [
    api_route(
        "/submissions",
        list_submissions,
        methods=["GET"],
        scope=R,
        tags=["submissions"],
        paged=True,
        updated_since=True,
    ),
    api_route("/submissions/{id}", get_submission, methods=["GET"], scope=R, tags=["submissions"]),
    api_route(
        "/submissions/{id}",
        update_submission,
        methods=["PUT"],
        scope=W,
        body=_UPDATE,
        tags=["submissions"],
    ),
    api_route(
        "/submissions/{id}/reprocess",
        reprocess_submission,
        methods=["POST"],
        scope=W,
        body=False,
        status=202,
        errors=(409,),
        tags=["submissions"],
    ),
    api_route(
        "/submissions/{id}/review",
        review_submission,
        methods=["POST"],
        scope=W,
        body=False,
        errors=(409,),
        tags=["submissions"],
    ),
]
