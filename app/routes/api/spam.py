"""Spam quarantine API (SPEC §19, §12 "trust"): list a form's quarantine, release a
quarantined submission, confirm one as spam."""

from __future__ import annotations

from app.services.capture import quarantine
from app.services.forms import forms as forms_service
from app.web.api import api_route, json_response


def _held(row: dict) -> dict:
    return {
        "id": row["id"],
        "email": row["email_lower"],
        "data": row["data"],
        "spam_score": row["spam_score"],
        "reasons": row["reasons"],
        "created_at": row["created_at"],
    }


async def list_quarantine(request, principal):
    """A form's quarantined submissions, newest first: each with its `spam_score` and
    `reasons` (one sentence per signal with its weight). `?cursor=` pages."""
    db = request.app.state.db
    form = await forms_service.get_form(db, principal.workspace_id, request.path_params["id"])
    rows, next_cursor = await quarantine.list_quarantined(
        db, principal.workspace_id, form["id"], cursor=request.query_params.get("cursor")
    )
    return json_response({"data": [_held(r) for r in rows], "next_cursor": next_cursor})


async def release_submission(request, principal):
    """Release a quarantined submission: it is processed as if it had passed (contact
    memory, `submission_received`, its flow), and this form's weight of each signal that
    fired on it is lowered (bounded; see `weight_changes`). 409 when it is not quarantined."""
    result = await quarantine.release(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        actor=principal.display_name,
    )
    return json_response(result)


async def confirm_spam(request, principal):
    """Confirm a quarantined submission as spam: status `spam`, and this form's weight of
    each signal that fired on it is raised (bounded; see `weight_changes`). 409 when it is
    not quarantined."""
    result = await quarantine.confirm(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        actor=principal.display_name,
    )
    return json_response(result)


routes = [
    api_route(
        "/forms/{id}/quarantine",
        list_quarantine,
        methods=["GET"],
        scope="submissions:read",
        tags=["submissions"],
    ),
    api_route(
        "/submissions/{id}/release",
        release_submission,
        methods=["POST"],
        scope="submissions:write",
        body=False,
        errors=(409,),
        tags=["submissions"],
    ),
    api_route(
        "/submissions/{id}/confirm-spam",
        confirm_spam,
        methods=["POST"],
        scope="submissions:write",
        body=False,
        errors=(409,),
        tags=["submissions"],
    ),
]
