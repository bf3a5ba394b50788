"""Which variant a visitor sees (SPEC §9). Pure and deterministic: the same
experiment and visitor id give the same variant in every process, so neither a
cache nor a second server can split one visitor across variants."""

from __future__ import annotations

import hashlib
import json
import secrets


def bucket(experiment_id: str, visitor_id: str) -> float:
    """A point in [0, 1) from a hash of the experiment and the visitor."""
    digest = hashlib.sha256(f"{experiment_id}:{visitor_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def pick(experiment_id: str, variants: list[dict], visitor_id: str | None) -> dict:
    """The variant for this visitor, by weight (a visitor without an id gets a random one)."""
    total = sum(v["weight"] for v in variants)
    point = bucket(experiment_id, visitor_id or secrets.token_hex(8)) * total
    for v in variants:
        if point < v["weight"]:
            return v
        point -= v["weight"]
    return next(v for v in reversed(variants) if v["weight"] > 0)


def variant_fields_tx(conn, form_id: str, variant_id) -> list | None:
    """The fields a running experiment's variant shows (None when it changes none or
    is not running), so a submission is checked against what the visitor saw. One
    indexed lookup, only for submissions that name a variant."""
    if not isinstance(variant_id, str) or not variant_id:
        return None
    row = conn.execute(
        "SELECT variants FROM experiments WHERE form_id = ? AND status = 'active'", (form_id,)
    ).fetchone()
    for v in json.loads(row["variants"]) if row else ():
        if v["id"] == variant_id:
            return (v.get("overrides") or {}).get("fields")
    return None
