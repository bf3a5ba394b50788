"""Experiments CRUD (SPEC §9, §12): one form, weighted variants whose overrides are a
partial form config (validated like a form), one active experiment per form, a log."""

from __future__ import annotations

import math

from app.db import dumps, fetch_page, get_in_workspace, loads, new_id, now_iso, update_columns
from app.db.errors import IntegrityError
from app.errors import Conflict, ValidationError
from app.services.forms.config import validate_config
from app.services.forms.forms import config_of, row_to_form
from app.services.forms.public import forget
from app.services.forms.translations import follow_fields

METRICS = ("conversion_rate", "contacts", "deals", "revenue")
METRIC_LABELS = {
    "conversion_rate": "Conversion rate",
    "contacts": "New contacts",
    "deals": "Deals",
    "revenue": "Revenue",
}
STATUSES = ("draft", "active", "completed", "archived")
# draft → active → completed; anything but an active one may be archived
TRANSITIONS = {
    "draft": ("active", "archived"),
    "active": ("completed", "archived"),
    "completed": ("archived",),
    "archived": (),
}
# What a variant may change: what the visitor sees, never routing or security.
OVERRIDE_KEYS = ("name", "description", "fields", "response")
MAX_VARIANTS = 6
COLUMNS = (
    "name",
    "status",
    "metric",
    "min_sample_size",
    "variants",
    "winner_variant_id",
    "optimization_log",
    "promotion",
    "started_at",
    "ended_at",
    "updated_at",
)


def experiment_shape(row: dict) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "form_id": row["form_id"],
        "status": row["status"],
        "metric": row["metric"],
        "min_sample_size": row["min_sample_size"],
        "variants": loads(row["variants"]),
        "winner_variant_id": row["winner_variant_id"],
        "optimization_log": loads(row["optimization_log"]),
        "started_at": row["started_at"],
        "ended_at": row["ended_at"],
        "created_at": row["created_at"],
    }


def merged_config(form: dict, overrides: dict | None) -> dict:
    """The form's config with a variant's overrides on top (fields mapped to a
    field the variant drops lose their mapping, and their translations)."""
    config = {**config_of(form), **(overrides or {})}
    names = {f.get("name") for f in config.get("fields") or [] if isinstance(f, dict)}
    config["field_mapping"] = {
        k: v for k, v in (config.get("field_mapping") or {}).items() if k in names
    }
    return follow_fields(config)  # and translations of the fields it drops are left out


def clean_overrides(form: dict, overrides, key: str) -> dict | None:
    """A variant's overrides normalized, or ValidationError naming ``key``."""
    if overrides is None or overrides == {}:
        return None
    if not isinstance(overrides, dict):
        raise ValidationError(fields={key: "Overrides are a partial form config (an object)."})
    stray = sorted(set(overrides) - set(OVERRIDE_KEYS))
    if stray:
        raise ValidationError(
            fields={
                key: f"A variant may change {', '.join(OVERRIDE_KEYS)}; not {', '.join(stray)}."
            }
        )
    try:
        config = validate_config(merged_config(form, overrides))
    except ValidationError as exc:
        raise ValidationError(
            f"Variant overrides need fixing: {exc.message}",
            fields={f"{key}.{k}": v for k, v in (exc.fields or {}).items()},
        ) from None
    return {k: config[k] for k in overrides}


def _weight(value, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(fields={key: "Give the weight as a number, like 1 or 0.5."})
    if value < 0:
        raise ValidationError(fields={key: "A weight cannot be negative."})
    return value


def clean_variants(form: dict, variants, current: list | None = None) -> list[dict]:
    """2–6 variants {id, label, weight, overrides}; known ids are kept, new ones minted."""
    if not isinstance(variants, list) or not 2 <= len(variants) <= MAX_VARIANTS:
        raise ValidationError(
            fields={"variants": f"Give between 2 and {MAX_VARIANTS} variants (the control first)."}
        )
    known = {v["id"] for v in current or []}
    out = []
    for i, raw in enumerate(variants):
        key = f"variants[{i}]"
        if not isinstance(raw, dict):
            raise ValidationError(
                fields={key: "Each variant is an object {label, weight, overrides}."}
            )
        vid = raw.get("id")
        label = raw.get("label") if isinstance(raw.get("label"), str) else ""
        label = " ".join(label.split())[:80] or ("Control" if i == 0 else f"Variant {chr(65 + i)}")
        out.append(
            {
                "id": vid if vid in known else new_id("var"),
                "label": label,
                "weight": _weight(raw.get("weight", 1), f"{key}.weight"),
                "overrides": clean_overrides(form, raw.get("overrides"), f"{key}.overrides"),
            }
        )
    if not any(v["weight"] > 0 for v in out):
        raise ValidationError(fields={"variants": "At least one variant needs a weight above 0."})
    return out


def _clean(form: dict, data: dict, current: dict | None) -> dict:
    values = {}
    if "name" in data:
        name = " ".join(str(data["name"] or "").split())[:120]
        if not name:
            raise ValidationError(fields={"name": "Give the experiment a name."})
        values["name"] = name
    if "metric" in data:
        if data["metric"] not in METRICS:
            raise ValidationError(fields={"metric": f"Use one of: {', '.join(METRICS)}."})
        values["metric"] = data["metric"]
    if "min_sample_size" in data:
        n = data["min_sample_size"]
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 1_000_000:
            raise ValidationError(fields={"min_sample_size": "Use a whole number from 1 up."})
        values["min_sample_size"] = n
    if "variants" in data:
        values["variants"] = clean_variants(
            form, data["variants"], current["variants"] if current else None
        )
    if "status" in data:
        status = data["status"]
        if status not in STATUSES:
            raise ValidationError(fields={"status": f"Use one of: {', '.join(STATUSES)}."})
        before = current["status"] if current else "draft"
        if status != before and status not in TRANSITIONS[before]:
            raise ValidationError(
                fields={"status": f"A {before} experiment cannot become {status}."}
            )
        values["status"] = status
    return values


def log_entry(kind: str, message: str, **details) -> dict:
    return {"at": now_iso(), "kind": kind, "message": message, **details}


def _form(conn, workspace_id: str, form_id) -> dict:
    return row_to_form(
        get_in_workspace(conn, "forms", form_id, workspace_id, missing="Form not found.")
    )


def _row(conn, workspace_id: str, experiment_id) -> dict:
    return get_in_workspace(
        conn, "experiments", experiment_id, workspace_id, missing="Experiment not found."
    )


def get_experiment_tx(conn, workspace_id: str, experiment_id) -> dict:
    return experiment_shape(_row(conn, workspace_id, experiment_id))


def _write(conn, workspace_id: str, experiment_id: str, stored: dict) -> None:
    try:
        update_columns(conn, "experiments", experiment_id, workspace_id, stored, allowed=COLUMNS)
    except IntegrityError:
        raise Conflict("This form already has an active experiment; stop it first.") from None


def _status_stamps(values: dict, before: str, log: list) -> dict:
    status, now = values.get("status", before), now_iso()
    if status == before:
        return {}
    if status == "active":
        log.append(log_entry("started", "Experiment started."))
        return {"started_at": now}
    log.append(log_entry(status, f"Experiment {status}."))
    return {"ended_at": now} if before == "active" else {}


def _check_active(conn, form_id: str, experiment_id: str | None) -> None:
    other = conn.execute(
        "SELECT id FROM experiments WHERE form_id = ? AND status = 'active' AND id IS NOT ?",
        (form_id, experiment_id),
    ).fetchone()
    if other:
        raise Conflict(
            "This form already has an active experiment; stop it first.",
            code="experiment_active",
        )


def create_experiment_tx(conn, workspace_id: str, data: dict) -> dict:
    form = _form(conn, workspace_id, data.get("form_id"))
    data = {"name": f"{form['name']} experiment", **data}
    values = _clean(form, data, None)
    if "variants" not in values:
        raise ValidationError(fields={"variants": "Give at least a control and a challenger."})
    log: list = [log_entry("created", "Experiment created.")]
    stamps = _status_stamps(values, "draft", log)
    if values.get("status") == "active":
        _check_active(conn, form["id"], None)
    experiment_id, now = new_id("exp"), now_iso()
    row = {
        "id": experiment_id,
        "workspace_id": workspace_id,
        "form_id": form["id"],
        "name": values["name"],
        "status": values.get("status", "draft"),
        "metric": values.get("metric", "conversion_rate"),
        "min_sample_size": values.get("min_sample_size", 30),
        "variants": dumps(values["variants"]),
        "optimization_log": dumps(log),
        "created_at": now,
        "updated_at": now,
        **stamps,
    }
    conn.execute(
        f"INSERT INTO experiments ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",  # noqa: S608 - keys from code
        tuple(row.values()),
    )
    return get_experiment_tx(conn, workspace_id, experiment_id)


def update_experiment_tx(conn, workspace_id: str, experiment_id, data: dict) -> dict:
    current = get_experiment_tx(conn, workspace_id, experiment_id)
    form = _form(conn, workspace_id, current["form_id"])
    values = _clean(form, data, current)
    if values.get("status") == "active" and current["status"] != "active":
        _check_active(conn, form["id"], current["id"])
    log = list(current["optimization_log"])
    stamps = _status_stamps(values, current["status"], log)
    if "variants" in values and values["variants"] != current["variants"]:
        log.append(log_entry("variants", "Variants changed."))
        values["variants"] = dumps(values["variants"])
    else:
        values.pop("variants", None)
    stored = {**values, **stamps, "optimization_log": dumps(log), "updated_at": now_iso()}
    _write(conn, workspace_id, current["id"], stored)
    return get_experiment_tx(conn, workspace_id, current["id"])


def delete_experiment_tx(conn, workspace_id: str, experiment_id) -> str:
    current = _row(conn, workspace_id, experiment_id)
    conn.execute("DELETE FROM experiments WHERE id = ?", (current["id"],))
    return current["form_id"]


def append_log_tx(conn, workspace_id: str, experiment_id: str, entry: dict, **columns) -> None:
    row = _row(conn, workspace_id, experiment_id)
    log = loads(row["optimization_log"]) + [entry]
    stored = {**columns, "optimization_log": dumps(log), "updated_at": now_iso()}
    _write(conn, workspace_id, experiment_id, stored)


def active_for_form_tx(conn, workspace_id: str, form_id: str) -> dict | None:
    row = conn.execute(
        "SELECT * FROM experiments WHERE workspace_id = ? AND form_id = ? AND status = 'active'",
        (workspace_id, form_id),
    ).fetchone()
    return experiment_shape(row) if row else None


# -- the service ---------------------------------------------------------------------
async def get_experiment(db, workspace_id: str, experiment_id) -> dict:
    return await db.read(get_experiment_tx, workspace_id, experiment_id)


# Each change drops this process's cached schema at once (others see it within a second).
async def create_experiment(db, workspace_id: str, data: dict) -> dict:
    experiment = await db.write(create_experiment_tx, workspace_id, data)
    forget(experiment["form_id"])
    return experiment


async def update_experiment(db, workspace_id: str, experiment_id, data: dict) -> dict:
    experiment = await db.write(update_experiment_tx, workspace_id, experiment_id, data)
    forget(experiment["form_id"])
    return experiment


async def delete_experiment(db, workspace_id: str, experiment_id) -> None:
    form_id = await db.write(delete_experiment_tx, workspace_id, experiment_id)
    forget(form_id)


async def active_for_form(db, workspace_id: str, form_id: str) -> dict | None:
    return await db.read(active_for_form_tx, workspace_id, form_id)


async def list_experiments(
    db,
    workspace_id: str,
    *,
    status: str | None = None,
    form_id: str | None = None,
    limit: int = 50,
    cursor=None,
) -> tuple[list[dict], str | None]:
    """Newest first; filter by ``status`` and ``form_id``."""
    where, params = ["workspace_id = ?"], [workspace_id]
    if status:
        if status not in STATUSES:
            raise ValidationError(fields={"status": f"Use one of: {', '.join(STATUSES)}."})
        where.append("status = ?")
        params.append(status)
    if form_id:
        where.append("form_id = ?")
        params.append(form_id)

    def fn(conn):
        rows, next_cursor = fetch_page(
            conn, "SELECT * FROM experiments", where, params, cursor=cursor, limit=limit
        )
        return [experiment_shape(r) for r in rows], next_cursor

    return await db.read(fn)
