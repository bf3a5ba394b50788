"""A vague refinement on "Describe a form" answers one short sentence and three
clickable example instructions that apply as they are (issue 14 item 15)."""

from __future__ import annotations

import json

from tests.helpers import soup


async def _draft(user) -> str:
    r = await user.post_form(
        "/forms/new",
        {"description": "A demo request form for an AI consulting firm"},
        page="/forms/new",
    )
    assert r.status_code == 200
    return soup(r).select_one("#draft input[name=draft]")["value"]


async def test_vague_refinement_offers_three_examples_that_each_apply(user):
    draft = await _draft(user)
    turn = {"draft": draft, "description": "demo"}
    r = await user.post_form(
        "/forms/new",
        {**turn, "instruction": "make it friendlier and shorter"},
        page="/forms/new",
    )
    assert r.status_code == 422
    help_box = soup(r).select_one("#draft .refine-help")
    sentence = help_box.select_one("p").get_text(strip=True)
    assert "friendlier" in sentence and len(sentence) < 160 and "I understand" not in r.text
    buttons = help_box.select("button[type=submit][name=example]")
    assert len(buttons) == 3 and all(b.find_parent("form") for b in buttons)
    for button in buttons:  # no JS: the clicked button's value is the instruction
        applied = await user.post_form(
            "/forms/new",
            {**turn, "instruction": "make it friendlier", "example": button["value"]},
            page="/forms/new",
            htmx=True,
        )
        assert applied.status_code == 200, (button["value"], applied.text[:300])
        page = soup(applied)
        assert [li.get_text() for li in page.select(".draft-history li")] == [button["value"]]
        assert json.loads(page.select_one("#draft input[name=draft]")["value"]) != json.loads(draft)
