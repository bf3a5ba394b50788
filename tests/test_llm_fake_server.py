"""The reusable fake Messages API (tests/fake_anthropic.py) behaves like the real one where tests rely on it."""

from __future__ import annotations

import httpx
import pytest

from app.services.llm import LLMUnavailable, make_engine
from tests.fake_anthropic import claude_settings
from tests.test_llm_claude import GOOD_FORM


async def test_callable_items_see_the_request_and_exhaustion_fails_loudly(tmp_path, fake_anthropic):
    seen = []

    def decide(request):
        seen.append(request.forced_tool)
        return ("json", GOOD_FORM)

    fake_anthropic.script(decide)
    engine = make_engine(claude_settings(tmp_path, fake_anthropic))
    assert (await engine.generate_form("demo"))["name"] == "Enterprise Demo"
    assert seen == ["submit_form_config"]
    with pytest.raises(LLMUnavailable) as caught:
        await engine.generate_form("demo")
    await engine.aclose()
    assert "script exhausted" in caught.value.message and fake_anthropic.calls == 4


async def test_error_bodies_follow_the_api_shape(fake_anthropic):
    fake_anthropic.script(("status", 429, {"retry-after": "7"}, "too many"))
    async with httpx.AsyncClient(base_url=fake_anthropic.url) as client:
        r = await client.post("/v1/messages", json={"model": "m", "messages": []})
        assert r.status_code == 429 and r.headers["retry-after"] == "7"
        assert r.json() == {
            "type": "error",
            "error": {"type": "rate_limit_error", "message": "too many"},
        }
        assert (await client.post("/v1/other", json={})).status_code == 404
    assert fake_anthropic.requests[0].body == {"model": "m", "messages": []}
