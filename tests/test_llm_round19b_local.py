"""The local engine, round 19b (issue 20): the thank-you and the agent brief say what happens
next for THIS form — a callback is called back, samples are sent, an RSVP is recorded, a
trade account or rental application is reviewed — in the form's language, through
POST /api/forms/generate; a stock thank-you that fits is kept."""

from __future__ import annotations

from tests.helpers_forms import generated


def _thanks(config: dict) -> str:
    return config["response"]["thank_you_message"]


async def test_a_callback_is_called_back_not_sent_a_link_or_a_quote(user):
    for description in (
        "Request a callback: name, phone number, best time to call",
        "Callback request for solar panel installation - name, phone, postcode",
    ):
        config, _ = await generated(user, description)
        assert "call you back" in _thanks(config), _thanks(config)
        brief = config["agent"]["instructions"]
        assert brief.startswith("This form is used to arrange callbacks"), brief
        assert "booking link" not in brief and "tailored quote" not in brief


async def test_samples_sponsors_and_trade_accounts_are_not_quoted(user):
    for description, said in (
        ("Request a free sample pack of our flooring: name, address, which samples", "samples"),
        (
            "Sponsorship enquiry for our fun run: company name, email, sponsorship level",
            "partnerships team",
        ),
        (
            "Trade account application for our builders' merchant: company, VAT number, trade",
            "application is in",
        ),
    ):
        config, _ = await generated(user, description)
        assert said in _thanks(config) and "quote" not in _thanks(config), _thanks(config)


async def test_an_rsvp_is_recorded_and_thanked_in_its_language(user):
    config, _ = await generated(
        user, "RSVP for our summer garden party: name, will you attend, number of guests"
    )
    assert _thanks(config) == "Thanks for letting us know! Your RSVP has been recorded."
    config, _ = await generated(
        user, "Confirmación de asistencia a la boda: nombre, asistirá, acompañantes"
    )
    assert _thanks(config).startswith("¡Gracias por avisarnos!"), _thanks(config)


async def test_an_enrolment_thanks_in_the_forms_language(user):
    config, _ = await generated(user, "Inscrição no curso de fotografia: nome, email, nível")
    assert _thanks(config).startswith("Obrigado"), _thanks(config)


async def test_a_quote_request_and_a_booking_keep_their_stock_thank_you(user):
    config, _ = await generated(user, "Get a quote for roof repairs: name, phone, address")
    assert "tailored quote" in _thanks(config)
    config, _ = await generated(user, "Book a consultation with our accountant: name, email, date")
    assert "link to confirm a time" in _thanks(config)
