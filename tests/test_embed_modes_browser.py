"""embed.js in Chromium (SPEC §17): a translated form follows the browser's language
(labels, options, a server validation message, the canonical option stored), the
theme's custom properties are applied, and the popup mode opens a <dialog> that submits."""

from __future__ import annotations

import pytest

from tests.test_embed_browser import _api

FIELDS = [
    {"name": "email", "type": "email", "label": "Work email", "required": True},
    {"name": "plan", "type": "select", "label": "Plan", "options": ["Small", "Business"]},
]
SPANISH = {
    "fields": {
        "email": {"label": "Correo de trabajo"},
        "plan": {"label": "Tamaño", "options": ["Pequeña", "Empresa"]},
    },
    "thank_you_message": "¡Gracias, le escribiremos pronto!",
    "submit_label": "Enviar",
}


def _site(foreign_site, live_server, div: str) -> None:
    (foreign_site.root / "index.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>Site</title></head><body>'
        f'<h1>Quotes</h1>{div}<script src="{live_server.url}/embed.js" async></script>'
        "</body></html>"
    )


def _form(api, **extra) -> str:
    body = {"name": "Quote", "status": "active", "fields": FIELDS, **extra}
    r = api.post("/api/forms", json=body)
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.mark.browser
def test_a_translated_form_follows_the_browser_language(live_server, foreign_site, browser):
    api = _api(live_server.url)
    form_id = _form(api, translations={"es": SPANISH}, theme={"primary_color": "#1d4ed8"})
    _site(foreign_site, live_server, f'<div data-formagent="{form_id}"></div>')
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    page.goto(foreign_site.url + "/index.html")
    form = page.locator(f"form[data-fa-form='{form_id}']")
    form.wait_for()
    assert page.evaluate("navigator.language") == "es-ES"
    assert form.locator("label.fa-label").first.inner_text().startswith("Correo de trabajo")
    assert form.locator("select[name=plan] option").all_inner_texts() == [
        "Elija…",
        "Pequeña",
        "Empresa",
    ]
    assert form.locator("button.fa-submit").inner_text() == "Enviar"
    color = form.locator("button.fa-submit").evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(29, 78, 216)"  # the theme's primary colour

    form.locator("select[name=plan]").select_option(label="Empresa")
    form.locator("button.fa-submit").click()
    error = form.locator(".fa-error")
    error.wait_for()
    assert error.inner_text() == "Correo de trabajo es obligatorio."
    assert form.locator(".fa-message-error").inner_text() == "Revise los campos marcados abajo."
    form.locator("input[name=email]").fill("ana@example.es")
    form.locator("button.fa-submit").click()
    page.get_by_text("¡Gracias, le escribiremos pronto!").wait_for()
    subs = api.get("/api/submissions", params={"form": form_id}).json()["data"]
    assert api.get(f"/api/submissions/{subs[0]['id']}").json()["data"]["plan"] == "Business"
    context.close()
    api.close()


@pytest.mark.browser
def test_popup_opens_a_dialog_that_submits(live_server, foreign_site, page):
    api = _api(live_server.url)
    form_id = _form(api)
    _site(
        foreign_site,
        live_server,
        f'<div data-formagent="{form_id}" data-fa-mode="popup" data-fa-button="Get a quote"></div>',
    )
    page.goto(foreign_site.url + "/index.html")
    opener = page.get_by_role("button", name="Get a quote")
    opener.wait_for()
    dialog = page.locator("dialog.fa-dialog")
    assert not dialog.is_visible()
    opener.click()
    assert dialog.evaluate("d => d.open && d.matches(':modal')")
    dialog.locator("input[name=email]").fill("buyer@example.com")
    dialog.locator("select[name=plan]").select_option("Small")
    dialog.locator("button.fa-submit").click()
    dialog.get_by_text("Thank you! We have received your submission.").wait_for()
    dialog.get_by_role("button", name="Close").click()
    assert not dialog.is_visible()
    subs = api.get("/api/submissions", params={"form": form_id}).json()["data"]
    assert len(subs) == 1
    assert api.get(f"/api/submissions/{subs[0]['id']}").json()["data"]["plan"] == "Small"
    api.close()


@pytest.mark.browser
def test_slide_in_opens_by_itself_in_a_corner(live_server, foreign_site, page):
    api = _api(live_server.url)
    form_id = _form(api)
    _site(
        foreign_site,
        live_server,
        f'<div data-formagent="{form_id}" data-fa-mode="slide-in" data-fa-button="Ask us"></div>',
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(foreign_site.url + "/index.html")
    dialog = page.locator("dialog.fa-slide-in")
    dialog.locator("input[name=email]").wait_for()
    assert dialog.evaluate("d => d.open && !d.matches(':modal')")  # the page stays usable
    box = dialog.bounding_box()
    assert box["x"] + box["width"] > 1200 and box["y"] + box["height"] > 700
    dialog.get_by_role("button", name="Close").click()
    page.get_by_role("button", name="Ask us").click()
    assert dialog.is_visible()
    api.close()
