"""Issue 16's "done when", in Chromium: a two-step, branded, bilingual quote form with
an upload and a field only business customers see, embedded as a popup; a Spanish
visitor finds everything in Spanish, the business-only field follows the answer, and
one who leaves at step 2 shows up as abandoned there; another one submits with a
photo, and the hidden field's value never reaches the server."""

from __future__ import annotations

import pytest

from tests.test_embed_browser import _api
from tests.test_partials_browser import wait_for

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {
        "name": "customer_type",
        "type": "select",
        "label": "You are",
        "options": ["Business", "Private"],
        "required": True,
    },
    {
        "name": "company",
        "type": "text",
        "label": "Company",
        "required": True,
        "show_if": {"all": [{"field": "customer_type", "op": "equals", "value": "Business"}]},
    },
    {"name": "project", "type": "textarea", "label": "Your project"},
    {
        "name": "photos",
        "type": "file",
        "label": "Photos",
        "accept": ["image/*"],
        "max_files": 3,
    },
]
SPANISH = {
    "fields": {
        "email": {"label": "Correo"},
        "name": {"label": "Nombre"},
        "customer_type": {"label": "Usted es", "options": ["Empresa", "Particular"]},
        "company": {"label": "Empresa"},
        "project": {"label": "Su proyecto"},
        "photos": {"label": "Fotos"},
    },
    "step_titles": ["Sobre usted", "Su proyecto"],
    "submit_label": "Pedir presupuesto",
    "thank_you_message": "¡Gracias! Le enviaremos el presupuesto.",
}


@pytest.mark.browser
def test_a_branded_bilingual_two_step_quote_form_in_a_popup(
    live_server, foreign_site, browser, tmp_path
):
    api = _api(live_server.url)
    r = api.post(
        "/api/forms",
        json={
            "name": "Quote",
            "status": "active",
            "flow_id": "sales_lead",
            "fields": FIELDS,
            "steps": [
                {"title": "About you", "fields": ["email", "name", "customer_type", "company"]},
                {"title": "Your project", "fields": ["project", "photos"]},
            ],
            "translations": {"es": SPANISH},
            "theme": {"primary_color": "#1d4ed8"},
            "partials": {"enabled": True},
        },
    )
    assert r.status_code == 201, r.text
    form_id = r.json()["id"]
    (foreign_site.root / "index.html").write_text(
        '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Obras</title></head>'
        f'<body><h1>Reformas</h1><div data-formagent="{form_id}" data-fa-mode="popup"'
        ' data-fa-button="Pedir presupuesto"></div>'
        f'<script src="{live_server.url}/embed.js" async></script></body></html>'
    )
    photo = tmp_path / "tejado.png"
    photo.write_bytes(PNG)

    def visit(context):
        page = context.new_page()
        page.goto(foreign_site.url + "/index.html")
        page.get_by_role("button", name="Pedir presupuesto").click()
        dialog = page.locator("dialog.fa-dialog")
        assert dialog.evaluate("d => d.open && d.matches(':modal')")
        return page, dialog.locator(f"form[data-fa-form='{form_id}']")

    # A Spanish visitor who leaves at step 2
    leaver = browser.new_context(locale="es-ES")
    page, form = visit(leaver)
    assert form.locator(".fa-step-title").inner_text() == "Sobre usted"
    assert form.locator("label[for$='-email']").inner_text().startswith("Correo")
    color = form.locator("button.fa-submit:not(.fa-back)").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert color == "rgb(29, 78, 216)"  # the theme's primary colour
    company = form.locator("input[name=company]")
    assert not company.is_visible()  # only for business customers
    form.locator("input[name=email]").fill("lucia@reformas.es")
    form.locator("select[name=customer_type]").select_option(label="Empresa")
    company.wait_for()
    form.locator("button.fa-submit:not(.fa-back)").click()  # Siguiente without the company
    assert form.locator(".fa-field-text .fa-error").is_visible()
    company.fill("Reformas Lucía SL")
    assert form.locator("button.fa-submit:not(.fa-back)").inner_text() == "Siguiente"
    form.locator("button.fa-submit:not(.fa-back)").click()
    form.get_by_text("Su proyecto", exact=True).first.wait_for()
    assert form.locator("button.fa-back").inner_text() == "Atrás"
    saved = wait_for(
        lambda: [
            p for p in api.get(f"/api/forms/{form_id}/partials").json()["data"] if p["step"] == 2
        ]
    )
    assert saved[0]["email"] == "lucia@reformas.es"
    assert saved[0]["data"]["customer_type"] == "Business"  # stored canonical
    leaver.close()
    # still within the form's 30 minutes: listed as filling in, at step 2 (after the delay
    # the periodic task moves it to Abandoned: tests/test_partials.py, with a frozen clock)
    listed = api.get(f"/forms/{form_id}/abandoned", params={"status": "open"}).text
    assert "lucia@reformas.es" in listed and "step 2 of 2" in listed

    # A private customer who finishes, with a photo; the company answer never reaches us
    finisher = browser.new_context(locale="es-ES")
    page, form = visit(finisher)
    form.locator("input[name=email]").fill("pablo@correo.es")
    form.locator("select[name=customer_type]").select_option(label="Empresa")
    form.locator("input[name=company]").fill("Not for private customers")
    form.locator("select[name=customer_type]").select_option(label="Particular")
    assert not form.locator("input[name=company]").is_visible()
    form.locator("button.fa-submit:not(.fa-back)").click()
    form.locator("textarea[name=project]").fill("Tejado de 80 m2 con goteras")
    form.locator("input[type=file][name=photos]").set_input_files(str(photo))
    form.locator("button.fa-submit:not(.fa-back)").click()
    page.get_by_text("¡Gracias! Le enviaremos el presupuesto.").wait_for()
    finisher.close()

    [sub] = api.get("/api/submissions", params={"form": form_id}).json()["data"]
    detail = api.get(f"/api/submissions/{sub['id']}").json()
    assert detail["data"]["customer_type"] == "Private"
    assert "company" not in detail["data"]  # hidden under the answers: dropped
    assert [f["name"] for f in detail["files"]] == ["tejado.png"]
    api.close()
