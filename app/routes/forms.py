"""Form pages: list, "Describe a form" (draft + refinement turns), status
changes, archive, duplicate, embed. The editor page and its fragments live in
app/routes/form_editor.py."""

from __future__ import annotations

import json

from starlette.routing import Route

from app.errors import ValidationError
from app.services.forms import embedding, forms
from app.services.forms.config import (
    normalize_config,
)
from app.services.forms.patterns import warm as warm_patterns
from app.services.forms.public import embed_info, schema_of
from app.services.llm import LLMError, local_refine_examples
from app.services.llm.local_translate import LANGUAGE_NAMES
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.origin import is_loopback, public_base_url
from app.web.render import redirect, render, url_path

DRAFT_ID = "form_preview"


async def list_forms(request):
    principal = await require_page(request)
    status = request.query_params.get("status") or None
    items, next_cursor = await forms.list_forms(
        request.app.state.db,
        principal.workspace_id,
        status=status,
        limit=50,
        cursor=request.query_params.get("cursor"),
    )
    query = f"?status={status or ''}&cursor={next_cursor}"
    next_url = url_path(request, "forms_list") + query if next_cursor else None
    return await render(
        request,
        "forms/index.html",
        {
            "forms": items,
            "status": status,
            "next_url": next_url,
            "can_edit": principal.can_write,
        },
    )


async def new_form(request):
    principal = await require_page(request)
    return await render(
        request,
        "forms/new.html",
        {"draft": None, "description": "", "errors": {}, "can_edit": principal.can_write},
    )


async def _draft_from(raw: str | None) -> dict | None:
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):  # malformed, or nested past the decoder's limit
        raise ValidationError(
            fields={"draft": "The draft could not be read; start again from a description."}
        ) from None
    if not isinstance(value, dict):
        return None
    await warm_patterns(value.get("fields"))  # compiled off the event loop
    return normalize_config(value)


_OP_WORDS = {
    "equals": "is",
    "not_equals": "is not",
    "in": "is one of",
    "not_in": "is not one of",
    "filled": "is answered",
    "empty": "is left empty",
    "gt": "is more than",
    "lt": "is less than",
}


def _rule_summaries(draft: dict | None) -> dict:
    """Field name -> "Shown when “Customer type” is Business" for the draft's summary table."""
    labels = {f["name"]: f.get("label") or f["name"] for f in (draft or {}).get("fields") or []}
    out = {}
    for f in (draft or {}).get("fields") or []:
        rule = f.get("show_if") if isinstance(f.get("show_if"), dict) else {}
        conditions = [c for c in rule.get("all") or rule.get("any") or [] if isinstance(c, dict)]
        parts = []
        for c in conditions:
            value = c.get("value")
            value = ", ".join(map(str, value)) if isinstance(value, list) else value
            words = _OP_WORDS.get(c.get("op"), c.get("op"))
            shown = f"“{labels.get(c.get('field'), c.get('field'))}” {words}"
            parts.append(f"{shown} {value}" if value not in (None, "") else shown)
        if parts:
            out[f["name"]] = "Shown when " + (" or " if "any" in rule else " and ").join(parts)
    return out


def _draft_ctx(draft: dict | None, description: str, errors: dict, history: list) -> dict:
    preview = schema_of({**draft, "id": DRAFT_ID}) if draft else None
    return {
        "rules": _rule_summaries(draft),
        "languages": [
            LANGUAGE_NAMES.get(code, code) for code in ((draft or {}).get("translations") or {})
        ],
        "draft": draft,
        "draft_json": json.dumps(draft) if draft else "",
        "preview": preview,
        "description": description,
        "errors": errors,
        "history": history,
        "examples": [],
        # the hint under "Change something" names this draft's own fields
        "hints": local_refine_examples.examples(draft) if draft else [],
    }


async def generate_draft(request):
    """One turn of "Describe a form": a description, or a refinement of the current draft."""
    principal = await require_page(request, write=True)
    data = await read_form(request)
    description = str(data.get("description") or "").strip()
    # An example button (offered after a vague refinement) sends its text as "example".
    instruction = str(data.get("example") or data.get("instruction") or "").strip()
    history = [h for h in data.getlist("history") if isinstance(h, str)][-10:]
    errors, draft, status = {}, None, 200
    try:
        draft = await _draft_from(data.get("draft"))
        text = instruction if draft else description
        if not text:
            key = "instruction" if draft else "description"
            raise ValidationError(
                fields={
                    key: "Describe the form in a sentence, e.g. “a demo request form for an "
                    "AI consulting firm targeting enterprise clients”."
                    if key == "description"
                    else "Say what to change, e.g. “make phone optional”."
                }
            )
        draft = await forms.generate_draft(
            request.app.state.llm, text, draft, workspace_id=principal.workspace_id
        )
        history = [*history, text][-10:]
    except ValidationError as exc:
        errors, status = exc.fields or {"description": exc.message}, 422
    except LLMError as exc:
        errors, status = {"description": exc.message}, exc.status if exc.status < 500 else 422
    ctx = _draft_ctx(draft, description, errors, history)
    ctx["examples"] = local_refine_examples.examples(draft) if draft and errors else []
    return await render(request, "forms/new.html", ctx, fragment="forms/_draft.html", status=status)


async def save_draft(request):
    """Save the draft shown on "Describe a form" as a new (draft status) form."""
    principal = await require_page(request, write=True)
    data = await read_form(request)
    description, draft = str(data.get("description") or ""), None
    try:
        draft = await _draft_from(data.get("draft"))
        if draft is None:
            raise ValidationError(fields={"description": "Generate a draft first, then save it."})
        form = await forms.create_form(
            request.app.state.db,
            principal.workspace_id,
            {**draft, "status": "draft"},
            suffix_slug=True,
            actor_id=principal.account_id,
        )
    except ValidationError as exc:
        ctx = _draft_ctx(
            draft,
            description,
            {"save": "The draft is not a valid form yet: " + "; ".join(exc.fields.values())},
            [],
        )
        return await render(
            request, "forms/new.html", ctx, fragment="forms/_draft.html", status=422
        )
    return redirect(
        request,
        url_path(request, "forms_edit", form_id=form["id"]),
        "Form saved as a draft. Publish it when it is ready.",
    )


async def change_status(request):
    principal = await require_page(request, write=True)
    form_id, status = (
        request.path_params["form_id"],
        str((await read_form(request)).get("status") or ""),
    )
    db = request.app.state.db
    try:
        form = await forms.set_status(db, principal.workspace_id, form_id, status)
    except ValidationError as exc:
        return redirect(
            request,
            url_path(request, "forms_edit", form_id=form_id),
            exc.message if exc.message != exc.default_message else "; ".join(exc.fields.values()),
            kind="error",
        )
    word = {
        "active": "published",
        "paused": "paused",
        "draft": "moved back to draft",
        "archived": "archived",
    }[form["status"]]
    return redirect(
        request, url_path(request, "forms_edit", form_id=form_id), f"The form is {word}."
    )


async def archive_form(request):
    principal = await require_page(request, write=True)
    await forms.archive_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    return redirect(
        request, url_path(request, "forms_list"), "Form archived. It no longer accepts submissions."
    )


async def duplicate_form(request):
    principal = await require_page(request, write=True)
    form = await forms.duplicate_form(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["form_id"],
        actor_id=principal.account_id,
    )
    return redirect(
        request,
        url_path(request, "forms_edit", form_id=form["id"]),
        f"Copied as “{form['name']}” (a draft).",
    )


async def embed_page(request):
    principal = await require_page(request)
    form = await forms.get_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    base = public_base_url(request)
    info = embed_info(base, form["id"])
    ctx = {
        "form": form,
        "preview": schema_of(form),
        "unreachable": is_loopback(base),
        "base_url": base,
        **info,
        "snippets": embedding.snippets(
            info["script_url"],
            form["id"],
            (form.get("theme") or {}).get("button_label") or form["name"],
        ),
        "platforms": embedding.platform_steps(),
        "languages": sorted(form.get("translations") or {}),
    }
    return await render(request, "forms/embed.html", ctx)


routes = [
    Route("/forms", list_forms, methods=["GET"], name="forms_list"),
    Route("/forms", save_draft, methods=["POST"], name="forms_save_draft"),
    Route("/forms/new", new_form, methods=["GET"], name="forms_new"),
    Route("/forms/new", generate_draft, methods=["POST"], name="forms_generate"),
    Route("/forms/{form_id}/status", change_status, methods=["POST"], name="forms_status"),
    Route("/forms/{form_id}/archive", archive_form, methods=["POST"], name="forms_archive"),
    Route("/forms/{form_id}/duplicate", duplicate_form, methods=["POST"], name="forms_duplicate"),
    Route("/forms/{form_id}/embed", embed_page, methods=["GET"], name="forms_embed"),
]
