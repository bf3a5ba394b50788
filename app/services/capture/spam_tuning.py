"""Per-form tuning of the spam weights (SPEC §19): releasing a quarantined submission
lowers the weight of each signal that fired on it (× RELEASE_FACTOR), confirming it as
spam raises them (× CONFIRM_FACTOR), always within MIN_SCALE–MAX_SCALE of the default
weight. Every change is a row in spam_tuning_log, shown on the form's spam page."""

from __future__ import annotations

from app.db import new_id, now_iso
from app.services.capture.spam_signals import SIGNALS

RELEASE_FACTOR = 0.8
CONFIRM_FACTOR = 1.25
MIN_SCALE, MAX_SCALE = 0.5, 2.0
CAUSES = {"released": "released a quarantined submission", "confirmed": "confirmed it as spam"}


def bounded(signal: str, weight: float) -> float:
    default = SIGNALS[signal].weight
    return round(min(max(weight, default * MIN_SCALE), default * MAX_SCALE), 2)


def tune_tx(
    conn, workspace_id: str, form_id: str, signals, *, cause: str, submission_id: str, actor: str
) -> list[dict]:
    """Move the form's weight of each tunable signal; returns the changes made."""
    factor = RELEASE_FACTOR if cause == "released" else CONFIRM_FACTOR
    current = {
        r["signal"]: r["weight"]
        for r in conn.all("SELECT signal, weight FROM spam_weights WHERE form_id = ?", (form_id,))
    }
    now, changes = now_iso(), []
    for signal in signals:
        if signal not in SIGNALS or not SIGNALS[signal].tunable:
            continue
        old = current.get(signal, SIGNALS[signal].weight)
        new = bounded(signal, old * factor)
        if new == old:
            continue  # already at its bound: nothing changes, nothing to log
        conn.execute(
            "INSERT INTO spam_weights (form_id, signal, workspace_id, weight, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (form_id, signal)"
            " DO UPDATE SET weight = excluded.weight, updated_at = excluded.updated_at",
            (form_id, signal, workspace_id, new, now),
        )
        conn.execute(
            "INSERT INTO spam_tuning_log (id, workspace_id, form_id, submission_id, signal,"
            " old_weight, new_weight, cause, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_id("tune"),
                workspace_id,
                form_id,
                submission_id,
                signal,
                old,
                new,
                cause,
                actor,
                now,
            ),
        )
        changes.append({"signal": signal, "old_weight": old, "new_weight": new})
    return changes


def weights_tx(conn, workspace_id: str, form_id: str) -> list[dict]:
    """Every tunable signal with its default and this form's current weight."""
    tuned = {
        r["signal"]: r["weight"]
        for r in conn.all(
            "SELECT signal, weight FROM spam_weights WHERE workspace_id = ? AND form_id = ?",
            (workspace_id, form_id),
        )
    }
    return [
        {
            "signal": s.name,
            "label": s.label,
            "default": s.weight,
            "weight": tuned.get(s.name, s.weight),
            "per_unit": s.per_unit,
        }
        for s in SIGNALS.values()
        if s.tunable
    ]


def tuning_log_tx(conn, workspace_id: str, form_id: str, limit: int = 50) -> list[dict]:
    rows = conn.all(
        "SELECT * FROM spam_tuning_log WHERE workspace_id = ? AND form_id = ?"
        " ORDER BY created_at DESC, id DESC LIMIT ?",
        (workspace_id, form_id, limit),
    )
    for row in rows:
        row["label"] = SIGNALS[row["signal"]].label if row["signal"] in SIGNALS else row["signal"]
        row["cause_text"] = CAUSES.get(row["cause"], row["cause"])
    return rows
