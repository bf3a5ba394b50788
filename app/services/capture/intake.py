"""Turning a raw public submission into checked values (SPEC §5 steps 3-5a):
body parsing (JSON, urlencoded; multipart is parsed by the route), the key
limit, the honeypot, field validation, meta and interactions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from app.db import dumps
from app.errors import BadRequest, UnsupportedMediaType, ValidationError
from app.services.capture import spam_check
from app.services.crm import memory as contact_memory
from app.services.forms.localize import for_visitor
from app.services.forms.logic import visible_fields
from app.services.forms.messages import with_summary
from app.services.forms.values import clean_values
from app.services.platform.json_body import parse_json_bytes

MAX_KEYS = 200
META_KEYS = ("page_url", "referrer")
UTM_KEYS = contact_memory.UTM_KEYS


# -- parsing -----------------------------------------------------------------------
def parse_body(content_type: str, raw: bytes) -> dict:
    """JSON or urlencoded body as a dict (multipart is parsed by the route): 415 / 400."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype == "application/json":
        value = parse_json_bytes(raw)
        if not isinstance(value, dict):
            raise BadRequest(
                "The body must be a JSON object of field names to values.", code="malformed_body"
            )
    elif ctype == "application/x-www-form-urlencoded":
        value = parse_urlencoded(raw)
    else:
        raise UnsupportedMediaType(
            "Send the submission as application/json, application/x-www-form-urlencoded "
            "or multipart/form-data."
        )
    check_key_count(value)
    return value


def parse_urlencoded(raw: bytes) -> dict:
    try:
        pairs = parse_qsl(
            raw.decode("utf-8"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_KEYS * 5,
        )
    except (UnicodeError, ValueError):
        raise BadRequest("The form body is not valid UTF-8 text.", code="malformed_body") from None
    return pairs_to_dict(pairs)


def pairs_to_dict(pairs) -> dict:
    """Repeated keys become lists (multiselect); values must be encodable text."""
    out: dict = {}
    for key, value in pairs:
        if not isinstance(value, str):
            continue  # uploaded files are not accepted as values
        _check_text(key)
        _check_text(value)
        if key in out:
            out[key] = (out[key] if isinstance(out[key], list) else [out[key]]) + [value]
        else:
            out[key] = value
    return out


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeError:
        raise BadRequest(
            "The body contains text that is not valid Unicode.", code="malformed_body"
        ) from None


def check_key_count(body: dict) -> None:
    if len(body) > MAX_KEYS:
        raise BadRequest(
            f"The submission has {len(body)} keys; at most {MAX_KEYS} are accepted.",
            code="too_many_keys",
        )


# -- preparing --------------------------------------------------------------------------
@dataclass
class Prepared:
    form: dict
    data: dict
    meta: dict
    interactions: dict
    email: str | None
    ip: str | None
    experiment_id: str | None = None
    variant_id: str | None = None
    extra: dict = field(default_factory=dict)
    encoded: tuple[str, str, str] | None = None  # data, meta, interactions as JSON
    resume_token: str | None = None  # _resume_token: the partial this submission completes

    def as_json(self) -> tuple[str, str, str]:
        """(data, meta, interactions) as stored; encoded once, ahead of the transaction
        when the pipeline's pre_check prepared this submission."""
        if self.encoded is None:
            self.encoded = (dumps(self.data), dumps(self.meta), dumps(self.interactions))
        return self.encoded


def _short(value, limit: int = 2000) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None


def _object(value) -> dict:
    if isinstance(value, str) and value.strip().startswith("{"):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):  # malformed, or nested past the decoder's limit
            return {}  # meta and interactions are optional: the submission stands without them
    return value if isinstance(value, dict) else {}


def build_meta(body: dict, data: dict, ip: str | None, user_agent: str | None) -> dict:
    # Written for the hot path (SPEC §14): one pass per key, no helper calls for
    # the keys a submission does not carry.
    raw = body.get("_meta")
    raw = _object(raw) if raw is not None else {}
    utm = {}
    for key in UTM_KEYS:
        value = raw.get(key) or body.get(key) or data.get(key)
        if value and isinstance(value, str):
            utm[key] = value[:500]
    meta = {
        "ip": ip,
        "user_agent": user_agent[:500] if user_agent and isinstance(user_agent, str) else None,
        "utm": utm,
    }
    for key in META_KEYS:
        meta[key] = _short(raw.get(key) or body.get(key))
    meta["experiment_id"] = _short(body.get("_experiment_id"), 64)
    meta["variant_id"] = _short(body.get("_variant_id"), 64)
    lang = body.get("_lang")
    if isinstance(lang, str) and lang:  # the language the visitor saw
        meta["locale"] = lang[:35]
    return meta


def build_interactions(body: dict, fields: list) -> dict:
    raw = body.get("_interactions")
    if raw is None:
        return {}
    raw, names, out = _object(raw), {f["name"] for f in fields}, {}
    for name, value in raw.items():
        if name in names and isinstance(value, dict):
            time_ms = value.get("time_ms")
            out[name] = {
                "focused": bool(value.get("focused")),
                "filled": bool(value.get("filled")),
                "time_ms": int(time_ms)
                if isinstance(time_ms, int | float) and 0 <= time_ms < 1e9
                else 0,
            }
    return out


def honeypot_filled(form: dict, body: dict) -> bool:
    value = body.get(form["security"]["honeypot_field"])
    return value not in (None, "", [], False)


def prepare(form: dict, body: dict, *, ip: str | None, user_agent: str | None) -> Prepared:
    """Validate the fields (422 with a message per field) and shape meta/interactions.
    Only the fields shown under these answers count: a hidden field's value is dropped.
    A translated form's answers are mapped to its canonical options first (SPEC §17)."""
    fields, body, locale = for_visitor(form, body)  # the visitor's language
    seen = form if fields is form["fields"] else {**form, "fields": fields}
    data, errors = clean_values(visible_fields(seen, body), body, locale)
    if errors:
        raise ValidationError(
            "Some fields need fixing: "
            + "; ".join(f"{k}: {v}" for k, v in list(errors.items())[:3]),
            fields=with_summary(errors, locale),
        )
    email = contact_memory.submitter_email(form, data)
    if refusal := spam_check.free_mail_refusal(form, email):
        raise refusal
    meta = build_meta(body, data, ip, user_agent)
    return Prepared(
        form,
        data,
        meta,
        build_interactions(body, form["fields"]),
        email,
        ip,
        meta["experiment_id"],
        meta["variant_id"],
        spam_check.inputs(body),
        resume_token=_short(body.get("_resume_token"), 100),
    )
