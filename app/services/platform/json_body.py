"""Decoding a JSON request body, shared by the JSON API (app/web/api.py) and the
public capture intake: one set of rules for what a body may hold."""

from __future__ import annotations

import json
import math

from app.errors import BadRequest

MAX_JSON_DEPTH = 8


def _too_deep(value, limit: int) -> bool:
    """True when ``value`` nests more than ``limit`` levels (iterative: no recursion to exhaust)."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            if level > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return False


def _no_constants(name: str):
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses as inf
        raise ValueError(f"{text} is beyond the range of a finite number")
    return value


# Built once: json.loads with hooks builds a decoder (and its scanner) on every call.
_DECODER = json.JSONDecoder(parse_constant=_no_constants, parse_float=_finite_float)


def parse_json_bytes(raw: bytes):
    """Decode a JSON body: 400 for malformed, lone surrogates, NaN/Infinity or a
    float too large to be finite (they could be stored but never sent back), or
    nesting over 8 levels."""
    try:
        text = raw.decode("utf-8")
        value = _DECODER.decode(text)
        # A lone surrogate can only come from a backslash-u escape (the UTF-8 decode refuses the raw
        # bytes), so the re-encoding that finds one runs only when the text has an escape.
        if "\\u" in text:
            json.dumps(value, ensure_ascii=False).encode("utf-8")  # lone surrogates fail here
    except UnicodeError:
        raise BadRequest(
            "The body is not valid UTF-8 text (or holds a lone surrogate).", code="malformed_body"
        ) from None
    except RecursionError:  # nested so deep that the decoder gave up
        raise BadRequest(
            f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.", code="too_deep"
        ) from None
    except ValueError as exc:
        raise BadRequest(f"The body is not valid JSON: {exc}.", code="malformed_body") from None
    # Fewer brackets than the limit cannot nest past it: skip the walk.
    if text.count("{") + text.count("[") > MAX_JSON_DEPTH and _too_deep(value, MAX_JSON_DEPTH):
        raise BadRequest(
            f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.", code="too_deep"
        )
    return value
