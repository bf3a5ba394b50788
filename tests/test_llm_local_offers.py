"""The local engine on the fresh-batch miss classes of issue 20 (round 3).

Free surveys offered to prospects, rentals with pick-up and return dates,
optional extra fields on a newsletter, a named piece of writing, and an
"A or B" choice attached to choose/pick/prefer inside a sentence.
"""

from __future__ import annotations

from app.services.llm.local_forms import generate_form


def fields(description: str) -> dict:
    return {f["name"]: f for f in generate_form(description)["fields"]}


def test_a_free_survey_or_audit_offered_to_prospects_is_a_sales_lead():
    for description in (
        "Free roof inspection for homeowners - postcode and a phone number",
        "We fit insulation; homeowners can book a free, no-obligation survey of their loft",
        "Complimentary website audit for local shops: their URL and what they sell",
    ):
        assert generate_form(description)["flow_id"] == "sales_lead", description


def test_a_rental_with_pick_up_and_return_dates_is_a_booking_with_two_dates():
    config = generate_form("Trailer hire: which trailer, pick-up and return dates, towing licence")
    assert config["flow_id"] == "booking_request"
    got = {f["name"]: f for f in config["fields"]}
    assert got["pick_up_date"]["type"] == "date" and got["return_date"]["type"] == "date"
    assert "order_number" not in got and "description" not in got
    # Asking about a rental without dates to book is still a sales enquiry.
    assert generate_form("Marquee rental enquiry: guest numbers and venue")["flow_id"] == (
        "sales_lead"
    )


def test_an_optional_extra_field_on_a_newsletter_is_kept_and_optional():
    got = fields("Newsletter for our bakery, plus an optional field for their birthday month")
    assert not got["birthday_month"]["required"]
    got = fields("Monthly book club emails: email and optionally their favourite genre")
    assert "favourite_genre" in got and not got["favourite_genre"]["required"]


def test_a_named_piece_of_writing_keeps_the_marketers_noun():
    got = fields("Bursary application: household income and a short essay on their goals")
    assert "cover_letter" not in got
    assert got["essay"]["type"] == "textarea"
    assert got["essay"]["label"] == "Short essay on your goals"
    assert generate_form("Bursary application: household income")["flow_id"] == "direct_route"


def test_a_choice_after_choose_or_prefer_becomes_a_dropdown_anywhere_in_the_sentence():
    got = fields("Cleaning booking - address, and customers choose weekly or fortnightly visits")
    choice = next(f for f in got.values() if f["type"] == "select")
    assert choice["options"] == ["Weekly visits", "Fortnightly visits"]
    got = fields("Book a tasting where guests prefer red or white, with date and party size")
    assert any(f["options"] == ["Red", "White"] for f in got.values())


def test_an_anonymous_report_asks_no_name_or_email():
    got = fields("Anonymous whistleblowing line for staff: what they saw and when")
    assert generate_form("Whistleblowing form: what they saw")["flow_id"] == "support_triage"
    assert "email" not in got and "name" not in got


def test_an_optional_extra_in_the_marketers_words_stays_optional():
    got = fields("Mailing list for our gym. Email required; their home gym as an optional extra")
    assert not got["home_gym"]["required"]
    got = fields("Podcast updates - email, and if they like, the topics they want covered")
    topics = next(f for f in got.values() if "topic" in f["name"])
    assert not topics["required"]


def test_a_question_with_or_inside_stays_one_question():
    got = fields("Incident report: what you saw or heard, and where it happened")
    saw = next(f for f in got.values() if "saw" in f["label"])
    assert saw["type"] == "textarea" and saw["options"] == []


def test_which_day_they_want_to_start_keeps_the_start():
    got = fields("Desk waitlist: email and which day they'd want to start")
    assert got["start_day"]["label"] == "Start day"


def test_a_plural_head_shared_by_two_items_names_two_fields():
    got = fields("Courier quote: collection and delivery postcodes, parcel weight")
    assert {"collection_postcode", "delivery_postcode"} <= set(got)
    got = fields("Team trip booking: names and email addresses of the travellers, travel date")
    assert not any(name.startswith("names_") for name in got)


def test_a_list_after_telling_us_and_a_qualified_field_noun_are_kept():
    got = fields("Gutter cleaning: get a free quote by telling us your roof type (flat, pitched)")
    assert got["roof_type"]["options"] == ["Flat", "Pitched"]
    got = fields("Skip hire quote - site postcode, skip size and hire length")
    assert "site_postcode" in got


def test_care_while_away_and_a_call_at_the_best_time_are_bookings():
    assert generate_form("House sitting: dates away and the number of plants")["flow_id"] == (
        "booking_request"
    )
    callback = generate_form("Pension advice: their age and the best time to call them")
    assert callback["flow_id"] == "booking_request"


def test_pick_up_is_part_of_a_field_and_a_poem_is_a_piece_of_writing():
    got = fields("Tool rental - drill or saw, pick up date, return date")
    assert got["pick_up_date"]["type"] == "date"
    got = fields("Poetry prize entry: age and a short poem about home")
    assert got["poem"]["type"] == "textarea" and "message" not in got
