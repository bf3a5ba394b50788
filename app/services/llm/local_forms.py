"""Deterministic form generation for the local engine (SPEC §4, §6.5).

``generate_form(description)`` picks the form kind the description points to
(demo, pricing, newsletter, support, booking, feedback, job application, …),
tailors the fields to what it mentions (budget, phone, company size, an
anonymous survey, a short form…) and writes agent instructions that name the
business and audience it found. ``generate_form(instructions, draft)`` applies
refinement instructions to a previous draft (see ``local_refine``). Either way
the result has passed ``form_config.validate_config``.
"""

from __future__ import annotations

import logging
import re

from app.errors import ValidationError
from app.services.accounts.workspaces import slugify
from app.services.forms.config import MAX_DESCRIPTION, validate_config
from app.services.llm import local_catalog as catalog
from app.services.llm.local_acronyms import spell_acronyms
from app.services.llm.local_added_items import join_added_items
from app.services.llm.local_answer_asides import answer_asides, one_answer
from app.services.llm.local_answer_kinds import label_units
from app.services.llm.local_answer_shapes import shape_answers
from app.services.llm.local_answer_types import answer_types
from app.services.llm.local_apostrophes import restored
from app.services.llm.local_asked_abroad import ask_as_questions
from app.services.llm.local_asked_as_meant import ask_as_meant
from app.services.llm.local_bounded_numbers import bound_numbers, take_bounds
from app.services.llm.local_bracket_asides import apply_asides, take_asides
from app.services.llm.local_bracket_types import linked_yes_no
from app.services.llm.local_budget import business_buyer, fit_budget
from app.services.llm.local_builder_words import (
    obey_builder_words,
    read_builder_words,
    routed_kind,
)
from app.services.llm.local_catch_all import catch_alls_in_words
from app.services.llm.local_chatter_items import without_chatter
from app.services.llm.local_choice_fields import settle_choices
from app.services.llm.local_choice_lists import read_choice_lists
from app.services.llm.local_clause_items import ranges_as_text
from app.services.llm.local_clock_time import clock_times
from app.services.llm.local_comment_box import one_comment_box, read_comment_boxes
from app.services.llm.local_consent import apply_consent
from app.services.llm.local_described_thing import described_thing
from app.services.llm.local_dutch_italian import read_dutch_italian, relabel_dutch_italian
from app.services.llm.local_either_applies import either_applies
from app.services.llm.local_either_or import either_way
from app.services.llm.local_extras import apply_extras, read_extras
from app.services.llm.local_field_order import in_listed_order
from app.services.llm.local_fitting_placeholders import fit_placeholders
from app.services.llm.local_foreign import localize, source_language, to_english
from app.services.llm.local_foreign_keys import keys_in_own_words
from app.services.llm.local_form_fields import tailor_fields
from app.services.llm.local_form_kind import read_kind
from app.services.llm.local_form_names import ASKS_NO_QUOTE, fit_free_text, form_name
from app.services.llm.local_form_title import drafted_name, read_again
from app.services.llm.local_fragments import asked_labels
from app.services.llm.local_headed_kind import headed_kind
from app.services.llm.local_intent import correct_typos
from app.services.llm.local_item_asked import direct_labels
from app.services.llm.local_item_parts import asked_if_only
from app.services.llm.local_item_wording import stock_nps_said, typed_as_worded
from app.services.llm.local_list_end import list_ended
from app.services.llm.local_listed_asks import (
    asked_as_said,
    comma_contacts,
    without_conditions,
)
from app.services.llm.local_measure_labels import measure_labels
from app.services.llm.local_native_texts import in_own_language
from app.services.llm.local_needed_items import answer_the_request, needed_as_listed
from app.services.llm.local_offerings import offered_choices
from app.services.llm.local_option_leads import options_after_leads
from app.services.llm.local_own_purpose import add_defaults, without_answers
from app.services.llm.local_paid_signup import fit_paid_fields
from app.services.llm.local_place_choice import place_choices
from app.services.llm.local_poll import bracket_poll_choices
from app.services.llm.local_preamble import heading_named
from app.services.llm.local_prose_extras import prose_extras
from app.services.llm.local_question_ends import question_ends
from app.services.llm.local_question_remarks import question_remarks
from app.services.llm.local_range_answers import expected_answers, ranges_listed
from app.services.llm.local_rated_person import rated_person
from app.services.llm.local_rated_words import rated_in_words
from app.services.llm.local_repair import validated
from app.services.llm.local_required_said import required_said
from app.services.llm.local_run_event import event_headed
from app.services.llm.local_said_boxes import said_boxes
from app.services.llm.local_said_follow_ups import name_follow_ups
from app.services.llm.local_said_lengths import keys_as_asked, said_lengths, years_as_numbers
from app.services.llm.local_said_names import said_name
from app.services.llm.local_scales import on_scales, scales_written
from app.services.llm.local_sentence_name import (
    CREATOR_NAMES,
    creator_question,
)
from app.services.llm.local_several_answers import plurals_said
from app.services.llm.local_slash_lists import comma_listed
from app.services.llm.local_spaced_answers import spaced_answers, written_examples
from app.services.llm.local_stated_purpose import (
    add_stated_defaults,
    fit_callback,
)
from app.services.llm.local_stray import without_contact_wishes, without_shown_in_news
from app.services.llm.local_tick_box import add_tick_boxes, listed_with_boxes, take_tick_boxes
from app.services.llm.local_tick_wish import quoted_wishes
from app.services.llm.local_title_segments import headed_object, one_heading
from app.services.llm.local_trade_names import trade_name
from app.services.llm.local_translate import LANGUAGE_NAMES
from app.services.llm.local_urgent_examples import urgent_examples
from app.services.llm.local_valued_items import measured_numbers, without_heading_budget
from app.services.llm.local_visitor_notes import take_notes
from app.services.llm.local_visitor_voice import address_visitor, name_the_other
from app.services.llm.local_weekdays import days_of_the_week
from app.services.llm.local_which_last import which_first
from app.services.llm.local_whole_items import keep_told_together, read_whole
from app.services.llm.local_whole_quote import whole_quote
from app.services.llm.local_widget_hints import apply_widget_hints, read_widget_hints

_AUDIENCE_NOUNS = (
    "clients|customers|users|buyers|companies|businesses|teams|prospects|leads|developers|marketers|agencies|"
    "startups|enterprises|schools|students|parents|patients|professionals|owners|founders|executives|ctos|cfos|"
    "retailers|attendees|subscribers|readers|members|candidates|engineers|designers|smbs|smes|organizations|"
    "organisations|firms|brands|shoppers|homeowners|investors|nonprofits|hospitals|clinics|restaurants"
)
AUDIENCE_RES = [
    re.compile(
        r"\b(?:targeting|aimed at|aimed towards|geared towards|geared to|for an audience of)\s+(.+?)"
        r"(?=\s+(?:who|that|with|and we|so)\b|[.,;!?]|$)",
        re.I,
    ),
    re.compile(rf"\b(?:for|to)\s+((?:[\w&'-]+\s+){{0,4}}?(?:{_AUDIENCE_NOUNS}))\b", re.I),
]
_BUSINESS_NOUNS = (
    "firm|company|agency|startup|business|studio|practice|clinic|shop|store|platform|product|app|school|"
    "university|consultancy|bank|brand|restaurant|hotel|nonprofit|charity|service|tool|marketplace|lab|gym|"
    "manufacturer|retailer|law firm|hospital|provider|vendor|team|conference|podcast|blog|newsletter|community"
)
BUSINESS_RE = re.compile(
    rf"\b(?:for|at|of|by)\s+((?:an?|our|my|the)\s+(?:[\w&'-]+\s+){{0,5}}?(?:{_BUSINESS_NOUNS}))\b",
    re.I,
)
TOPIC_RE = re.compile(
    r"\b(?:on|about|titled|called)\s+[\"“']?(.+?)[\"”']?(?=\s+(?:for|targeting|aimed|with|that|who|"
    r"and)\b|[.,;:!?]|\s[-–—]\s|$)",  # ": name, email": the list of fields begins
    re.I,
)
# "Webinar registration: 'Scaling your Shopify store' on 12 March": the quoted title, not the date
QUOTED_TITLE = re.compile(
    r"(?:^|(?<=[\s(]))[\"“‘']([A-Za-z][^\"”’'\n,]{4,58}\S)[\"”’'](?=[\s,.;:)]|$)"
)


PLAYBOOKS = {
    "job_application": "Thank each candidate by email and say when they will hear back. Never make hiring decisions, "
    "promises or salary statements; escalate strong profiles (relevant experience, a complete "
    "portfolio) to the hiring manager with a one-line summary.",
    "sales_lead": "Qualify every lead from the email domain (business or free mail), company size, job title{budget} "
    "and what they wrote: score high when a decision-maker at a company of 51+ people shows clear "
    "intent, low for a free-mail address with a vague message. For high and medium leads create a "
    "deal and send a short, personal email that answers their request and proposes next steps; "
    "escalate anything unusual to a human. Never promise prices, discounts or dates.",
    # a quote for a household ("Solar panel quote: name, phone, postcode"): no company to weigh
    "sales_consumer": "Qualify every enquiry from what they asked for{budget} and what they wrote: score "
    "high when they give the details a quote needs and say when they want it, low for a vague "
    "message with nothing to act on. For high and medium leads create a deal and send a short, "
    "personal email that answers their request and proposes next steps; escalate anything unusual "
    "to a human. Never promise prices, discounts or dates.",
    "email_marketing": "Send a friendly welcome email (with the promised content or joining details), enroll the "
    "contact in the nurture sequence, and keep every email short and useful.",
    "support_triage": "Create a ticket for every request and acknowledge it by email with the ticket reference. "
    "Answer directly only when the fix is clear and safe; escalate urgent priority, outages, "
    "security, data-loss or billing disputes to a human straight away.",
    "booking_request": "Send the booking link in a short, friendly email, qualify the lead from the company and the "
    "topic, and escalate requests that need a specialist.",
    "direct_route": "Reply politely and briefly; answer simple questions directly and route sales, partnership, "
    "press or hiring matters to the right human with a one-line summary. Never make commitments.",
    "event": "Confirm each registration by email with the details the form gives (never promise a place, "
    "a time or a price the form does not state) and route questions about access, groups or special "
    "needs to the organiser. A registration is not consent to marketing: no newsletter unless they opted in.",
    "course": "Confirm each enrolment by email with the details the form gives (never promise a place, a "
    "start date or a price the form does not state) and route questions about fees, levels or access to "
    "the organiser. An enrolment is not consent to marketing: no newsletter unless they opted in.",
    "notify_only": "Summarise each submission for the team in two sentences and flag anything negative or urgent "
    "for a human to follow up; nothing is sent to the submitter automatically.",
}

logger = logging.getLogger(__name__)


def generate_form(description: str, draft: dict | None = None) -> dict:
    """A validated form config: a new draft from a description, or ``draft`` refined by instructions."""
    text = (description or "").strip()
    if not text:
        raise ValidationError(
            "Describe the form you want, e.g. “a demo request form for enterprise clients”.",
            fields={"description": "Describe the form you want."},
        )
    if len(text) > MAX_DESCRIPTION:
        raise ValidationError(
            f"Keep the description under {MAX_DESCRIPTION} characters.",
            fields={"description": f"Keep this under {MAX_DESCRIPTION} characters."},
        )
    if draft:
        from app.services.llm.local_refine_fallback import refine

        draft = validate_config(draft)
        try:
            return refine(draft, text)
        except ValidationError:
            raise
        except Exception:  # a reader's own bug is logged, and the marketer asked to rephrase
            logger.exception("local refinement failed on %r", text[:200])
            message = f"I could not turn this into a change to the form: “{text[:120]}”. Say exactly what to change."
            raise ValidationError(message, fields={"description": message}) from None
    config = build_form(text)
    notes = config.pop("notes", [])
    config, repaired = validated(config)  # never a 422 for the engine's own mistake
    notes += repaired
    return {**config, "notes": notes} if notes else config


def build_form(described: str) -> dict:
    """The draft for a description; ``notes`` lists what the marketer should check."""
    # "a tick box for 'send me event invites'": the quoted box is added as said, at the end
    # "I confirm this is my own work (checkbox)", "diet (dropdown: none, vegan)": the control
    # "subject(s)", "día(s)": the noun in its plural (several answers), read as "subjects"
    # "Formular für Mieter: Schaden melden. Name, …": one heading, the act's, before the list
    # "everyone must be over 18 tickbox", "Kästchen: AGB gelesen": a quoted tick box
    # "(e.g. leak, no hot water)", "(up to £5,000)": help and a limit, not answers
    # "is it an emergency (no water, no heating, leak)": what counts as one, the answer yes/no
    # "scratch the budget", "add a note that …", "send these to the DSL straight away": obeyed
    # "We teach violin, cello and flute. …, which instrument": the offerings, its answers;
    # "running a weekend retreat … need people to sign up: …": the retreat's sign-up
    # "Name / email / phone / postcode": a list written with slashes; "theyve": "they've";
    # "… that's it": the list ends at its stop marker
    said_to_builder, builder = read_builder_words(
        event_headed(
            offered_choices(
                list_ended(comma_listed(question_ends(restored(required_said(described)))))
            )
        )
    )
    said_to_builder = prose_extras(said_to_builder)  # "plus a box to get treats (optional X)"
    said_to_builder = written_examples(said_to_builder)  # "description (colour, brand)": examples
    # "currently using which roaster?": the open question it is, not "Currently using" yes/no
    asided, asides = take_asides(urgent_examples(which_first(said_to_builder)))
    asided, told_not = take_notes(asided)  # "Please don't include …": help, not a field
    asides += told_not
    asided, remarks = question_remarks(asided)  # "birthday? we'll bring a cake": its help
    asides += remarks
    asided = linked_yes_no(asided)  # "do you have a website (url)": yes/no, its address on Yes
    asided = ranges_listed(asided)  # "size (XS-XXL)", "shoe size (38-45)": the sizes to choose
    asided = spaced_answers(asided)  # "what kind of pet (dog cat other)": three answers
    asided = scales_written(asided)  # "(strongly agree to strongly disagree)": its answers
    written, widgets = read_widget_hints(said_boxes(plurals_said(one_heading(asided))))
    written, bounds = take_bounds(written)  # "players 2-6", "guests, max 40": min and max
    # "we come to you so we need your address": address (in the language it was said in)
    chatted = without_chatter(written)
    said_in = source_language(written) if chatted != written else None
    written = chatted
    written, ones = answer_asides(written)  # "Telefon freiwillig", "(S, M) one only": no field
    written = comma_contacts(written)  # "name email phone, level": three fields, then a fourth
    written = name_the_other(written)  # "the candidate's name, their email": the candidate's
    written, comment_boxes = read_comment_boxes(written)  # "a box for comments": what goes in it
    original, boxes = take_tick_boxes(quoted_wishes(written))  # "tick if you want X": a box
    # "tick boxes for A, B and C", "(Mon-Fri)", "(…) - more than one allowed": answer lists
    original, several = read_choice_lists(original)
    original = either_way(either_applies(original))  # "drop it off or …?"; "pregnant or …?"
    # Written in es/fr/de/pt: read in English (conditions too), labelled in the marketer's
    # language at the end.
    lang = source_language(original) or said_in
    # Dutch / Italian: read in English, labelled in the marketer's words at the end
    nl_it, original, nl_it_pairs = read_dutch_italian(original, lang)
    lang = None if nl_it else lang
    # "reason: a, b", "choose the topics you care about: a, b": one item with its answers
    said = options_after_leads(join_added_items(original), lang)  # "… Venue address too."
    said = keep_told_together(said, lang)  # "parlez-nous de votre logement et de votre jardin"
    english, pairs = to_english(said, lang) if lang else (said, [])
    description, extras = read_extras(english, foreign=bool(lang or nl_it))
    # "business type (sole trader, partnership)": answers to a field, no cue to the purpose
    # "email if you want to receive updates" says how the visitor may hear back, not what
    # the form is for
    told = without_conditions(
        without_shown_in_news(without_contact_wishes(extras["told"]))
    )  # "(if your employer pays)"
    kind, own_name, stated = read_kind(told, original, lang)  # what the form is, in order
    kind = routed_kind(kind, builder["route_to"])
    audience, business, topic = (
        find_audience(description),
        find_business(description),
        find_topic(description, kind),
    )
    fields = tailor_fields(kind, bracket_poll_choices(description))
    fields = listed_with_boxes(kind, fields, boxes)  # "email plus a checkbox to …": two asked
    fields = without_heading_budget(fields, original, lang)  # "Presupuesto: …" asks a quote
    add_defaults(kind, fields)
    fit_paid_fields(kind, fields)  # a trade account's business is required, an offer no field
    if own_name in CREATOR_NAMES:  # a creator is asked about their content
        creator_question(fields)
    fit_budget(fields, description, foreign=bool(lang))
    typed_as_worded(fields)  # "how do you track expenses": in words; "headcount": a number
    rated_person(fields, kind)  # "Talk feedback: speaker name": the speaker's, not the visitor's
    rated_in_words(fields, lang)  # "rate the venue": a mark from 1 to 5
    described_thing(fields, description)  # "what did you lose, description": of the item
    if not lang:  # "What your annual turnover is?" → "Annual turnover"
        direct_labels(fields)
    if own_name == "Callback Request":
        fit_callback(fields, correct_typos(description))
    elif stated:
        add_stated_defaults(own_name, fields)
    in_listed_order(fields)  # the marketer's list order, the engine's own fields around it
    purpose = own_name or form_name(kind, without_answers(correct_typos(description)))
    if own_name or purpose in ASKS_NO_QUOTE:  # "Franchise enquiry: …" is no pricing request
        fit_free_text(fields)
    # "We fix leaks. Plumbing callout request: …": named by its heading, not the preamble
    name = heading_named(
        drafted_name(original, lang, kind, own_name, purpose, topic),
        original,
        lambda headed: drafted_name(headed, lang, kind, own_name, purpose, topic),
    )
    name = whole_quote(name, original)  # 'Webinar "Scaling Outbound Feedback': a cut title
    config = {
        "name": name[:120],
        "slug": slugify(name, "form"),
        "description": described,
        "status": "draft",
        "type": kind["type"],
        "flow_id": kind["flow"],
        "fields": fields,
        "field_mapping": mapping_for(fields),
        "auto": {
            "create_contact": kind["flow"] != "notify_only",
            "create_company": any(f["name"] == "company" for f in fields),
            "log_activity": True,
        },
        "agent": {
            "instructions": instructions(kind, described, audience, business, fields)
            + _languages_note(extras["locales"]),
            "autonomy_level": kind["autonomy"],
            "allowed_actions": list(kind["actions"]),
        },
        "response": {"thank_you_message": kind["thanks"], "redirect_url": ""},
    }
    fit_placeholders(config["fields"], original)  # no "What happened" under "Describe the size"
    clock_times(config["fields"], original)  # a table is booked for 19:30, not "Evening"
    notes = apply_extras(config, extras)
    spell_acronyms(config["fields"], original)
    left = localize(config, lang, pairs) if lang else []
    if lang:
        stock_nps_said(config["fields"], lang)  # "NPS": the stock question, in their words
    renamed = read_again(config["name"], original, lang)  # what the form does, its subject
    renamed = headed_object(renamed or config["name"], original, lang) or renamed
    if renamed:  # "Inscripción – torneo de verano": the act word and what it is for
        config["name"], config["slug"] = renamed, slugify(renamed, "form")
    renamed = trade_name(config["name"], original, lang)  # "New Client Registration"
    if renamed:  # a trade's lead form, a newcomers' sign-up; no "form on our site", no typo
        config["name"], config["slug"] = renamed, slugify(renamed, "form")
    renamed = said_name(config["name"], original, lang)  # "Restaurant Listing Application"
    if renamed:  # a plural-only noun, who applies, a complaint, a heading "form of X for a Y"
        config["name"], config["slug"] = renamed, slugify(renamed, "form")
    renamed = headed_kind(config["name"], original, lang)  # "Yoga retreat feedback form: …"
    if renamed:  # the heading says the kind; a testimonial asked on it names no request
        config["name"], config["slug"] = renamed, slugify(renamed, "form")
    # "iPhone", "WhatsApp" in the marketer's language too
    spell_acronyms(config["fields"], original)
    label_units(config["fields"], lang)  # "¿Cuánto tiempo lleva con el dolor (días)?"
    asked_labels(config["fields"], lang)  # "In welche Richtung zeigt das Dach?"
    apply_consent(
        config, without_contact_wishes(original), lang
    )  # agreements and permissions asked for, one field each
    add_tick_boxes(config["fields"], boxes)
    apply_widget_hints(config["fields"], widgets)
    one_comment_box(config["fields"], comment_boxes)
    place_choices(config["fields"], written, lang)  # "service in store or on site": a choice
    settle_choices(config["fields"], described, lang, several)  # a choice read whole
    asked_as_said(config["fields"], original)  # "(if applicable)": optional; the child named
    needed_as_listed(config["fields"], original)  # "order number", "dog's name": required
    asked_if_only(config["fields"], original)  # "parent email if under 18": optional
    answer_the_request(config["fields"], original, config["flow_id"])  # a feature request
    read_whole(config["fields"], original, lang)  # "title, first name": the salutation
    ask_as_meant(config["fields"], original, lang)  # money a number, "why they deserve it"
    shape_answers(config, original, lang)  # "Notfallnummer": a phone; "would you recommend"
    bound_numbers(config["fields"], bounds)  # "Number of players", from 2 to 6
    measured_numbers(config["fields"], original)  # "length of the fence in metres": a number
    ranges_as_text(config["fields"])  # "age range you can play": words, not a number
    answer_types(config["fields"], original, lang)  # "items being returned (…)": several
    expected_answers(config)  # "Geburtsdatum des Kindes": a date; a grant's timeline in words
    on_scales(config, original)  # "overall (1-5), speed, reliability": all on one scale
    one_answer(config["fields"], ones)  # "drinks (latte, tea) only one": one answer
    if config["type"] == "sales" and not business_buyer(config["fields"], original):
        config["security"] = {"free_mail": "allow"}  # a couple's gmail address is no spam signal
    measure_labels(config["fields"], lang)  # "1 or 2 hours": the Duration, not its answers
    apply_asides(config["fields"], asides, lang)  # the examples as help, a money limit as a bound
    address_visitor(config["fields"], original, lang)  # "the customer's email": "Email"
    if nl_it:
        relabel_dutch_italian(config, nl_it, nl_it_pairs, described)
        config["slug"] = slugify(config["name"], "form")
    if lang or nl_it:  # "Envoyer", "Kies…", "María García", not "Submit", "Choose…"
        ask_as_questions(config["fields"], lang or nl_it)  # "sabes nadar": "¿Sabes nadar?"
        in_own_language(config, lang or nl_it)
        # "¿Cuántas?" → "¿Cuántas mascotas?"; "Name of the …" in their words, no longer left
        named = name_follow_ups(config["fields"], lang or nl_it)
        left = [text for text in left if text not in named]
    if left:
        notes.append(
            "Kept in English (translate them in the editor): "
            + "; ".join(f"“{t[:60]}”" for t in dict.fromkeys(left))
        )
    catch_alls_in_words(config["fields"])  # "anything else", "nog iets?": room to write
    days_of_the_week(config["fields"], described, lang or nl_it)  # "preferred day" of lessons
    said_lengths(config["fields"], described, nl_it or lang)  # "abstract (max 300 words)"
    years_as_numbers(config["fields"])  # "year of birth", "Geburtsjahr": 1900 to this year
    if lang or nl_it:  # "tipo_di_evento", not "tipo_of_event": a key from the label it has
        keys_in_own_words(config)
    keys_as_asked(config["fields"])  # "how_many_kids", not "how_many"
    obey_builder_words(config, builder)
    config["field_mapping"] = mapping_for(config["fields"])
    return {**config, "notes": notes} if notes else config


def mapping_for(fields: list) -> dict:
    mapping, used = {}, set()
    for f in fields:
        target = catalog.mapping_target(f["name"])
        if target and target not in used:
            mapping[f["name"]] = target
            used.add(target)
    return mapping


def find_audience(description: str) -> str | None:
    for pattern in AUDIENCE_RES:
        match = pattern.search(description)
        if match:
            return _clean_phrase(match.group(1))
    return None


def find_business(description: str) -> str | None:
    match = BUSINESS_RE.search(description)
    return _clean_phrase(match.group(1)) if match else None


def find_topic(description: str, kind: dict) -> str | None:
    if kind["key"] not in ("webinar", "download", "event"):
        return None
    match = QUOTED_TITLE.search(description) or TOPIC_RE.search(description)
    if not match:
        return None
    topic = _clean_phrase(match.group(1))
    return topic[:1].upper() + topic[1:] if topic and len(topic) <= 60 else None


def _clean_phrase(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .,;:'\"“”")[:120]


def _languages_note(locales: list) -> str:
    """The agent answers a visitor of a translated form in the language they wrote in."""
    if not locales:
        return ""
    names = [LANGUAGE_NAMES[code] for code in locales]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f" The form is also in {listed}: reply in the language the visitor wrote in."


# a field that asks about the buyer's business: the B2B brief weighs it
_BUSINESS_FIELD = re.compile(
    r"^(?:company|company_\w+|job_title|work_email|organi[sz]ation\w*|business_\w+)$"
)


def instructions(kind: dict, description: str, audience, business, fields: list) -> str:
    who = f" for {business}" if business else ""
    parts = [f"This form is used to {kind['goal']}{who}."]
    if audience:
        parts.append(f"The audience is {audience}: write for them, in their terms.")
    has_budget = any(f["name"] == "budget" for f in fields)
    playbook = kind.get("playbook") or PLAYBOOKS.get(kind["key"], PLAYBOOKS[kind["flow"]])
    if playbook == PLAYBOOKS["sales_lead"] and not any(
        _BUSINESS_FIELD.search(f["name"]) for f in fields
    ):
        playbook = PLAYBOOKS["sales_consumer"]  # nobody asked for a company, a size or a title
    parts.append(playbook.replace("{budget}", ", budget" if has_budget else ""))
    brief = re.sub(r"\s+", " ", description).strip(" .,;:'\"“”")
    if len(brief) > 300:  # cut at a word, and say so
        brief = brief[:300].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    parts.append(f"Brief from the marketer: “{brief}”.")
    return " ".join(parts)
