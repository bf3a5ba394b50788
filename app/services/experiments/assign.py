"""Which variant a visitor sees (SPEC §9). Pure and deterministic: the same
experiment and visitor id give the same variant in every process, so neither a
cache nor a second server can split one visitor across variants."""

from __future__ import annotations

import hashlib
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
