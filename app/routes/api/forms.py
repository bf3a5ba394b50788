"""Forms in the JSON API (SPEC §12): generate, CRUD, embed."""

from __future__ import annotations

from app.services.forms import forms, versions
from app.services.forms.config import (
    ALLOWED_ACTIONS,
    AUTONOMY_LEVELS,
    FIELD_TYPES,
    FLOWS,
    FORM_STATUSES,
    FORM_TYPES,
    LAYOUTS,
    MAX_DESCRIPTION,
)
from app.services.forms.partials_config import ABANDON_MAX, ABANDON_MIN
from app.services.forms.patterns import MAX_PATTERN_CHARS
from app.services.forms.public import embed_info
from app.services.forms.spam_settings import CHALLENGE_MODES, FREE_MAIL_POLICIES
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    no_content,
    read_json,
    updated_since_param,
)
from app.web.origin import public_base_url

_FIELD = S.obj(
    {
        "name": S.text(
            max_length=50,
            pattern="^[a-z][a-z0-9_]{0,49}$",
            description="derived from the label when left out",
        ),
        "type": S.choice(FIELD_TYPES),
        "label": S.text(
            max_length=2000,
            description="up to 200 characters; a consent field's label is its consent text (up to 2000)",
        ),
        "placeholder": S.text(max_length=200),
        "help": S.text(max_length=500),
        "required": S.boolean(),
        "options": S.array(S.text(max_length=200), max_items=100),
        "min": S.free(description="number (number fields), ISO date (date fields) or length"),
        "max": S.free(description="number (number fields) or ISO date (date fields)"),
        "max_length": S.integer(1, 100_000, nullable=True),
        "regex": S.text(max_length=MAX_PATTERN_CHARS, nullable=True),
        "default": S.free(),
        "show_if": S.free(description="{all|any: [{field, op, value}]} (SPEC §17)"),
        "privacy_url": S.text(
            max_length=2000, nullable=True, description="consent fields: the privacy policy link"
        ),
        "accept": S.free(
            description="file fields: extensions (.pdf), MIME types or image/*, audio/*, video/*"
        ),
        "max_size_mb": S.integer(1, 25, description="file fields: per file, default 10"),
        "max_files": S.integer(1, 10, description="file fields: default 1"),
    },
    required=["type"],
)
_AUTO = S.obj(
    {
        "create_contact": S.boolean(),
        "create_company": S.boolean(),
        "confirmation_template": S.text(
            max_length=10000, nullable=True, description="plain text with {{placeholders}}"
        ),
        "log_activity": S.boolean(),
        "notify_handler_ids": S.array(S.id_of("hdl"), max_items=50),
        "booking_url": S.text(max_length=2000, nullable=True, description="http(s) URL"),
        "sequence_id": S.text(
            max_length=40,
            nullable=True,
            description="the nurture sequence of an email_marketing form without a campaign",
        ),
        "double_opt_in": S.boolean(
            description="email_marketing forms: send only a confirmation link until the person"
            " confirms; then the welcome email, sequence and the rest of the flow run (SPEC §19)"
        ),
    }
)
_AGENT = S.obj(
    {
        "instructions": S.text(max_length=4000, nullable=True),
        "autonomy_level": S.choice(AUTONOMY_LEVELS),
        "allowed_actions": S.array(S.choice(ALLOWED_ACTIONS), max_items=len(ALLOWED_ACTIONS)),
    }
)
_SECURITY = S.obj(
    {
        "allowed_origins": S.array(
            S.text(max_length=300, description="https://www.example.com"), max_items=100
        ),
        "honeypot_field": S.text(max_length=40, nullable=True),
        "max_submissions_per_ip": S.integer(1, 100000),
        "max_submissions_per_email": S.integer(1, 100000),
        "duplicate_window_minutes": S.integer(0, 1440),
        # SPEC §19 spam score (app/services/capture/spam_signals.py has the signals)
        "review_threshold": S.integer(
            1, 1000, description="Score at which a submission is quarantined (default 50)"
        ),
        "block_threshold": S.integer(
            1, 1000, description="Score at which a submission is refused (default 100)"
        ),
        "free_mail": S.choice(
            FREE_MAIL_POLICIES, description="Free-mail addresses: allow, score or block (422)"
        ),
        "blocked_words": S.array(S.text(max_length=60), max_items=200),
        "challenge": S.choice(
            CHALLENGE_MODES, description="Proof-of-work: off, on, or auto (on during bursts)"
        ),
    }
)
_RESPONSE = S.obj(
    {
        "thank_you_message": S.text(max_length=2000, nullable=True),
        "redirect_url": S.text(max_length=2000, nullable=True, description="http(s) URL"),
    }
)
_FORM = S.obj(
    {
        "id": S.read_only(S.id_of("form")),
        "workspace_id": S.read_only(S.id_of("ws")),
        "name": S.text(max_length=120, non_empty=True),
        "slug": S.text(max_length=60, description="lowercase letters, digits and hyphens"),
        "description": S.text(max_length=4000),
        "status": S.choice(FORM_STATUSES),
        "type": S.choice(FORM_TYPES),
        "flow_id": S.choice(FLOWS),
        "assignment": S.obj(
            {"type": S.choice(["handler", "group"]), "id": S.id_of("hdl or group")},
            required=["type", "id"],
            nullable=True,
        ),
        "fields": S.array(_FIELD, max_items=50),
        "field_mapping": S.obj({}, extra=S.text(max_length=200), description="field -> target"),
        "auto": _AUTO,
        "agent": _AGENT,
        "security": _SECURITY,
        "response": _RESPONSE,
        "autopilot": S.boolean(),
        "layout": S.choice(LAYOUTS),
        "steps": S.array(
            S.free(),
            max_items=20,
            description="[{title, fields: [names], show_if?}]: every field in one step; "
            "fields no step names join the last one (SPEC §17)",
        ),
        "translations": S.obj({}, extra=True, description="{locale: {fields, ...}} (SPEC §17)"),
        "theme": S.obj({}, extra=True, description="colours, font, radius, logo (SPEC §17)"),
        "partials": S.obj(
            {
                "enabled": S.boolean(),
                "abandon_after_minutes": S.integer(ABANDON_MIN, ABANDON_MAX),
                "follow_up": S.obj(
                    {
                        "enabled": S.boolean(),
                        "subject": S.text(max_length=200, nullable=True),
                        "body": S.text(
                            max_length=10000,
                            nullable=True,
                            description="plain text with {{placeholders}}",
                        ),
                    }
                ),
            },
            description="partial submissions and abandonment (SPEC §17)",
        ),
        "version": S.read_only(S.integer(1, 2**31 - 1), computed=True),
        "created_at": S.read_only(S.timestamp()),
        "updated_at": S.read_only(S.timestamp(), computed=True),
        "stats": S.read_only(S.obj({}, extra=True), computed=True),
    },
    required=["name"],
)
_GENERATE = S.obj(
    {
        "description": S.text(
            max_length=MAX_DESCRIPTION,
            non_empty=True,
            **{
                "x-messages": {
                    "minLength": "Describe the form you want, e.g. “a demo request form for "
                    "an AI consulting firm”.",
                    "maxLength": forms.DESCRIPTION_TOO_LONG,
                }
            },
        ),
        "draft": S.obj({}, extra=True, description="a previous answer's draft, to refine"),
    },
    required=["description"],
)


async def generate_form(request, principal):
    """Generate a form config draft from a description (and refine a previous `draft`); nothing is saved."""
    body = await read_json(request)  # the schema makes description non-empty and draft an object
    description, draft = body["description"].strip(), body.get("draft")
    result = await forms.generate_draft(
        request.app.state.llm, description, draft, workspace_id=principal.workspace_id
    )
    return json_response({"draft": result})


async def create_form(request, principal):
    """Create a form from a config (validated; a taken slug answers 409)."""
    body = await read_json(request)
    form = await forms.create_form(
        request.app.state.db, principal.workspace_id, body, actor_id=principal.account_id
    )
    return json_response(form, status=201)


async def list_forms(request, principal):
    """List forms, newest first, with `stats` {submissions, views, starts, conversion}; `?status=` filters
    (archived forms only with `status=archived` or `status=all`); `updated_since` (ISO 8601) keeps
    those changed since then."""
    limit, cursor = list_params(request)
    items, next_cursor = await forms.list_forms(
        request.app.state.db,
        principal.workspace_id,
        status=request.query_params.get("status"),
        limit=limit,
        cursor=cursor,
        updated_since=updated_since_param(request),
    )
    return list_response(items, next_cursor)


async def get_form(request, principal):
    """One form with its full config and `stats`."""
    db, form_id = request.app.state.db, request.path_params["form_id"]
    form = await forms.get_form(db, principal.workspace_id, form_id)
    form["stats"] = await forms.form_stats(db, principal.workspace_id, form_id)
    return json_response(form)


async def update_form(request, principal):
    """Update a form: the top-level keys sent replace the current ones; the result is validated as a whole."""
    db, form_id = request.app.state.db, request.path_params["form_id"]
    current = await forms.get_form(db, principal.workspace_id, form_id)
    body = await read_json(request, current=current)
    form = await forms.update_form(db, principal.workspace_id, form_id, body)
    return json_response(form)


async def archive_form(request, principal):
    """Archive a form (its schema answers 404 and submissions 410 from now on)."""
    await forms.archive_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    return no_content()


async def form_embed(request, principal):
    """The embed snippet, the hosted page URL and the script URL of a form."""
    form = await forms.get_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    return json_response(
        {**embed_info(public_base_url(request), form["id"]), "status": form["status"]}
    )


async def list_form_versions(request, principal):
    """The recorded versions of a form, newest first: each change to an active form's fields,
    steps or translations is a new `version` {version, fields, steps, translations, created_at};
    a submission's `form_version` names the one it was made against."""
    limit, cursor = list_params(request)
    items, next_cursor = await versions.list_versions(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["form_id"],
        cursor=cursor,
        limit=limit,
    )
    return list_response(items, next_cursor)


routes = [
    api_route(
        "/forms/generate",
        generate_form,
        methods=["POST"],
        scope="forms:write",
        body=_GENERATE,
        tags=["forms"],
        errors=(502, 503),
    ),
    api_route(
        "/forms",
        create_form,
        methods=["POST"],
        scope="forms:write",
        body=_FORM,
        tags=["forms"],
        status=201,
        errors=(409,),
    ),
    api_route(
        "/forms",
        list_forms,
        methods=["GET"],
        scope="forms:read",
        tags=["forms"],
        paged=True,
        updated_since=True,
    ),
    api_route("/forms/{form_id}", get_form, methods=["GET"], scope="forms:read", tags=["forms"]),
    api_route(
        "/forms/{form_id}",
        update_form,
        methods=["PUT"],
        scope="forms:write",
        body=_FORM,
        tags=["forms"],
        errors=(409,),
    ),
    api_route(
        "/forms/{form_id}", archive_form, methods=["DELETE"], scope="forms:write", tags=["forms"]
    ),
    api_route(
        "/forms/{form_id}/embed", form_embed, methods=["GET"], scope="forms:read", tags=["forms"]
    ),
    api_route(
        "/forms/{form_id}/versions",
        list_form_versions,
        methods=["GET"],
        scope="forms:read",
        tags=["forms"],
        paged=True,
    ),
]
