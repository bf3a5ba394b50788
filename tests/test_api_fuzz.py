"""Property-based fuzz of the JSON API (SPEC §13: no input reaches a 500).

For every operation whose OpenAPI entry takes a JSON body, Hypothesis builds
bodies from that request schema — values of the declared shape mixed with values
of any other JSON type (objects where ids go, 400-digit numbers, lists for
strings) — and sends them to a real app with a real database, with the path ids of
objects that exist. Every answer must be below 500 and one the operation
documents. Bounded so it runs in `make test`: FUZZ_EXAMPLES examples per route
(default 6); `make fuzz` runs schemathesis for the long version."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.main import create_app
from app.web.openapi import build_openapi
from tests.conftest import make_settings
from tests.helpers import User
from tests.helpers_isolation import seed_victim, substitute

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))

LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=10**15, max_value=10**400),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["", " ", "\x00", "\u202e", "a" * 300, "2026-13-45", "nan", "form_x"]),
)
ANY_JSON = st.recursive(
    LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def shaped(schema: dict):
    """A value of the schema's declared shape (roughly: bounds and formats included)."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([shaped(option) for option in schema["anyOf"]])
    kinds = schema.get("type") or ["object"]
    kinds = [kinds] if isinstance(kinds, str) else kinds
    return st.one_of([_shaped_kind(schema, kind) for kind in kinds])


def _shaped_kind(schema: dict, kind: str):
    if kind == "string":
        if schema.get("format") == "date-time":
            return st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9998, 1, 1)).map(
                lambda d: d.replace(tzinfo=UTC).isoformat()
            )
        if schema.get("format") == "date":
            return st.dates().map(lambda d: d.isoformat())
        if schema.get("format") == "email":
            return st.emails()
        return st.text(min_size=schema.get("minLength", 0), max_size=schema.get("maxLength", 40))
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "number":
        return st.floats(schema.get("minimum"), schema.get("maximum"), allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(field(schema.get("items", {})), max_size=3)
    return body(schema)


def field(schema: dict):
    """Mostly the declared shape, sometimes any JSON at all."""
    return st.one_of(shaped(schema), shaped(schema), ANY_JSON)


def body(schema: dict):
    props = schema.get("properties") or {}
    required = {k: field(props.get(k, {})) for k in schema.get("required", [])}
    optional = {k: field(s) for k, s in props.items() if k not in required}
    return st.fixed_dictionaries(required, optional=optional) | st.dictionaries(
        st.sampled_from(sorted(props) or ["x"]) | st.text(max_size=6), ANY_JSON, max_size=4
    )


def json_operations():
    """(method, path, request schema, documented statuses) of every operation with a JSON body."""
    spec = build_openapi(create_app(make_settings(Path(tempfile.mkdtemp(prefix="fuzz-spec-")))))
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            content = (op.get("requestBody") or {}).get("content", {})
            if "application/json" in content:
                codes = {int(c) for c in op["responses"] if c != "default"}
                yield pytest.param(
                    method.upper(),
                    path,
                    content["application/json"]["schema"],
                    codes,
                    id=f"{method.upper()} {path}",
                )


OPERATIONS = list(json_operations())


@pytest.fixture
async def world(app):
    user = await User.signup(app, "fuzz@example.com", name="Fuzz", workspace="Fuzz Co")
    ids = await seed_victim(app, user)
    await user.api.post(
        "/api/api-keys",
        json={
            "name": "k",
            "scopes": ["forms:read"],
            "expires_at": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
        },
    )
    yield user, ids
    await user.close()


@pytest.mark.parametrize("method,path,schema,documented", OPERATIONS)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
async def test_no_body_reaches_a_500(world, method, path, schema, documented, data):
    user, ids = world
    concrete, why = substitute(path, ids)
    assert concrete, why
    sent = data.draw(body(schema), label="body")
    r = await user.api.request(method, concrete, json=sent)
    assert r.status_code < 500, f"{method} {concrete} {sent!r}: {r.status_code} {r.text[:300]}"
    assert r.status_code in documented, (
        f"{method} {path} answered {r.status_code}, which its OpenAPI entry does not list "
        f"({sorted(documented)}): {r.text[:200]}"
    )
