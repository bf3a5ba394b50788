"""The new workspace's onboarding checklist on the dashboard: describe → publish → embed →
first submission → invite; each step ticks itself from real data, links to where it is
done, and the checklist can be dismissed and hides when everything is done."""

from __future__ import annotations

from tests.factory import make_form, set_form, submitted
from tests.helpers import soup


async def _steps(user) -> dict:
    page = soup(await user.web.get("/"))
    card = page.select_one("#onboarding")
    if card is None:
        return {}
    return {
        li["data-step"]: ("is-done" in li["class"], li.select_one("a.btn"))
        for li in card.select("li")
    }


def _done(steps: dict) -> list[str]:
    return [k for k, (done, _) in steps.items() if done]


async def test_a_new_workspace_gets_the_checklist_with_links(user):
    steps = await _steps(user)
    assert list(steps) == ["describe", "publish", "embed", "submit", "invite"]
    assert _done(steps) == []
    assert steps["describe"][1]["href"] == "/forms/new"
    assert "btn-primary" in steps["describe"][1]["class"]  # the next step stands out
    assert steps["invite"][1]["href"] == "/settings/members"
    page = soup(await user.web.get("/"))
    assert page.select_one("#onboarding-progress").get_text() == "0 of 5 done"
    assert "Welcome to FormAgent" not in page.text  # the checklist replaces the welcome box


async def test_each_step_ticks_itself_from_real_data(app, user, client):
    form = await make_form(user, status="draft")
    steps = await _steps(user)
    assert _done(steps) == ["describe"]
    assert steps["publish"][1]["href"] == f"/forms/{form['id']}"
    await set_form(app, form["id"], status="active")
    steps = await _steps(user)
    assert _done(steps) == ["describe", "publish"]
    assert steps["embed"][1]["href"] == f"/forms/{form['id']}/embed"
    assert steps["submit"][1]["href"] == f"/f/{form['id']}"
    # a submission from our own hosted page is a submission, not an embed
    await submitted(client, form["id"], {"email": "a@x.test", "page_url": "http://testserver/f/x"})
    assert _done(await _steps(user)) == ["describe", "publish", "submit"]
    # one from a customer's page means the form is embedded there
    await submitted(
        client, form["id"], {"email": "b@x.test", "page_url": "https://www.customer.test/pricing"}
    )
    assert _done(await _steps(user)) == ["describe", "publish", "embed", "submit"]
    r = await user.post_form("/settings/members/invite", {"email": "bo@x.test", "role": "member"})
    assert r.status_code in (200, 303)
    assert await _steps(user) == {}  # everything done: the checklist is gone
    assert "Get started" not in (await user.web.get("/")).text


async def test_copying_the_snippet_ticks_the_embed_step(app, user):
    form = await make_form(user)
    embed = soup(await user.web.get(f"/forms/{form['id']}/embed"))
    copy = embed.select_one("button[data-copy='#embed-snippet']")
    assert copy["hx-post"] == "/onboarding/embed-copied" and copy["hx-swap"] == "none"
    assert "embed" not in _done(await _steps(user))
    r = await user.post_form("/onboarding/embed-copied", htmx=True)
    assert r.status_code == 204
    assert "embed" in _done(await _steps(user))


async def test_dismiss_hides_it_for_the_workspace(app, user):
    page = soup(await user.web.get("/"))
    form = page.select_one("#onboarding form[action='/onboarding/dismiss']")
    assert form["method"] == "post" and form["hx-post"] == "/onboarding/dismiss"
    r = await user.post_form("/onboarding/dismiss", htmx=True)
    assert r.status_code == 200 and r.text == ""
    assert await _steps(user) == {}
    # without JavaScript: a redirect and a flash
    r = await user.post_form("/onboarding/dismiss")
    assert r.status_code == 303 and r.headers["location"] == "/"
    page = soup(await user.web.get("/"))
    assert not page.select("#onboarding") and "Welcome to FormAgent" in page.text


async def test_another_workspace_keeps_its_own_checklist(two_workspaces):
    alice, bob = two_workspaces
    await make_form(alice)
    await alice.post_form("/onboarding/dismiss")
    assert await _steps(alice) == {}
    assert _done(await _steps(bob)) == []
