"""The form editor page and its HTMX fragments: fields (add, edit, delete, reorder,
required) and the settings sections (details, agent, auto, security,
response). Each control is a real form: plain POSTs answer 303 back to the
editor, HTMX gets the section back plus an out-of-band preview refresh, and a
validation error re-renders the section with the message next to the field
(status 422, swapped per the htmx-config in base.html)."""

from __future__ import annotations

import json
import re

from starlette.routing import Route

from app.errors import Conflict, ValidationError
from app.services.analytics import suggestions
from app.services.experiments.pages import experiment_panel
from app.services.forms import editor as form_editor
from app.services.forms import forms, paging
from app.services.forms.config import (
    ALLOWED_ACTIONS,
    AUTONOMY_LEVELS,
    FIELD_TYPE_LABELS,
    FIELD_TYPES,
    FLOWS,
    FORM_TYPES,
)
from app.services.forms.partials_config import partials_input
from app.services.forms.public import schema_of
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import is_htmx, redirect, render, url_path

SECTIONS = ("details", "agent", "auto", "security", "response", "partials", "steps")
# The editor's words for the rule language's comparisons (SPEC §17).
RULE_OPS = (
    ("equals", "is"),
    ("not_equals", "is not"),
    ("in", "is one of"),
    ("not_in", "is none of"),
    ("filled", "is filled in"),
    ("empty", "is empty"),
    ("gt", "is more than (or after)"),
    ("lt", "is less than (or before)"),
)
LAYOUT_CHOICES = (
    ("standard", "All questions of a step together"),
    ("one_at_a_time", "One question at a time"),
)
MAX_RULE_ROWS = 20
MAX_STEP_ROWS = 20


async def editor_context(request, principal, form: dict, **extra) -> dict:
    """Everything the editor page and its fragments render from."""
    preview = schema_of(form)
    ctx = {
        "form": form,
        "preview": preview,
        # steps with their headings, and only the fields shown before any answer
        "preview_plan": paging.hosted_plan(preview, None),
        "errors": {},
        "settings_errors": {},
        "saved": False,
        "values": {},
        "assignees": await forms.list_assignees(request.app.state.db, principal.workspace_id),
        "field_types": [(t, FIELD_TYPE_LABELS[t]) for t in FIELD_TYPES],
        "flows": FLOWS,
        "form_types": FORM_TYPES,
        "levels": AUTONOMY_LEVELS,
        "actions": ALLOWED_ACTIONS,
        "can_edit": principal.can_write,
        "rule_ops": RULE_OPS,
        "layouts": LAYOUT_CHOICES,
    }
    ctx.update(extra)
    return ctx


async def edit_form(request):
    """The editor; with ``?suggestion=<id>`` it shows that suggestion's change unsaved
    (fields and preview as they would be) until the person saves or discards it."""
    principal = await require_page(request)
    db, form_id = request.app.state.db, request.path_params["form_id"]
    form = await forms.get_form(db, principal.workspace_id, form_id)
    extra = {
        "suggestions": await suggestions.form_suggestions(db, principal.workspace_id, form_id),
        "minimums": suggestions.MINIMUMS,
        **await experiment_panel(db, principal.workspace_id, form_id),
    }
    wanted = request.query_params.get("suggestion")
    if wanted:
        principal = await require_page(request, write=True)
        extra["pending"], form = await suggestions.preview(
            db, principal.workspace_id, form_id, wanted
        )
        extra["can_edit"] = False  # the controls act on the saved form: save or discard first
    form["stats"] = await forms.form_stats(db, principal.workspace_id, form["id"])
    ctx = await editor_context(request, principal, form, **extra)
    return await render(request, "forms/edit.html", ctx)


def _lines(value) -> list[str]:
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


def _field_input(data) -> dict:
    """A field definition as posted by the editor (options: one per line)."""
    raw = {
        key: str(data.get(key) or "").strip()
        for key in (
            "name",
            "type",
            "label",
            "placeholder",
            "help",
            "min",
            "max",
            "max_length",
            "regex",
            "default",
            "privacy_url",
            "accept",
            "max_size_mb",
            "max_files",
        )
    }
    raw["required"] = data.get("required") in ("on", "true", "1")
    raw["options"] = _lines(data.get("options"))
    if raw["type"] == "multiselect" and raw["default"]:
        raw["default"] = [v.strip() for v in raw["default"].split(",") if v.strip()]
    raw["show_if"] = _rule_input(data)
    return raw


def _rule_input(data, *, blanks: bool = False):
    """The "Show this field when" rows as a show_if rule (rows without a field are
    left out unless ``blanks``; "always" means no rule); checked on save."""
    mode = data.get("show_mode")
    rows = []
    for i in range(MAX_RULE_ROWS):
        name = str(data.get(f"rule_field_{i}") or "").strip()
        if name or (blanks and f"rule_field_{i}" in data):
            op = str(data.get(f"rule_op_{i}") or "equals")
            rows.append({"field": name, "op": op, "value": str(data.get(f"rule_value_{i}") or "")})
    return {mode: rows} if mode in ("all", "any") and rows else None


def _rule_rows(data, raw: dict, action: str) -> dict:
    """A field form with one condition row more ("add") or fewer ("remove-<i>")."""
    if data.get("show_mode") not in ("all", "any"):
        data = {**dict(data.items()), "show_mode": "all"}
    rule = _rule_input(data, blanks=True) or {"all": []}
    mode = next(iter(rule))
    rows = list(rule[mode])
    if action == "add":
        rows.append({"field": "", "op": "equals", "value": ""})
    elif action.startswith("remove-") and action[7:].isdigit() and int(action[7:]) < len(rows):
        rows.pop(int(action[7:]))
    return {**raw, "show_if": {mode: rows} if rows else None}


def _assignment(value: str):
    kind, _, ident = str(value or "").partition(":")
    return {"type": kind, "id": ident} if kind and ident else None


def _section_input(section: str, data) -> dict:
    """The posted section as a partial config."""
    if section == "details":
        return {
            "name": data.get("name"),
            "slug": data.get("slug"),
            "description": data.get("description"),
            "type": data.get("type"),
            "flow_id": data.get("flow_id"),
            "assignment": _assignment(data.get("assignment")),
            "autopilot": data.get("autopilot") == "on",
        }
    if section == "agent":
        return {
            "agent": {
                "instructions": data.get("instructions"),
                "autonomy_level": form_editor.autonomy_from_slider(data.get("autonomy_level")),
                "allowed_actions": data.getlist("allowed_actions"),
            }
        }
    if section == "auto":
        return {
            "auto": {
                key: data.get(key) == "on"
                for key in ("create_contact", "create_company", "log_activity", "double_opt_in")
            }
            | {
                "confirmation_template": data.get("confirmation_template"),
                "booking_url": data.get("booking_url"),
                "notify_handler_ids": data.getlist("notify_handler_ids"),
            }
        }
    if section == "security":
        return {
            "security": {
                "allowed_origins": _lines(data.get("allowed_origins")),
                **{
                    k: data.get(k)
                    for k in (
                        "honeypot_field",
                        "max_submissions_per_ip",
                        "max_submissions_per_email",
                        "duplicate_window_minutes",
                        "review_threshold",
                        "block_threshold",
                        "free_mail",
                        "challenge",
                    )
                },
                "blocked_words": _lines(data.get("blocked_words")),
            }
        }
    if section == "partials":
        return {"partials": partials_input(data)}
    if section == "steps":
        return _steps_input(data)
    return {
        "response": {
            "thank_you_message": data.get("thank_you_message"),
            "redirect_url": data.get("redirect_url"),
        }
    }


def _steps_input(data) -> dict:
    """Named steps (an emptied name removes its step) and each field's step choice."""
    steps, position = [], {}
    for i in range(MAX_STEP_ROWS):
        title = str(data.get(f"step_title_{i}") or "").strip()
        if title:
            position[str(i)] = len(steps)
            step = {"title": title, "fields": []}
            try:  # a step's rule set through the API rides along unchanged
                rule = json.loads(data.get(f"step_rule_{i}") or "null")
            except ValueError:
                rule = None
            if rule:
                step["show_if"] = rule
            steps.append(step)
    for key, value in data.multi_items():
        if key.startswith("step_of_") and value in position:
            steps[position[value]]["fields"].append(key[len("step_of_") :])
    return {"steps": steps, "layout": data.get("layout")}


def _steps_error(key: str) -> str:
    """A config error key as the steps section shows it: next to the step's name."""
    if key == "layout":
        return key
    found = re.match(r"steps\[(\d+)\]", key)
    return f"step_title_{found.group(1)}" if found else "_form"


def _settings_errors(errors: dict, sections) -> dict:
    """Errors by section: "security.allowed_origins[1]" -> {"security": {"allowed_origins": ...}};
    top-level keys belong to details."""
    out: dict = {}
    for key, message in errors.items():
        if "steps" in sections and key.startswith(("steps", "layout", "fields[")):
            out.setdefault("steps", {}).setdefault(_steps_error(key), message)
            continue
        head, dot, rest = key.partition(".")
        section, name = (head, rest) if dot and head in SECTIONS else ("details", key)
        if section not in sections:  # about a section not posted: say it on the first one
            section = sections[0]
        out.setdefault(section, {}).setdefault(name.split("[")[0], message)
    return out


async def _respond(
    request, principal, form_id: str, section: str, anchor: str, message: str, **extra
):
    failed = bool(extra.get("errors") or extra.get("settings_errors"))
    if not is_htmx(request) and not failed:
        return redirect(
            request, url_path(request, "forms_edit", form_id=form_id) + f"#{anchor}", message
        )
    form = extra.pop("form", None) or await forms.get_form(
        request.app.state.db, principal.workspace_id, form_id
    )
    ctx = await editor_context(request, principal, form, section=section, **extra)
    status = 422 if failed else 200
    return await render(request, "forms/edit.html", ctx, fragment="forms/_swap.html", status=status)


def _merged(current: dict, changes: dict) -> dict:
    """The form as posted, for re-rendering after a validation error (input kept)."""
    shown = dict(current)
    for key, value in changes.items():
        merge = key in SECTIONS and isinstance(value, dict)
        shown[key] = {**current[key], **value} if merge else value
    return shown


async def update_settings(request):
    """The editor's one Save: every settings section posted at once (each section's
    fieldset names itself in ``_section``, so a partial post changes only those)."""
    principal = await require_page(request, write=True)
    db, form_id = request.app.state.db, request.path_params["form_id"]
    data = await read_form(request)
    sections = [s for s in SECTIONS if s in data.getlist("_section")]
    if not sections:
        await forms.get_form(db, principal.workspace_id, form_id)  # another workspace's: 404
        raise ValidationError("Nothing to save: the form named no settings section.")
    changes: dict = {}
    for section in sections:
        changes.update(_section_input(section, data))
    try:
        await forms.update_form(db, principal.workspace_id, form_id, changes)
    except (ValidationError, Conflict) as exc:
        current = await forms.get_form(db, principal.workspace_id, form_id)
        return await _respond(
            request,
            principal,
            form_id,
            "settings",
            "editor-settings",
            "",
            form=_merged(current, changes),
            settings_errors=_settings_errors(exc.fields or {"name": exc.message}, sections),
        )
    return await _respond(
        request, principal, form_id, "settings", "editor-settings", "Saved.", saved=True
    )


async def _field_edit(request, principal, fn, *, editing=None, adding=False, values=None):
    """Run one field operation; on a validation error re-render the fields with it."""
    db, form_id = request.app.state.db, request.path_params["form_id"]
    try:
        await forms.update_form(db, principal.workspace_id, form_id, fn)
    except ValidationError as exc:
        form = await forms.get_form(db, principal.workspace_id, form_id)
        errors = {}
        if adding or editing:
            index = len(form["fields"]) if adding else form_editor.field_index(form, editing)
            errors = form_editor.field_errors(exc.fields, index)
        if (
            not errors
        ):  # not about the edited field (e.g. the last field of a live form): say it above the list
            errors = {"_form": "; ".join(exc.fields.values()) or exc.message}
        return await _respond(
            request,
            principal,
            form_id,
            "fields",
            "sec-fields",
            "",
            form=form,
            errors=errors,
            values=values or {},
            editing=editing,
            adding=adding,
        )
    return await _respond(request, principal, form_id, "fields", "sec-fields", "Fields updated.")


async def _rules_form(request, principal, data, raw: dict, *, editing=None):
    """The field form again with a condition row added or removed, nothing saved."""
    form = await forms.get_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    ctx = await editor_context(
        request,
        principal,
        form,
        section="fields",
        values=_rule_rows(data, raw, str(data.get("_rule"))),
        editing=editing,
        adding=editing is None,
    )
    return await render(request, "forms/edit.html", ctx, fragment="forms/_swap.html")


async def add_field(request):
    principal = await require_page(request, write=True)
    data = await read_form(request)
    raw = _field_input(data)
    if data.get("_rule"):
        return await _rules_form(request, principal, data, raw)
    return await _field_edit(
        request, principal, lambda c: form_editor.add_field(c, raw), adding=True, values=raw
    )


async def update_field(request):
    principal = await require_page(request, write=True)
    name = request.path_params["name"]
    data = await read_form(request)
    raw = _field_input(data)
    if data.get("_rule"):
        return await _rules_form(request, principal, data, raw, editing=name)
    return await _field_edit(
        request,
        principal,
        lambda c: form_editor.replace_field(c, name, raw),
        editing=name,
        values=raw,
    )


async def edit_field(request):
    """The edit form for one field (a fragment for HTMX, the editor page otherwise)."""
    principal = await require_page(request, write=True)
    form = await forms.get_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    name = request.path_params["name"]
    form_editor.field_index(form, name)
    ctx = await editor_context(request, principal, form, editing=name, section="fields")
    return await render(request, "forms/edit.html", ctx, fragment="forms/_fields.html")


async def delete_field(request):
    principal = await require_page(request, write=True)
    name = request.path_params["name"]
    return await _field_edit(request, principal, lambda c: form_editor.delete_field(c, name))


async def move_field(request):
    principal = await require_page(request, write=True)
    name, direction = (
        request.path_params["name"],
        str((await read_form(request)).get("direction") or ""),
    )
    return await _field_edit(
        request, principal, lambda c: form_editor.move_field(c, name, direction)
    )


async def reorder_fields(request):
    """Drag and drop: the whole new order at once."""
    principal = await require_page(request, write=True)
    names = [str(n) for n in (await read_form(request)).getlist("order")]
    return await _field_edit(request, principal, lambda c: form_editor.reorder_fields(c, names))


async def toggle_required(request):
    principal = await require_page(request, write=True)
    name = request.path_params["name"]
    return await _field_edit(request, principal, lambda c: form_editor.toggle_required(c, name))


routes = [
    Route("/forms/{form_id}", edit_form, methods=["GET"], name="forms_edit"),
    Route("/forms/{form_id}/fields", add_field, methods=["POST"], name="forms_field_add"),
    Route(
        "/forms/{form_id}/fields/order", reorder_fields, methods=["POST"], name="forms_fields_order"
    ),
    Route(
        "/forms/{form_id}/fields/{name}/edit", edit_field, methods=["GET"], name="forms_field_edit"
    ),
    Route(
        "/forms/{form_id}/fields/{name}", update_field, methods=["POST"], name="forms_field_update"
    ),
    Route(
        "/forms/{form_id}/fields/{name}/delete",
        delete_field,
        methods=["POST"],
        name="forms_field_delete",
    ),
    Route(
        "/forms/{form_id}/fields/{name}/move", move_field, methods=["POST"], name="forms_field_move"
    ),
    Route(
        "/forms/{form_id}/fields/{name}/required",
        toggle_required,
        methods=["POST"],
        name="forms_field_required",
    ),
    Route("/forms/{form_id}/settings", update_settings, methods=["POST"], name="forms_settings"),
]
