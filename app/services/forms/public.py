"""The per-page-view paths of customer sites: the public schema, CORS, beacons.

These run on every view of every embedded form (SPEC §14: schema p99 < 10 ms,
≥ 0.5 × a bare endpoint), so the rendered schema is cached in-process keyed by
(form id, updated_at). A cached entry is served for at most RECHECK_SECONDS
before the form's ``updated_at`` and status are read again (one primary-key
lookup), so an edit or pause made through another server process shows within
a second; edits made through this process drop the entry at once
(``forget``). The submission endpoint checks the status itself on every POST,
so a paused form never accepts data, even inside that second.

One recheck per form at a time: while it is in flight, the other requests for
that form are served the entry of a moment ago instead of each queueing its own
read. Without this, every second all requests arriving during the recheck (at
10 000 a second, hundreds) queued reads behind one another, and the schema's p99
was that queue (SPEC §14 wants it under 10 ms).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import time

from app.errors import Forbidden, NotFound
from app.services.capture import pow as pow_challenge
from app.services.experiments.assign import pick
from app.services.forms.file_fields import FILE_KEYS
from app.services.forms.forms import row_to_form
from app.services.forms.localize import negotiate, pick_locale, translate_schema
from app.services.forms.theme import theme_css
from app.services.forms.translations import BASE_LOCALE

PUBLIC_FIELD_KEYS = (
    "name",
    "type",
    "label",
    "placeholder",
    "help",
    "required",
    "options",
    "min",
    "max",
    "max_length",
    "default",
    "privacy_url",
)
_CACHE: dict[str, dict] = {}
_CACHE_MAX = 5000
RECHECK_SECONDS = 1.0
_RECHECKS: dict[str, asyncio.Future] = {}

# The active experiment's id and stamp ride along, so starting, stopping or
# re-weighting one shows within RECHECK_SECONDS in every process.
_STATE_SQL = (
    "SELECT f.updated_at, f.status, w.status AS ws_status,"
    " (SELECT e.id || ' ' || e.updated_at FROM experiments e"
    "  WHERE e.form_id = f.id AND e.status = 'active') AS exp_stamp"
    " FROM forms f JOIN workspaces w ON w.id = f.workspace_id WHERE f.id = ?"
)


def _extra_keys(field: dict) -> tuple:
    return FILE_KEYS if field["type"] == "file" else ()  # SPEC §17: accept, sizes, count


def _public_field(field: dict) -> dict:
    out = {k: field.get(k) for k in PUBLIC_FIELD_KEYS + _extra_keys(field)}
    if field.get("show_if"):  # only where set: most fields have none, and bytes count
        out["show_if"] = field["show_if"]
    return out


def schema_of(form: dict, experiment_id=None, variant_id=None) -> dict:
    """What a visitor's browser needs to render the form, nothing internal (in the
    form's base language: ``localized`` gives it in another)."""
    theme = form.get("theme") or {}
    return {
        "id": form["id"],
        "name": form["name"],
        "locale": BASE_LOCALE,
        "fields": [_public_field(field) for field in form["fields"]],
        "steps": form.get("steps") or [],
        "layout": form.get("layout") or "standard",
        "honeypot_field": form["security"].get("honeypot_field", "_hp"),
        "submit_label": theme.get("button_label") or "Submit",
        "theme": theme,
        "theme_css": theme_css(theme, f'[data-formagent="{form["id"]}"]'),
        "response": {
            "thank_you_message": form["response"].get("thank_you_message", ""),
            "redirect_url": form["response"].get("redirect_url", ""),
        },
        "partials": bool((form.get("partials") or {}).get("enabled")),  # embed.js saves as typed
        "experiment_id": experiment_id,
        "variant_id": variant_id,
    }


def _rendered(schema: dict) -> dict:
    body = json.dumps(schema, separators=(",", ":"), ensure_ascii=False).encode()
    return {
        "schema": schema,
        "body": body,
        "etag": '"' + hashlib.sha256(body).hexdigest()[:20] + '"',
    }


def _variants(form: dict, experiment: dict | None) -> dict:
    """Each variant's rendered schema (overrides applied), keyed by variant id."""
    if experiment is None:
        return {}
    return {
        v["id"]: {
            **_rendered(schema_of({**form, **(v["overrides"] or {})}, experiment["id"], v["id"])),
            "variant": v,
        }
        for v in experiment["variants"]
    }


def _entry(form: dict, experiment: dict | None = None, exp_stamp=None) -> dict:
    return {
        "updated_at": form["updated_at"],
        "exp_stamp": exp_stamp,
        "form": form,
        **_rendered(schema_of(form)),
        "experiment": experiment,
        "variants": _variants(form, experiment),
        "workspace_id": form["workspace_id"],
        "allowed_origins": tuple(form["security"].get("allowed_origins") or ()),
    }


def _fetch(conn, form_id: str, cached: dict | None) -> dict | None:
    state = conn.execute(_STATE_SQL, (form_id,)).fetchone()
    if state is None or state["status"] != "active" or state["ws_status"] != "active":
        return None
    if (
        cached is not None
        and cached["updated_at"] == state["updated_at"]
        and cached["exp_stamp"] == state["exp_stamp"]
    ):
        return cached
    row = conn.execute("SELECT * FROM forms WHERE id = ?", (form_id,)).fetchone()
    if row is None:
        return None
    experiment = None
    if state["exp_stamp"]:
        exp = conn.execute(
            "SELECT id, variants FROM experiments WHERE id = ?", (state["exp_stamp"].split()[0],)
        ).fetchone()
        experiment = {"id": exp["id"], "variants": json.loads(exp["variants"])} if exp else None
    return _entry(row_to_form(row), experiment, state["exp_stamp"])


def localized(entry: dict, view: dict, lang) -> dict:
    """``view`` (the entry or one variant: {"schema", "body", "etag"}) in the form's
    locale nearest to ``lang`` (a tag, or a list of them best first), rendered once per
    locale and kept with the view, so the cache stays right per locale and drops with
    the form's entry on every change."""
    translations = entry["form"].get("translations") or {}
    if not lang or not translations:
        return view
    if isinstance(lang, str):
        locale = pick_locale(lang, tuple(translations))
    else:
        locale = negotiate([t for t in lang if isinstance(t, str)][:20], translations)
    if locale not in translations:
        return view
    views = view.setdefault("locales", {})
    if locale not in views:
        views[locale] = _rendered(translate_schema(view["schema"], translations, locale))
    return views[locale]


def served(entry: dict, variant_id: str | None, visitor_id: str | None) -> dict:
    """What one visitor gets: the variant their browser kept (while it is still in
    the experiment), else one picked by weight from their visitor id; the plain
    form when no experiment runs. {"schema", "body", "etag"}."""
    variants = entry["variants"]
    if not variants:
        return entry
    kept = variants.get(variant_id) if variant_id else None
    if kept is not None and kept["variant"]["weight"] > 0:
        return kept
    experiment = entry["experiment"]
    chosen = pick(experiment["id"], experiment["variants"], visitor_id)
    return variants[chosen["id"]]


async def public_entry(db, form_id: str) -> dict:
    """The cached public view of an active form: schema, body bytes, etag, CORS list.
    NotFound for unknown, draft, paused and archived forms (and archived workspaces)."""
    cached = _CACHE.get(form_id)
    now = time.monotonic()
    if cached is not None and now - cached["checked"] < RECHECK_SECONDS:
        return cached
    recheck = _RECHECKS.get(form_id)
    if recheck is None or recheck.get_loop() is not asyncio.get_running_loop():
        recheck = _RECHECKS[form_id] = asyncio.ensure_future(_recheck(db, form_id, cached, now))
        recheck.add_done_callback(_recheck_done(form_id))
    elif cached is not None:
        return cached  # being read again right now: a moment old, and no queue of reads
    entry = await asyncio.shield(recheck)  # a caller that goes away leaves it for the rest
    if entry is None:
        raise NotFound("This form is not available.")
    return entry


def _recheck_done(form_id: str):
    def done(task: asyncio.Future) -> None:
        if _RECHECKS.get(form_id) is task:
            del _RECHECKS[form_id]
        if not task.cancelled():
            task.exception()  # seen here, so a failure no caller awaited is not logged twice

    return done


async def _recheck(db, form_id: str, cached: dict | None, now: float) -> dict | None:
    entry = await db.read(_fetch, form_id, cached)
    if entry is None:
        _CACHE.pop(form_id, None)
        return None
    entry["checked"] = now
    if _RECHECKS.get(form_id) is not asyncio.current_task():
        return entry  # the form changed here meanwhile (``forget``): its next read is cached
    if entry is not cached:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()  # crude but bounded; refills at one query per form
        _CACHE[form_id] = entry
    return entry


def with_challenge(entry: dict, view: dict) -> bytes | None:
    """The schema body with a fresh proof-of-work challenge added after the cached part,
    or None when the form's challenge is off now (then the cached body and ETag serve)."""
    form = entry["form"]
    if not pow_challenge.challenge_on(form["id"], form["security"].get("challenge", "off")):
        return None
    return view["body"][:-1] + b',"challenge":' + pow_challenge.challenge_json(form["id"]) + b"}"


async def hosted_challenge(db, form_id: str) -> dict | None:
    """A fresh challenge for the hosted page while the form's challenge is on, else None."""
    try:
        form = (await public_entry(db, form_id))["form"]
    except NotFound:
        return None
    if not pow_challenge.challenge_on(form_id, form["security"].get("challenge", "off")):
        return None
    return pow_challenge.new_challenge(form_id)


def forget(form_id: str) -> None:
    """Drop a form's cached schema (called after every change made in this process)."""
    _CACHE.pop(form_id, None)
    _RECHECKS.pop(form_id, None)  # a read begun before the change must not answer after it


def cors_headers(allowed_origins, origin: str | None, own_origin: str) -> dict:
    """CORS response headers for a public call, or Forbidden for a refused origin.

    Empty list: any origin (``*``). Otherwise the caller's origin is echoed when
    listed; our own origin (hosted page, dashboard preview) is always allowed."""
    if not allowed_origins:
        return {"Access-Control-Allow-Origin": "*"}
    if origin is None:
        return {"Vary": "Origin"}  # not a browser cross-origin call (curl, server-side)
    origin = origin.lower().rstrip("/")
    if origin in allowed_origins or origin == own_origin.lower():
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
    raise Forbidden(
        "This form does not accept requests from this website.", code="origin_not_allowed"
    )


async def hosted_form(
    db, form_id: str, variant_id=None, visitor_id=None, languages=()
) -> tuple[dict | None, str, tuple]:
    """(schema, state, allowed origins) for the hosted page: state is "active", "gone"
    (paused, archived: 410) or "unknown" (no such form, or a draft never published: 404);
    the origins decide which sites may frame the page. While an experiment runs, the
    schema is the visitor's variant (as for the schema endpoint); ``languages`` (best
    first) pick its translation."""
    try:
        entry = await public_entry(db, form_id)
        schema = localized(entry, served(entry, variant_id, visitor_id), list(languages))["schema"]
        return schema, "active", entry["allowed_origins"]
    except NotFound:
        status = await db.fetchval("SELECT status FROM forms WHERE id = ?", (form_id,))
        return None, "unknown" if status in (None, "draft") else "gone", ()


# -- the embed script ----------------------------------------------------------
_SCRIPT: dict = {}


def embed_script() -> dict:
    """embed.js with the form CSS inlined (one source for the hosted page and the
    embed): {"body", "gzip", "version", "etag"}; built once per process."""
    if not _SCRIPT:
        import gzip
        from pathlib import Path

        static = Path(__file__).resolve().parents[2] / "static"
        css = re.sub(
            r"\s+",
            " ",
            re.sub(r"/\*.*?\*/", "", (static / "css" / "form.css").read_text(), flags=re.S),
        )
        css = re.sub(r"\s*([{}:;,>])\s*", r"\1", css).strip()
        # the logic script's URL carries its own hash, so a change to it reaches browsers
        logic = hashlib.sha256((static / "embed-logic.js").read_bytes()).hexdigest()[:12]
        source = (
            (static / "embed.js")
            .read_text()
            .replace("__FA_CSS__", json.dumps(css)[1:-1])
            .replace("__FA_LOGIC__", f"/static/embed-logic.js?v={logic}")
        )
        body = source.encode()
        version = hashlib.sha256(body).hexdigest()[:12]
        _SCRIPT.update(
            body=body, gzip=gzip.compress(body, 9, mtime=0), version=version, etag=f'"{version}"'
        )
    return _SCRIPT


def embed_info(base_url: str, form_id: str) -> dict:
    """The two-line snippet, the hosted page URL and the versioned script URL."""
    script_url = f"{base_url}/embed.js?v={embed_script()['version']}"
    snippet = f'<div data-formagent="{form_id}"></div>\n<script src="{script_url}" async></script>'
    return {"snippet": snippet, "hosted_url": f"{base_url}/f/{form_id}", "script_url": script_url}
