"""POST /api/forms/generate with FORMAGENT_LLM=claude, served by the fake Messages API."""

from __future__ import annotations

import pytest

from tests.fake_anthropic import claude_settings
from tests.test_llm_claude import GOOD_FORM


@pytest.fixture
def settings(tmp_path, fake_anthropic):  # noqa: F811  - the app fixture builds the app from these
    return claude_settings(tmp_path, fake_anthropic)


async def test_generate_uses_claude_and_records_usage(user, app, fake_anthropic):
    fake_anthropic.script(("json", GOOD_FORM, {"input_tokens": 900, "output_tokens": 400}))
    r = await user.api.post(
        "/api/forms/generate", json={"description": "Demo form for enterprise clients"}
    )
    assert r.status_code == 200, r.text
    draft = r.json()["draft"]
    assert draft["name"] == "Enterprise Demo" and draft["flow_id"] == "sales_lead"
    assert app.state.llm.name == "claude"
    row = await app.state.db.fetchone(
        "SELECT * FROM llm_calls WHERE workspace_id = ?", (user.workspace_id,)
    )
    assert (row["status"], row["input_tokens"], row["output_tokens"]) == ("ok", 900, 400)
    # nothing is saved until the user saves
    assert await app.state.db.fetchval("SELECT COUNT(*) FROM forms") == 0
    await app.state.llm.aclose()


async def test_refine_round_trip(user, app, fake_anthropic):
    fake_anthropic.script(("json", GOOD_FORM), ("json", dict(GOOD_FORM, name="Enterprise Demo v2")))
    first = (await user.api.post("/api/forms/generate", json={"description": "Demo form"})).json()[
        "draft"
    ]
    r = await user.api.post(
        "/api/forms/generate", json={"description": "call it v2", "draft": first}
    )
    assert r.status_code == 200 and r.json()["draft"]["slug"] == "enterprise-demo-v2"
    assert '"Enterprise Demo"' in fake_anthropic.requests[1].last_user_text
    await app.state.llm.aclose()


async def test_unusable_answer_is_422_and_outage_is_503(user, app, fake_anthropic):
    fake_anthropic.script(("text", "I can't do that"), ("text", "still no"))
    r = await user.api.post("/api/forms/generate", json={"description": "Demo form"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "llm_invalid_output"
    assert "re-prompt" in r.json()["error"]["message"]
    fake_anthropic.script(("status", 529), ("status", 529), ("status", 503))
    r = await user.api.post("/api/forms/generate", json={"description": "Demo form"})
    assert r.status_code == 503 and r.json()["error"]["code"] == "llm_unavailable"
    assert fake_anthropic.calls == 5
    await app.state.llm.aclose()
