"""Template rules that keep every form working without JavaScript."""

import re

import pytest

from app.web.render import TEMPLATES_DIR

IMPORT = re.compile(r"{%-?\s*(from|import)\s[^%]*%}")


def test_every_macro_import_passes_the_context():
    """Macros read csrf_token from the page context; Jinja imports without it by
    default, which silently renders an empty token and every plain POST gets 403."""
    offenders = []
    for path in TEMPLATES_DIR.rglob("*"):
        if path.is_file():
            for match in IMPORT.finditer(path.read_text()):
                if "with context" not in match.group(0):
                    offenders.append(f"{path.relative_to(TEMPLATES_DIR)}: {match.group(0)}")
    assert offenders == []


async def test_every_form_on_the_main_pages_carries_the_session_csrf_token(user):
    from tests.helpers import soup

    pages = [
        "/",
        "/forms",
        "/forms/new",
        "/submissions",
        "/contacts",
        "/contacts/new",
        "/deals",
        "/deals/new",
        "/handlers",
        "/groups",
        "/work",
        "/drafts",
        "/live",
        "/settings/account",
        "/settings/workspace",
        "/settings/members",
        "/settings/api-keys",
    ]
    checked = 0
    for path in pages:
        r = await user.web.get(path)
        assert r.status_code == 200, path
        doc = soup(r)
        expected = doc.find("meta", attrs={"name": "csrf-token"})["content"]
        for form in doc.select("form[method=post], form[method=POST]"):
            token = form.select_one("input[name=csrf_token]")
            assert token is not None and token["value"] == expected, f"{path}: {form.get('action')}"
            checked += 1
    assert checked > len(pages)


async def test_timeline_links_the_objects_a_step_created(app, user):
    from tests.helpers import drain_jobs, soup

    draft = (
        await user.api.post("/api/forms/generate", json={"description": "demo request form"})
    ).json()["draft"]
    form = (await user.api.post("/api/forms", json={**draft, "status": "active"})).json()
    assert form["agent"]["autonomy_level"] == "draft"
    r = await user.api.post(
        f"/api/submissions/{form['id']}",
        json={
            "name": "Carla CFO",
            "email": "carla@bigcorp.com",
            "company": "BigCorp Inc.",
            "message": "demo please",
        },
    )
    sub_id = r.json()["submission_id"]
    await drain_jobs(app)
    page = soup(await user.web.get(f"/submissions/{sub_id}"))
    links = [a["href"] for a in page.select("#timeline a")] or [
        a["href"] for a in page.select(".timeline a")
    ]
    drafts = (await user.api.get("/api/drafts")).json()["data"]
    assert f"/drafts/{drafts[0]['id']}" in links
    assert "processed in" not in page.select_one("main").text.split("Timeline")[0]


def test_template_typos_are_errors_under_test_and_optional_context_is_not():
    import jinja2

    from app.web.render import ENV

    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("Hello {{ nmae }}").render(name="Ada")
    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("{% for d in dael %}{{ d }}{% endfor %}").render(deal=[1])
    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("{{ deal.nmae }}").render(deal={"name": "Big"})
    optional = "{% if notice %}{{ notice }}{% endif %}{% if editing == 'x' %}editing{% endif %}"
    assert ENV.from_string(optional).render() == ""
