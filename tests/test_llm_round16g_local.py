"""The local engine, rounds 16g to 16j (issue 20), through POST /api/forms/generate:
an order form is an order (a sale named for what is bought, no quote question) while a
problem with an order stays support and a wholesale order is priced; a consumer types a
budget, a business buyer picks a range; a poll asks its one question; the list goes on
after a condition, whose follow-up is labelled as asked."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_an_order_form_asks_what_was_listed_and_no_quote_question(user):
    config, _ = await generated(
        user,
        "Order form for our olive oil: name, email, bottle size (500ml, 1 litre), how many bottles",
    )
    assert (config["name"], config["flow_id"]) == ("Olive Oil Order", "sales_lead")  # its subject
    labels = [f["label"] for f in config["fields"]]
    assert labels == ["Full name", "Email", "Bottle size", "How many bottles?"], labels
    assert config["response"]["thank_you_message"].startswith("Thanks for your order")


async def test_tickets_and_vouchers_are_orders_in_every_language(user):
    for said, name in (
        ("Buy tickets for our quiz night - name, email, number of tickets", "Ticket Order"),
        ("Gift voucher purchase: your name, email, value (20, 50, 100)", "Gift Card Order"),
        ("Bon de commande : nom, e-mail, parfum (fraise, abricot), quantité", "Bon de commande"),
    ):
        config, _ = await generated(user, said)
        assert (config["name"], config["flow_id"]) == (name, "sales_lead"), said


async def test_a_problem_with_an_order_is_support_and_a_wholesale_order_is_priced(user):
    config, _ = await generated(user, "Wrong order received - order number, what you got")
    assert config["flow_id"] == "support_triage"
    config, _ = await generated(user, "Wholesale order enquiry for cafés: business name, email")
    assert config["name"] == "Wholesale Order Enquiry"  # the marketer's words (round 17a)


async def test_a_consumers_budget_is_an_amount_and_a_business_buyer_picks_a_range(user):
    config, _ = await generated(user, "Kitchen refit quote - name, phone, postcode, rough budget")
    budget = next(f for f in config["fields"] if f["name"] == "budget")
    assert budget["type"] == "number" and not budget.get("options")
    config, _ = await generated(user, "Enterprise demo request: work email, company, budget")
    budget = next(f for f in config["fields"] if f["name"] == "budget")
    assert budget["type"] == "select" and budget["options"][0] == "<$10K"


async def test_a_poll_asks_its_question_with_its_choices_and_nothing_else(user):
    config, _ = await generated(
        user, "Quick poll: which new flavour should we launch? mango, pistachio or salted caramel"
    )
    assert config["name"] == "Poll"
    asked = [(f["label"], f.get("options")) for f in config["fields"] if f["type"] != "email"]
    assert asked == [
        ("Which new flavour should we launch?", ["Mango", "Pistachio", "Salted caramel"])
    ]


async def test_the_list_goes_on_after_a_condition_and_the_follow_up_is_labelled_as_asked(user):
    config, _ = await generated(
        user,
        "Job application: name, email, are you eligible to work in the UK? If no, explain; "
        "CV upload",
    )
    by_label = {f["label"]: f for f in config["fields"]}
    assert by_label["CV"]["type"] == "file"
    follow_up = by_label["Please explain"]
    assert follow_up["show_if"]["all"][0]["value"] == "No"
