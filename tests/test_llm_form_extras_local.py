"""Describe-a-form with logic, steps and languages on the local engine (SPEC §17, issue 16),
through POST /api/forms/generate and the "Describe a form" page."""

from __future__ import annotations

import json

from app.services.llm.form_extras_check import problems
from tests.helpers import soup

QUOTE = (
    "A quote form for our office cleaning company in two steps. Ask for the company size only "
    "for business customers. Add a Spanish version."
)


async def generate(user, description, draft=None, status=200):
    body = {"description": description} | ({"draft": draft} if draft is not None else {})
    r = await user.api.post("/api/forms/generate", json=body)
    assert r.status_code == status, r.text
    return r.json()["draft"] if status == 200 else r.json()


def by_name(config):
    return {f["name"]: f for f in config["fields"]}


def placed(config):
    return [n for s in config["steps"] for n in s["fields"]]


async def test_two_step_bilingual_quote_with_a_business_only_field(user):
    config = await generate(user, QUOTE)
    fields, names = by_name(config), [f["name"] for f in config["fields"]]
    assert problems(config) == []
    # two steps, contact details first, every field once and the field list in step order
    assert [s["title"] for s in config["steps"]] == ["Your details", "Your project"]
    assert placed(config) == names and {"name", "email"} <= set(config["steps"][0]["fields"])
    # the question that tells business customers apart is asked before the field it shows
    assert fields["customer_type"]["options"] == ["Business", "Individual"]
    assert not fields["customer_type"]["required"]  # nothing unasked is required
    assert fields["company_size"]["show_if"] == {
        "all": [{"field": "customer_type", "op": "equals", "value": "Business"}]
    }
    assert names.index("customer_type") < names.index("company_size")
    assert not any(f.get("show_if") for f in config["fields"] if f["name"] != "company_size")
    # Spanish: every field, options one-to-one, thank-you, submit and step titles
    es = config["translations"]["es"]
    assert list(config["translations"]) == ["es"] and set(es["fields"]) == set(names)
    assert es["fields"]["company_size"]["label"] == "Tamaño de la empresa"
    assert es["fields"]["customer_type"]["options"] == ["Empresa", "Particular"]
    assert es["fields"]["email"]["label"] == "Correo electrónico"
    assert es["submit_label"] == "Enviar" and es["step_titles"] == ["Sus datos", "Su proyecto"]
    assert es["thank_you_message"].startswith("¡Gracias!")
    # the conditions and languages did not turn into fields
    assert not any(
        word in f["label"].lower()
        for f in config["fields"]
        for word in ("spanish", "version", "step", "only")
    )
    assert "notes" not in config  # everything was translated


async def test_english_and_french_and_untranslatable_labels_are_kept_and_flagged(user):
    config = await generate(user, "Contact form for our bakery in English and French")
    assert list(config["translations"]) == ["fr"] and config["steps"] == []
    fr = config["translations"]["fr"]
    assert fr["fields"]["message"]["label"] == "Comment pouvons-nous vous aider ?"
    assert fr["fields"]["email"]["placeholder"] == "jane@example.com"  # sample data stays
    odd = await generate(
        user, "Order form for custom cakes: cake flavour and tier count. Also in German."
    )
    de, fields = odd["translations"]["de"], by_name(odd)
    flavour = next(f for f in odd["fields"] if "flavour" in f["name"])
    assert de["fields"][flavour["name"]]["label"] == flavour["label"]  # kept in English
    assert de["fields"]["email"]["label"] == "E-Mail"
    assert any(
        n.startswith("German: kept in English") and flavour["label"] in n for n in odd["notes"]
    )
    assert "email" in fields


async def test_rules_on_existing_fields_follow_up_questions_and_numbers(user):
    config = await generate(
        user,
        "Support form for our app. Ask for the order number only if the request type is "
        "Purchase. If they pick Other, ask them to specify.",
    )
    fields, names = by_name(config), [f["name"] for f in config["fields"]]
    assert fields["order_number"]["show_if"]["all"] == [
        {"field": "request_type", "op": "equals", "value": "Purchase"}
    ]
    follow_up = fields["request_type_details"]
    assert follow_up["label"] == "Please specify" and follow_up["show_if"]["all"] == [
        {"field": "request_type", "op": "equals", "value": "Other"}
    ]
    assert names.index("request_type") < names.index("request_type_details")
    assert any("Request type" in n for n in config["notes"])  # the added question is flagged
    assert problems(config) == []


async def test_refinement_phrasings_for_languages_steps_and_rules(user):
    config = await generate(user, "A quote form for a landscaping company")
    config = await generate(user, "add a Spanish version", config)
    assert list(config["translations"]) == ["es"]
    config = await generate(user, "split it into two steps", config)
    assert len(config["steps"]) == 2 and placed(config) == [f["name"] for f in config["fields"]]
    config = await generate(user, "show company size only for business customers", config)
    assert by_name(config)["company_size"]["show_if"]["all"][0]["value"] == "Business"
    # a field added later joins a step and gets its translation
    assert "customer_type" in placed(config)
    assert config["translations"]["es"]["fields"]["company_size"]["label"] == "Tamaño de la empresa"
    config = await generate(
        user, "show the phone only when the company size is more than 50", config
    )
    phone = by_name(config)["phone"]
    # a dropdown of ranges compares as the ranges above 50
    assert phone["show_if"]["all"] == [
        {"field": "company_size", "op": "in", "value": ["51-200", "201-1000", "1000+"]}
    ]
    assert [f["name"] for f in config["fields"]].index("phone") > [
        f["name"] for f in config["fields"]
    ].index("company_size")
    config = await generate(
        user, "translate it into French and German, and split into 3 steps", config
    )
    assert list(config["translations"]) == ["es", "fr", "de"] and len(config["steps"]) == 3
    assert all(len(t["step_titles"]) == 3 for t in config["translations"].values())
    config = await generate(user, "remove the Spanish version", config)
    assert list(config["translations"]) == ["fr", "de"]
    config = await generate(user, "remove the customer type field", config)
    assert "show_if" not in by_name(config)["company_size"]  # its rule went with it
    assert any("always shown" in n for n in config["notes"])
    config = await generate(user, "put everything on one page", config)
    assert config["steps"] == [] and problems(config) == []
    config = await generate(user, "always show the phone", config)
    assert "show_if" not in by_name(config)["phone"]


async def test_a_rule_with_an_answer_the_field_lacks_is_refused_with_its_options(user):
    config = await generate(user, "Support form for bug reports from our mobile app users")
    bad = await generate(
        user, "show the steps to reproduce only when priority is Sky-high", config, status=422
    )
    assert "Low, Normal, High, Urgent" in json.dumps(bad)


async def test_describe_page_shows_steps_rules_languages_and_notes(user):
    r = await user.post_form("/forms/new", {"description": QUOTE}, page="/forms/new", htmx=True)
    assert r.status_code == 200
    page = soup(r)
    text = page.get_text(" ")
    assert "Steps: 1. Your details" in " ".join(text.split())
    assert "Also in: Spanish" in " ".join(text.split())
    assert "Shown when “Are you a business or a private customer?” is Business" in text
    draft = json.loads(page.select_one("input[name=draft]")["value"])
    assert draft["translations"]["es"]["submit_label"] == "Enviar"


async def test_a_reworded_field_is_translated_again(user):
    config = await generate(user, "A demo request form for a CRM vendor, with a Spanish version")
    es = config["translations"]["es"]
    assert es["fields"]["company_size"]["options"] == [
        "1-10",
        "11-50",
        "51-200",
        "201-1000",
        "1000+",
    ]
    config = await generate(user, "change the company size options to Small, Medium, Large", config)
    assert config["translations"]["es"]["fields"]["company_size"]["options"] == [
        "Pequeño",
        "Mediano",
        "Grande",
    ]
    config = await generate(user, 'rename "How can we help?" to "Details"', config)
    [renamed] = [f["name"] for f in config["fields"] if f["label"] == "Details"]
    assert config["translations"]["es"]["fields"][renamed]["label"] == "Detalles"
    config = await generate(user, "change the thank-you message to Thanks!", config)
    assert config["translations"]["es"]["thank_you_message"] == "Thanks!"  # not in the table
    assert any("Spanish: kept in English" in n and "Thanks!" in n for n in config["notes"])
