"""SPEC §17 "Languages": translations checked when a form is saved, the schema and the
hosted page in the visitor's language, translated options stored as the canonical ones,
and the server's validation messages in the five built-in locales."""

from __future__ import annotations

import pytest

from tests.factory import make_form, submit
from tests.helpers import soup

FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Your name", "required": True},
    {
        "name": "plan",
        "type": "select",
        "label": "Plan",
        "options": ["Small", "Business"],
        "required": True,
    },
    {"name": "seats", "type": "number", "label": "Seats", "min": 1000},
]
SPANISH = {
    "fields": {
        "name": {"label": "Su nombre", "placeholder": "Ana García", "help": "Como en su DNI"},
        "plan": {"label": "Plan", "options": ["Pequeña", "Empresa"]},
        "email": {"label": "Correo electrónico"},
    },
    "thank_you_message": "¡Gracias!",
    "submit_label": "Pedir presupuesto",
}


async def _bilingual(user, **extra):
    return await make_form(user, fields=FIELDS, translations={"es": SPANISH}, **extra)


async def test_translations_are_saved_with_their_locale_written_one_way(user):
    form = await make_form(user, fields=FIELDS, translations={"pt_br": {"submit_label": "Enviar"}})
    assert form["translations"] == {"pt-BR": {"fields": {}, "submit_label": "Enviar"}}
    got = await user.api.get(f"/api/forms/{form['id']}")
    assert got.json()["translations"]["pt-BR"]["submit_label"] == "Enviar"


@pytest.mark.parametrize(
    ("translations", "key", "words"),
    [
        ({"xx-nope": {}}, "translations.xx-nope", "not a language"),
        (
            {"es": {"fields": {"budget": {"label": "Presupuesto"}}}},
            "translations.es.fields.budget",
            "no field named",
        ),
        (
            {"es": {"fields": {"plan": {"options": ["Pequeña"]}}}},
            "translations.es.fields.plan.options",
            "Translate each of the 2 options",
        ),
        (
            {"es": {"fields": {"plan": {"options": ["Business", "Small"]}}}},
            "translations.es.fields.plan.options",
            "another option",
        ),
        (
            {"es": {"fields": {"name": {"options": ["a"]}}}},
            "translations.es.fields.name.options",
            "no options to translate",
        ),
        ({"es": "hola"}, "translations.es", "object"),
        ({"es": {"step_titles": "Paso 1"}}, "translations.es.step_titles", "list of step titles"),
        (
            {"es": {"fields": {"name": {"label": "Nombre", "title": "x"}}}},
            "translations.es.fields.name",
            "Only label, placeholder, help and options",
        ),
    ],
)
async def test_bad_translations_are_a_422_naming_the_key(user, translations, key, words):
    r = await user.api.post(
        "/api/forms",
        json={"name": "Quote", "fields": FIELDS, "translations": translations},
    )
    assert r.status_code == 422, r.text
    assert words in r.json()["error"]["fields"][key]


async def test_schema_answers_in_the_asked_language_with_its_locale(user, client):
    form = await _bilingual(user)
    base = (await client.get(f"/api/forms/{form['id']}/schema")).json()
    assert base["locale"] == "en" and base["submit_label"] == "Submit"
    r = await client.get(f"/api/forms/{form['id']}/schema?lang=es-ES")
    es = r.json()
    assert es["locale"] == "es"
    labels = {f["name"]: f["label"] for f in es["fields"]}
    assert labels == {
        "email": "Correo electrónico",
        "name": "Su nombre",
        "plan": "Plan",
        "seats": "Seats",
    }
    plan = next(f for f in es["fields"] if f["name"] == "plan")
    assert plan["options"] == ["Pequeña", "Empresa"] and plan["placeholder"] == "Elija…"
    assert es["submit_label"] == "Pedir presupuesto"
    assert es["response"]["thank_you_message"] == "¡Gracias!"
    assert (
        r.headers["etag"] != (await client.get(f"/api/forms/{form['id']}/schema")).headers["etag"]
    )
    # a language the form lacks gets the base; the cache keeps each locale apart
    assert (await client.get(f"/api/forms/{form['id']}/schema?lang=de")).json()["locale"] == "en"
    again = await client.get(f"/api/forms/{form['id']}/schema?lang=es")
    assert (
        again.json()["submit_label"] == "Pedir presupuesto"
        and again.headers["etag"] == r.headers["etag"]
    )


async def test_an_edit_shows_at_once_in_every_locale(user, client):
    form = await _bilingual(user)
    await client.get(f"/api/forms/{form['id']}/schema?lang=es")
    changed = {**SPANISH, "submit_label": "Enviar ahora"}
    r = await user.api.put(
        f"/api/forms/{form['id']}",
        json={
            **(await user.api.get(f"/api/forms/{form['id']}")).json(),
            "translations": {"es": changed},
        },
    )
    assert r.status_code == 200, r.text
    es = (await client.get(f"/api/forms/{form['id']}/schema?lang=es")).json()
    assert es["submit_label"] == "Enviar ahora"


async def test_a_translated_option_is_stored_as_the_canonical_one(user):
    form = await _bilingual(user)
    r = await submit(
        user,
        form["id"],
        {"email": "ana@example.es", "name": "Ana", "plan": "Empresa", "_lang": "es"},
    )
    assert r.status_code == 201, r.text
    stored = await user.api.get(f"/api/submissions/{r.json()['submission_id']}")
    assert stored.json()["data"]["plan"] == "Business"
    assert stored.json()["meta"]["locale"] == "es"  # the language the visitor saw
    page = soup(await user.web.get(f"/submissions/{r.json()['submission_id']}"))
    shown = {dt.get_text(): dt.find_next("dd").get_text() for dt in page.select("dt")}
    assert shown["Language"] == "es"
    assert r.json()["message"] == "¡Gracias!"


async def test_validation_messages_follow_the_submissions_language(user):
    form = await _bilingual(user)
    r = await submit(user, form["id"], {"email": "nope", "plan": "Grande", "_lang": "es"})
    assert r.status_code == 422
    fields = r.json()["error"]["fields"]
    assert fields["name"] == "Su nombre es obligatorio."
    assert fields["email"] == "Introduzca un correo electrónico como nombre@ejemplo.com."
    assert fields["plan"] == "Elija una de las opciones de la lista."
    assert fields["_form"] == "Revise los campos marcados abajo."  # embed.js's summary
    english = await submit(user, form["id"], {"email": "nope"})
    assert english.json()["error"]["fields"]["name"] == "Your name is required."
    assert "_form" not in english.json()["error"]["fields"]


@pytest.mark.parametrize(
    ("lang", "required", "too_small"),
    [
        ("en", "Email is required.", "Enter 1 000 or more."),
        ("es", "Email es obligatorio.", "Introduzca 1.000 o más."),
        ("fr", "Email est obligatoire.", "Saisissez 1\u202f000 ou plus."),
        ("de", "Email ist erforderlich.", "Geben Sie 1.000 oder mehr ein."),
        ("pt", "Email é obrigatório.", "Digite 1.000 ou mais."),
    ],
)
async def test_validation_messages_in_each_built_in_locale(user, lang, required, too_small):
    # every locale translated but for the email label: the message reads the base label
    translations = {code: {"submit_label": "OK"} for code in ("es", "fr", "de", "pt")}
    form = await make_form(user, fields=FIELDS, translations=translations)
    r = await submit(user, form["id"], {"name": "A", "plan": "Small", "seats": "5", "_lang": lang})
    fields = r.json()["error"]["fields"]
    assert fields["email"] == required
    assert fields["seats"] == too_small


async def test_a_regional_browser_language_gets_the_built_in_one(user):
    form = await make_form(user, fields=FIELDS, translations={"pt-BR": {"submit_label": "Enviar"}})
    r = await submit(user, form["id"], {"_lang": "pt-BR", "name": "A", "plan": "Small"})
    assert r.json()["error"]["fields"]["email"] == "Email é obrigatório."


async def test_hosted_page_by_lang_parameter_and_accept_language(user, client):
    form = await _bilingual(user)
    r = await client.get(f"/f/{form['id']}?lang=es")
    page = soup(r)
    assert page.select_one("html")["lang"] == "es"
    assert "Accept-Language" in r.headers["vary"]  # caches keep each language apart
    assert page.select_one("label[for$='-name']").get_text(strip=True).startswith("Su nombre")
    assert [o.get_text() for o in page.select("select[name=plan] option")] == [
        "Elija…",
        "Pequeña",
        "Empresa",
    ]
    assert page.select_one("button.fa-submit").get_text() == "Pedir presupuesto"
    switch = {a.get_text(): a["href"] for a in page.select("nav.fa-langs a")}
    assert switch["English"].endswith("?lang=en") and switch["Español"].endswith("?lang=es")
    assert page.select_one("nav.fa-langs a[aria-current]").get_text() == "Español"

    by_header = soup(
        await client.get(f"/f/{form['id']}", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    )
    assert by_header.select_one("html")["lang"] == "es"
    english = soup(
        await client.get(f"/f/{form['id']}", headers={"Accept-Language": "de-DE,en;q=0.5"})
    )
    assert english.select_one("html")["lang"] == "en"
    assert english.select_one("label[for$='-name']").get_text(strip=True).startswith("Your name")
    untranslated = await make_form(user)
    plain = soup(await client.get(f"/f/{untranslated['id']}?lang=es"))
    assert plain.select_one("html")["lang"] == "en" and not plain.select("nav.fa-langs")


async def test_hosted_page_posts_in_its_language_and_stores_the_canonical_option(user, client):
    form = await _bilingual(user)
    action = f"/f/{form['id']}"
    r = await client.post(action, data={"email": "x", "plan": "Empresa", "_lang": "es"})
    assert r.status_code == 422
    page = soup(r)
    assert page.select_one("html")["lang"] == "es"
    assert page.select_one(".fa-message-error").get_text() == "Revise los campos marcados abajo."
    assert (
        page.select_one("#fa-" + form["id"] + "-name-error").get_text()
        == "Su nombre es obligatorio."
    )
    assert page.select_one("select[name=plan] option[selected]").get_text() == "Empresa"
    ok = await client.post(
        action, data={"email": "ana@example.es", "name": "Ana", "plan": "Empresa", "_lang": "es"}
    )
    assert ok.status_code == 200 and "¡Gracias!" in ok.text
    rows = (await user.api.get(f"/api/submissions?form_id={form['id']}")).json()["data"]
    assert rows[0]["data"]["plan"] == "Business"


async def test_editor_field_changes_carry_the_translations_along(user):
    form = await _bilingual(user)
    base = f"/forms/{form['id']}/fields"
    r = await user.post_form(f"{base}/name/delete", htmx=True)
    assert r.status_code == 200
    r = await user.post_form(
        f"{base}/plan",
        {
            "name": "plan",
            "type": "select",
            "label": "Plan",
            "options": "Small\nBusiness\nEnterprise",
        },
        htmx=True,
    )
    assert r.status_code == 200, r.text
    es = (await user.api.get(f"/api/forms/{form['id']}")).json()["translations"]["es"]
    assert "name" not in es["fields"]  # the deleted field's texts went with it
    assert es["fields"]["plan"] == {"label": "Plan"}  # 2 translated options for 3: dropped
    assert es["fields"]["email"] == {"label": "Correo electrónico"}
    assert es["submit_label"] == "Pedir presupuesto"


async def test_a_partial_save_keeps_a_translated_option_as_the_canonical_one(user):
    form = await _bilingual(user, partials={"enabled": True})
    r = await user.web.post(
        f"/api/forms/{form['id']}/partials",
        json={"data": {"email": "ana@example.es", "plan": "Empresa"}},
    )
    assert r.status_code == 200, r.text
    [partial] = (await user.api.get(f"/api/forms/{form['id']}/partials")).json()["data"]
    assert partial["data"]["plan"] == "Business"


async def test_an_experiment_variant_without_a_translated_field_is_served_translated(user, client):
    form = await _bilingual(user)
    short = [f for f in FIELDS if f["name"] in ("email", "plan")]
    r = await user.api.post(
        "/api/experiments",
        json={
            "form_id": form["id"],
            "status": "active",
            "variants": [
                {"label": "Control", "weight": 0, "overrides": None},
                {"label": "Short", "weight": 1, "overrides": {"fields": short}},
            ],
        },
    )
    assert r.status_code == 201, r.text
    es = (await client.get(f"/api/forms/{form['id']}/schema?lang=es&visitor_id=v1")).json()
    assert [f["label"] for f in es["fields"]] == ["Correo electrónico", "Plan"]
    assert es["variant_id"] and es["locale"] == "es"


async def test_show_if_rules_follow_the_translated_options(user, client):
    fields = [
        *FIELDS[:3],
        {
            "name": "company",
            "type": "text",
            "label": "Company",
            "show_if": {"all": [{"field": "plan", "op": "equals", "value": "Business"}]},
        },
    ]
    form = await make_form(user, fields=fields, translations={"es": SPANISH})
    es = (await client.get(f"/api/forms/{form['id']}/schema?lang=es")).json()
    company = next(f for f in es["fields"] if f["name"] == "company")
    assert company["show_if"] == {"all": [{"field": "plan", "op": "equals", "value": "Empresa"}]}
    base = {"name": "Ana", "company": "Acme", "_lang": "es"}
    shown = await submit(user, form["id"], {**base, "email": "a@example.es", "plan": "Empresa"})
    hidden = await submit(user, form["id"], {**base, "email": "b@example.es", "plan": "Pequeña"})
    assert shown.status_code == hidden.status_code == 201
    data = [
        (await user.api.get(f"/api/submissions/{r.json()['submission_id']}")).json()["data"]
        for r in (shown, hidden)
    ]
    assert data[0]["plan"] == "Business" and data[0]["company"] == "Acme"
    assert data[1]["plan"] == "Small" and "company" not in data[1]  # hidden: dropped


async def test_step_titles_are_translated(user, client):
    steps = [
        {"title": "You", "fields": ["email", "name"]},
        {"title": "Your plan", "fields": ["plan", "seats"]},
    ]
    spanish = {**SPANISH, "step_titles": ["Usted", "Su plan"]}
    form = await make_form(user, fields=FIELDS, steps=steps, translations={"es": spanish})
    es = (await client.get(f"/api/forms/{form['id']}/schema?lang=es")).json()
    assert [s["title"] for s in es["steps"]] == ["Usted", "Su plan"]
    assert [s["fields"] for s in es["steps"]] == [["email", "name"], ["plan", "seats"]]
    base = (await client.get(f"/api/forms/{form['id']}/schema")).json()
    assert [s["title"] for s in base["steps"]] == ["You", "Your plan"]


async def test_a_consent_text_translates_at_its_own_length(user, client):
    text = "I agree to receive the newsletter and accept the privacy policy. " * 4
    fields = [{"name": "ok", "type": "consent", "label": text.strip(), "required": True}]
    spanish = "Acepto recibir el boletín y la política de privacidad. " * 4
    form = await make_form(
        user, fields=fields, translations={"es": {"fields": {"ok": {"label": spanish.strip()}}}}
    )
    es = (await client.get(f"/api/forms/{form['id']}/schema?lang=es")).json()
    assert es["fields"][0]["label"] == spanish.strip() and len(spanish.strip()) > 200
