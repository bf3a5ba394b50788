"""The local engine, round 25b (issue 20): a budget named without ranges is an amount the
visitor types unless the buyer is a business buying at scale; no stock field beside a listed
one that asks the same; no business stock on a list that names the person's contact and no
business — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, name: str) -> dict:
    return next(f for f in config["fields"] if f["name"] == name)


async def test_a_trades_or_a_clubs_budget_is_an_amount(user):
    for description in (
        "Quote request for our removals company: name, email, moving date, budget",
        "Youth rugby club sponsorship enquiry: your name, email, business name, budget",
    ):
        config, _ = await generated(user, description)
        budget = _field(config, "budget")
        assert budget["type"] == "number" and not budget.get("options"), description


async def test_a_business_buyer_keeps_the_ranges(user):
    config, _ = await generated(
        user, "Demo request for our HR software: name, work email, company, company size, budget"
    )
    assert _field(config, "budget")["options"][0] == "<$10K"
    assert _field(config, "company")["required"]


async def test_a_time_to_call_the_list_asks_is_asked_once(user):
    config, _ = await generated(
        user,
        "Rappel téléphonique : nom, téléphone, meilleur moment pour vous appeler (matin, midi, soir)",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Meilleur moment pour vous appeler" in labels and "Heure souhaitée" not in labels


async def test_a_persons_application_gets_no_business_stock_and_one_link(user):
    config, _ = await generated(
        user,
        "Affiliate programme application: name, email, website or social media link, audience size",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Company" not in labels and "Work email" not in labels and "Email" in labels
    assert [f["label"] for f in config["fields"] if f["type"] == "url"] == [
        "Website or social media link"
    ]
    config, _ = await generated(user, "Free trial signup: name, email")
    assert [f["label"] for f in config["fields"]] == ["Full name", "Email"]


async def test_a_list_that_names_the_business_keeps_it(user):
    config, _ = await generated(user, "Free trial for teams: name, work email, company, team size")
    assert _field(config, "company")["required"]
    assert _field(config, "email")["label"] == "Work email"
