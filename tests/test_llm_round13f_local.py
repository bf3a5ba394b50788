"""The local engine, round 13f (issue 20): an agreement, confirmation or permission a
description asks for is one field of the right kind — a required statement box in the
marketer's language, a marketing opt-in of the ``consent`` type (never required), a photo
permission an optional Yes/No — through POST /api/forms/generate, and the saved draft
really refuses a submission without the statement ticked (the eval set is
tests/eval/forms_round13f.jsonl)."""

from __future__ import annotations

from tests.factory import make_form, submit, submitted
from tests.helpers_forms import generated


async def test_a_statement_to_make_is_a_required_box_the_saved_form_enforces(user):
    config, fields = await generated(
        user,
        "Job application for our warehouse: name, email, CV upload, a tick box to accept the terms",
    )
    [box] = [f for f in config["fields"] if f["type"] == "checkbox"]
    assert box["label"] == "I accept the terms" and box["required"] is True
    assert not any("tick box" in f["label"].lower() for f in config["fields"])
    assert "consent" not in fields  # accepting terms is not consent to marketing
    keep = [f for f in config["fields"] if f["type"] != "file"]
    form = await make_form(user, fields=keep)
    data = {"name": "Ana", "email": "ana@example.com"}
    r = await submit(user, form["id"], data)
    assert r.status_code == 422 and box["name"] in r.json()["error"]["fields"]
    await submitted(user, form["id"], {**data, box["name"]: True})


async def test_statements_keep_the_marketers_language(user):
    cases = {
        "Formulario de contacto: nombre, correo, mensaje, acepto la política de privacidad": (
            "Acepto la política de privacidad"
        ),
        "Anmeldung zum Workshop: Name, E-Mail, Einwilligung in die Datenverarbeitung": (
            "Ich willige in die Datenverarbeitung ein"
        ),
        "Photo competition entry: name, email, photo upload, declaration that I hold the copyright": (
            "I declare that I hold the copyright"
        ),
        "Kids football camp registration: child's name, age, parent email, parental consent": (
            "I am the parent or guardian and I give my consent"
        ),
    }
    for description, label in cases.items():
        config, fields = await generated(user, description)
        boxes = [f for f in config["fields"] if f["type"] in ("checkbox", "consent")]
        assert [(b["label"], b["type"], b["required"]) for b in boxes] == [
            (label, "checkbox", True)
        ], description


async def test_an_opt_in_is_the_consent_type_and_a_photo_permission_a_yes_no(user):
    config, fields = await generated(
        user, "Newsletter signup for our bakery: name, email, and a checkbox to opt in to offers"
    )
    consent = [f for f in config["fields"] if f["type"] == "consent"]
    assert len(consent) == 1 and consent[0]["required"] is False
    assert not consent[0].get("default")
    _, fields = await generated(
        user,
        "Inscrição no evento de corrida: nome, email, tamanho da t-shirt, autorização de imagem",
    )
    permission = fields["autorizacao_de_imagem"]  # the key keeps its accented letters (44b)
    assert (permission["type"], permission["options"], permission["required"]) == (
        "select",
        ["Sim", "Não"],
        False,
    )
    config, _ = await generated(
        user, "Bike repair booking: name, phone, bike model, what needs fixing"
    )
    assert not [f for f in config["fields"] if f["type"] in ("checkbox", "consent")]


async def test_form_translations_asked_for_follow_the_new_fields(user):
    config, fields = await generated(
        user,
        "Camp registration: child name, age, parental consent, photo permission, in French too",
    )
    assert "consent" not in fields  # the parent's consent is not a marketing opt-in
    french = config["translations"]["fr"]["fields"]
    assert set(french) <= set(fields)
    assert french["parental_consent"]["label"].startswith("Je suis le parent")
    assert french["photo_permission"]["options"] == ["Oui", "Non"]
