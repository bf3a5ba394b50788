"""SPEC §17 "Look and embed modes": the theme's checks (the contrast refusal proposes a
colour that passes), the branded hosted page, the look and languages page (works without
JavaScript) and the embed page's snippets and platform steps."""

from __future__ import annotations

import pytest

from tests.factory import make_form
from tests.helpers import soup

THEME = {
    "primary_color": "#1d4ed8",
    "background": "#0f172a",
    "text_color": "#f8fafc",
    "font_family": "Georgia",
    "radius": 10,
    "button_label": "Get my quote",
    "logo_url": "https://cdn.acme.test/quote.svg",
}


async def test_a_theme_is_saved_and_carried_by_the_schema(user, client):
    form = await make_form(user, theme=THEME)
    assert form["theme"] == THEME
    schema = (await client.get(f"/api/forms/{form['id']}/schema")).json()
    assert schema["theme"] == THEME and schema["submit_label"] == "Get my quote"
    css = schema["theme_css"]
    scope = f'[data-formagent="{form["id"]}"]'
    assert css.startswith(scope + "{--fa-primary:#1d4ed8;--fa-surface:#0f172a;--fa-text:#f8fafc")
    assert f"{scope} .fa-submit{{background:var(--fa-primary)}}" in css
    assert "--fa-radius:10px" in css and "Georgia, serif" in css
    plain = (await client.get(f"/api/forms/{(await make_form(user))['id']}/schema")).json()
    assert plain["theme"] == {} and plain["theme_css"] == ""


@pytest.mark.parametrize(
    ("theme", "key", "expected"),
    [
        (
            {"text_color": "#9ca3af"},
            "theme.text_color",
            "Text #9ca3af on the background #ffffff has a contrast of 2.5:1; WCAG AA needs "
            "4.5:1. Use #6d7787 for the text: 4.5:1.",
        ),
        (
            {"background": "#111827"},
            "theme.text_color",
            "Use #",
        ),
        (
            {"primary_color": "#93c5fd"},
            "theme.primary_color",
            "The button's white text on #93c5fd has a contrast of 1.8:1; WCAG AA needs 4.5:1.",
        ),
        ({"primary_color": "blue"}, "theme.primary_color", "#1f2937"),
        ({"font_family": "x;}body{display:none"}, "theme.font_family", "font stack"),
        ({"font_family": "Arial</style>"}, "theme.font_family", "font stack"),
        ({"radius": 99}, "theme.radius", "from 0 to 24"),
        ({"logo_url": "http://cdn.acme.test/a.png"}, "theme.logo_url", "https://"),
        ({"logo_url": "javascript:alert(1)"}, "theme.logo_url", "https://"),
    ],
)
async def test_a_bad_theme_is_a_422_that_says_how_to_fix_it(user, theme, key, expected):
    r = await user.api.post("/api/forms", json={"name": "Quote", "theme": theme})
    assert r.status_code == 422, r.text
    assert expected in r.json()["error"]["fields"][key]


async def test_the_proposed_colour_passes(user):
    r = await user.api.post("/api/forms", json={"name": "Q", "theme": {"text_color": "#a3a3a3"}})
    message = r.json()["error"]["fields"]["theme.text_color"]
    proposal = message.split("Use ")[1].split(" ")[0]
    ok = await user.api.post("/api/forms", json={"name": "Q", "theme": {"text_color": proposal}})
    assert ok.status_code == 201, ok.text


async def test_the_hosted_page_is_branded_with_the_theme(user, client):
    form = await make_form(user, theme=THEME)
    r = await client.get(f"/f/{form['id']}")
    page = soup(r)
    sheet = next(
        link["href"] for link in page.select("link[rel=stylesheet]") if "theme.css" in link["href"]
    )
    css = await client.get(sheet)
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert ".fa-hosted{--fa-primary:#1d4ed8;--fa-surface:#0f172a;--fa-bg:#0f172a" in css.text
    assert page.select_one("img.fa-logo")["src"] == THEME["logo_url"]
    assert page.select_one("button.fa-submit").get_text() == "Get my quote"
    assert "style-src 'self'" in r.headers["content-security-policy"]  # a linked sheet, no inline
    plain = soup(await client.get(f"/f/{(await make_form(user))['id']}"))
    assert not [lk for lk in plain.select("link[rel=stylesheet]") if "theme.css" in lk["href"]]


async def test_the_look_page_saves_a_theme_and_refuses_poor_contrast(user):
    form = await make_form(user)
    page = f"/forms/{form['id']}/look"
    r = await user.post_form(
        f"/forms/{form['id']}/theme",
        {"primary_color": "#93c5fd", "text_color": "", "background": "#ffffff"},
        page=page,
    )
    assert r.status_code == 422
    error = soup(r).select_one("#th-primary_color-error").get_text()
    assert "Use #" in error and "for the primary colour" in error
    assert soup(r).select_one("#th-primary_color")["value"] == "#93c5fd"  # input kept
    ok = await user.post_form(
        f"/forms/{form['id']}/theme", {"primary_color": "#1d4ed8", "radius": "4"}, page=page
    )
    assert ok.status_code == 303
    saved = (await user.api.get(f"/api/forms/{form['id']}")).json()["theme"]
    assert saved == {"primary_color": "#1d4ed8", "radius": 4}
    shown = soup(await user.web.get(page))
    assert shown.select_one("#th-primary_color")["value"] == "#1d4ed8"
    css = await user.web.get(shown.select("link[rel=stylesheet]")[-1]["href"])
    assert f'[data-formagent="{form["id"]}"] .fa-submit{{background:var(--fa-primary)}}' in css.text
    editor = soup(await user.web.get(f"/forms/{form['id']}"))  # the editor's preview wears it too
    assert any("/theme.css" in link["href"] for link in editor.select("link[rel=stylesheet]"))
    assert editor.select_one(f"#form-preview [data-formagent='{form['id']}'] form.fa-form")


async def test_translations_are_edited_without_javascript(user, client):
    fields = [
        {"name": "email", "type": "email", "label": "Email", "required": True},
        {"name": "plan", "type": "select", "label": "Plan", "options": ["Small", "Business"]},
    ]
    form = await make_form(user, fields=fields)
    page = f"/forms/{form['id']}/look"
    r = await user.post_form(f"/forms/{form['id']}/translations", {"locale": "es"}, page=page)
    assert r.status_code == 303 and r.headers["location"].endswith("?locale=es#translation")
    editing = soup(await user.web.get(page + "?locale=es"))
    assert editing.select_one("h3").get_text() == "Español (es)"
    post = {
        "locale": "es",
        "texts": "1",
        "fields.email.label": "Correo",
        "fields.plan.label": "Plan",
        "fields.plan.options": "Pequeña\nEmpresa\nOtra",
        "thank_you_message": "¡Gracias!",
        "submit_label": "Enviar",
    }
    bad = await user.post_form(f"/forms/{form['id']}/translations", post, page=page)
    assert bad.status_code == 422
    assert "Translate each of the 2 options" in bad.text
    assert soup(bad).find("textarea", attrs={"name": "fields.plan.options"}).get_text() == (
        "Pequeña\nEmpresa\nOtra"
    )
    post["fields.plan.options"] = "Pequeña\nEmpresa"
    ok = await user.post_form(f"/forms/{form['id']}/translations", post, page=page)
    assert ok.status_code == 303
    es = (await client.get(f"/api/forms/{form['id']}/schema?lang=es")).json()
    assert [f["label"] for f in es["fields"]] == ["Correo", "Plan"]
    assert es["fields"][1]["options"] == ["Pequeña", "Empresa"]
    assert es["submit_label"] == "Enviar"
    bad_code = await user.post_form(
        f"/forms/{form['id']}/translations", {"locale": "klingon!"}, page=page
    )
    assert bad_code.status_code == 422 and "language code" in bad_code.text
    gone = await user.post_form(
        f"/forms/{form['id']}/translations", {"locale": "es", "remove": "1"}, page=page
    )
    assert gone.status_code == 303
    assert (await user.api.get(f"/api/forms/{form['id']}")).json()["translations"] == {}


async def test_the_embed_page_gives_each_mode_and_the_platform_steps(user):
    form = await make_form(user, name="Quote", theme={"button_label": "Get a quote"})
    page = soup(await user.web.get(f"/forms/{form['id']}/embed"))
    inline = page.select_one("#embed-snippet").get_text()
    popup = page.select_one("#embed-snippet-popup").get_text()
    slide = page.select_one("#embed-snippet-slide-in").get_text()
    assert f'<div data-formagent="{form["id"]}"></div>' in inline
    assert 'data-fa-mode="popup" data-fa-button="Get a quote"' in popup
    assert 'data-fa-mode="slide-in"' in slide and "/embed.js?v=" in slide
    for mode in ("popup", "slide-in"):
        assert page.select_one(f"button[data-copy='#embed-snippet-{mode}']")
    platforms = [s.get_text() for s in page.select("details summary")]
    assert platforms == ["WordPress", "Webflow", "Shopify", "Plain HTML"]
    assert "Custom HTML" in page.select("details")[0].get_text()
