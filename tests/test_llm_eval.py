"""The local engine on its evaluation sets (tests/eval/, issue 20), with a floor.

A regression gate, not a tuned target: the sets were written as marketers and
visitors write, across 20+ industries; ``make eval`` prints every miss.
"""

from __future__ import annotations

import pytest

from app.services.llm.local_forms import generate_form
from app.services.llm.local_refine_examples import examples
from tests.eval import run

# Measured at the end of issue 20: 245/249, 147/150, 37/37; after the clause
# reader and the structural vendor/competitor check (44 descriptions and 32 leads
# written blind and added): 285/293, 179/182, 37/37; round 3 (45 more descriptions
# written blind) and two older misses fixed: 362/368. A floor a little under each,
# so a change that makes the engine worse on them fails here.
# Form purpose (partner, supplier, sales forms; 24 leads): 12/16 before the purpose reader,
# 24/24 after (8 of them written after the change: 7/8 on first run).
# Logic, steps and languages in descriptions (26): 13/16 on the first batch, 8/10 on the
# second (written after the first round of fixes), 26/26 after.
# Round 6 (25 descriptions: conditions, steps, uploads, ratings; 10 leads in es/fr/de/pt),
# written before the changes: 2/25 and 5/10 on first run; 25/25 and 10/10 after; a second
# batch (8 + 4) 4/8 and 4/4 on first run, 8/8 after (33/33 with the `file` type).
# Round 7 (37 descriptions for six miss classes, written before the change): 10/37 on first
# run, 37/37 after; a second batch (14) 12/14 on first run; probes per class (29) 6/29
# before their fixes; a third batch (12) 8/12 on first run; 4 more probes 0/4; 96/96 after.
# Round 7b (engine_b; applications to take part, exit surveys, descriptions in es/fr/de/pt,
# follow-ups inside a list; competitors and customers' support among leads), written before
# the changes: 16/44 and 9/14 on first run, 41/44 and 14/14 after; second batches written
# after those fixes: 16/22 and 4/7 on first run, 21/22 and 7/7 after; third batches 9/12 and
# 6/7 on first run, 12/12 and 7/7 after; with probes kept as cases, 97/102 and 34/34.
# Round 8 (engine_c; B2B services asked for with a proposal, bracketed options in es/fr/de/pt,
# fields named in passing and acronyms, "When …?" questions; small-business owners and
# partners in es/fr/de/pt), written before the changes: 16/28 and 4/11 on first run; a
# second lead batch 3/7; probes appended as cases; a batch written after the fixes 8/10 and
# 3/4 on first run, a third 6/10 and 4/4; 4 lead probes 2/4; 67/67 and 30/30 after.
# Round 9 (engine_d; the purpose word beats business nouns, privacy/legal requests, course
# registrations with "how did you hear", "any X needs" and "X installed (yes/no)" fields;
# competitors who want to swap notes), written before the changes: 18/33 and 6/12 on first
# run (39 and 12 with nine probes added before the fix), 38/39 and 12/12 after; a second batch
# written after those fixes: 13/19 and 4/6 on first run, 18/19 and 6/6 after; a third 8/13
# and 4/5, 12/13 and 5/5 after; a last blind batch 3/8 and 2/4, 8/8 and 4/4 after; with
# probes kept as cases, 97/99 and 36/36.
# Round 10 (engine_e; bare nouns named on signups, one-word upload nouns in es/fr/de/pt,
# callbacks about a product; es/pt owners naming their business only in the message,
# reseller verbs in other languages), written before the changes: 10/20 and 8/11 on first
# run; a second batch written after the fixes 9/10 and 6 lead probes 4/6; 30/30, 17/17 after.
# Round 11 (engine_f; the form's stated kind in its opening words — a repair booking, a
# contact form asking a budget, a workshop proposal —, "<noun> upload" items, callbacks asked
# for in es/fr/de/pt), written before the changes: 15/31 on first run; a second batch
# written after the fixes 11/14; with eight probes kept as cases, 53/53 after.
# Round 12 (engine_g; "date it was <participle>", "<noun> with <noun> (yes/no)", price units
# on applications, a named organisation field; resellers with a client count in es/fr/de/pt),
# written before the changes: 7/24 and 2/8 on first run, 24/24 and 8/8 after; four cases
# about booking our speaker written after the fix; a second batch written after the fixes
# 3/8 and 4/5 on first run; 36/36 and 13/13 after.
# Round 13b (engine e13b; stray fields: the purpose restated in the opening words with a verb
# or a noun phrase, sentences about the form, a heading before the list, questions cut inside
# a list and qualifiers such as "if you have one"), written before the changes: 9/52 on first
# run, 52/52 after; a second batch written after the fixes 10/12 on first run, three probes
# 0/3; 67/67 after.
# Round 13a (durations named as fields, a job to do at home is a lead, short es/fr/de/pt
# descriptions, a named email/phone replaces the default, English with one shared word;
# refinements in es/fr/de/pt), written before the changes: 19/41 and 0/20 on first run,
# 41/41 and 20/20 after; a second batch written after the fixes 14/15 and 8/8 on first run.
# Round 13d (the kind of answer a field asks for: yes/no notes in a list, reasons and
# opinions as free text, content lists as long text, paired times, every follow-up on yes,
# past tenses kept), written before the changes: 11/54 on first run, 54/54 after; a second
# batch written after the fixes 16/18 on first run; 84/84 with twelve probes written before
# their fixes.
# Round 13c (one role, one field: the engine's own free-text question next to one asked,
# a second email or name for a qualified one, its own question required on a listed form,
# defaults that do not fit the purpose, one concept asked twice), written before the
# changes: 14/48 on first run, 48/48 after; a second batch written after the fixes: 8/21 on
# main, 21/21 by its checks as first written, 18/21 once three loose checks were tightened
# on reading the drafts, 21/21 after; twenty probes kept as cases (3/20 on main); 89/89.
# Round 13e (bracketed answers on their noun, never a "Choice"; "a ou b" kept in the
# description's language; franchise / sample / investor / partnership enquiries named for
# themselves; service plans, staff forms, trade emergencies; rating questions), written
# before the changes: 10/48 on first run; a second batch written after the fixes 14/16;
# with ten probes kept as cases, 74/74 after.
# Round 13f (agreements and confirmations asked for in a description: a required statement
# box in the marketer's language, marketing opt-ins the consent type, photo permission a
# Yes/No, nothing added unasked), written before the changes: 3/26 on first run, 26/26
# after; a second batch written after the fixes 10/12 on first run, 38/38 after; three
# probes (a bare "terms and conditions", "fee waiver request", terms named in a question)
# 0/3 before their fix, 41/41 after.
# Round 14c (the person filling the form in, or the main question, asked twice: "<role>
# name" for the person the form addresses, the main question in the marketer's word in any
# language, a named symptom instead of "Describe the problem", nothing beyond the email on an
# "email plus X" signup), written before the changes: 9/40 on first run, 39/40 after; a
# second batch written after the fixes 20/25 (9/25 on main); three probes 1/3; 67/68 after.
# Round 14a (one list item read into the wrong field: a trailing condition cut into the
# label, compound date/time items and "needed by", questions cut from their verb, nouns of
# an upload made uploads, "X or Y" naming one value made a select, "any X in the last N
# years?" counted), written before the changes: 10/39 on first run, 39/39 after; a second
# batch written after the fixes 14/17 on first run, four es/fr/de/pt probes 0/4, a third
# batch 6/8; 68/68.
# Refine 16r (fields named for what they are, several at once or all but some, the form's
# name, options, the kind of answer, order, "phone: required", in en/es/fr/de/pt), written
# before the change: 14/76 on first run, 76/76 after; a second batch written after the
# fixes 20/26 on first run; three vague probes 0/3; 105/105 (20/105 on main).
FLOORS = {
    "generation": 0.90,
    "scoring": 0.95,
    "refinement": 0.90,
    "purpose": 0.90,
    "extras": 0.85,
    "round 6": 0.90,
    "languages": 0.90,
    "round 7": 0.90,
    "round 7b": 0.88,
    "leads 7": 0.90,
    "round 8": 0.90,
    "leads 8": 0.90,
    "round 9": 0.90,
    "leads 9": 0.90,
    "round 10": 0.90,
    "leads 10": 0.90,
    "round 11": 0.90,
    "round 12": 0.90,
    "leads 12": 0.90,
    "leads 16": 0.90,
    "leads 21": 0.90,
    "leads 24": 0.90,
    "leads 26": 0.90,
    "leads 38": 0.90,
    "leads 38s": 0.90,
    "leads 39": 0.90,
    "leads 40": 0.90,
    "leads 40s": 0.90,
    "leads 41": 0.90,
    "leads 42": 0.90,
    "leads 43": 0.90,
    "leads 44": 0.90,
    "round 44s": 0.90,
    "round 43s": 0.90,
    "replies 38": 0.90,
    "replies 41c": 0.90,
    "refine 26r": 0.90,
    "refine 28r": 0.90,
    "refine 31r": 0.90,
    "refine 33r": 0.90,
    "refine blind": 0.90,
    "refine words": 0.90,
    "refine 42c": 0.90,
    "refine 43c": 0.90,
    "refine 44s": 0.90,
    "refine 44c": 0.90,
    "round 13b": 0.90,
    "round 13a": 0.90,
    "refine 13a": 0.90,
    "round 13d": 0.90,
    "round 13c": 0.90,
    "round 13e": 0.90,
    "round 13f": 0.90,
    "round 14c": 0.90,
    "round 14a": 0.90,
    "round 14b": 0.90,
    "round 15a": 0.90,
    "round 15b": 0.90,
    "round 16f": 0.90,
    "round 16g": 0.90,
    "round 16h": 0.90,
    "round 16i": 0.90,
    "round 16j": 0.90,
    "round 16c": 0.90,
    "refine 16r": 0.90,
    "round 16e": 0.90,
    "round 16k": 0.90,
    "round 16l": 0.90,
    "round 16m": 0.90,
    "round 16a": 0.90,
    "round 16b": 0.90,
    "round 16d": 0.90,
    "round 17b": 0.90,
    "replies": 0.90,
    "round 17f": 0.90,
    "round 17g": 0.90,
    "round 18d": 0.90,
    "round 18b": 0.90,
    "round 19d": 0.90,
    "round 20a": 0.90,
    "round 21a": 0.90,
    "round 22a": 0.90,
    "refine 17r": 0.90,
    "round 17d": 0.90,
    "round 17e": 0.90,
    "round 17c": 0.90,
    "round 17a": 0.90,
    "refine 18r": 0.90,
    "refine 21r": 0.90,
    "refine 24r": 0.90,
    "round 21s": 0.90,
    "round 18s": 0.90,
    "round 18a": 0.90,
    "round 18c": 0.90,
    "round 19c": 0.90,
    "round 20b": 0.90,
    "round 21d": 0.90,
    "round 19b": 0.90,
    "round 21b": 0.90,
    "round 19a": 0.90,
    "round 21c": 0.90,
    "round 22b": 0.90,
    "round 23a": 0.90,
    "round 24c": 0.90,
    "round 25b": 0.90,
    "round 23b": 0.90,
    "round 24b": 0.90,
    "round 24a": 0.90,
    "round 25c": 0.90,
    "round 26b": 0.90,
    "round 25a": 0.90,
    "round 25s": 0.90,
    "round 26s": 0.90,
    "round 31s": 0.90,
    "round 33s": 0.90,
    "round 35s": 0.90,
    "round 26c": 0.90,
    "round 27b": 0.90,
    "round 26a": 0.90,
    "round 27c": 0.90,
    "round 27a": 0.90,
    "round 28a": 0.90,
    "round 28b": 0.90,
    "round 28c": 0.90,
    "round 30c": 0.90,
    "round 29c": 0.90,
    "round 29b": 0.90,
    "round 29a": 0.90,
    "round 30a": 0.90,
    "round 30b": 0.90,
    "round 31a": 0.90,
    "round 31c": 0.90,
    "round 32c": 0.90,
    "round 31b": 0.90,
    "round 32b": 0.90,
    "round 33b": 0.90,
    "round 32a": 0.90,
    "round 33c": 0.90,
    "round 33a": 0.90,
    "round 34a": 0.90,
    "round 34c": 0.90,
    "round 34b": 0.90,
    "round 35a": 0.90,
    "round 35b": 0.90,
    "round 35d": 0.90,
    "round 35c": 0.90,
    "round 36a": 0.90,
    "round 36c": 0.90,
    "round 37a": 0.90,
    "round 37s": 0.90,
    "round 38a": 0.90,
    "round 37c": 0.90,
    "round 36b": 0.90,
    "round 37e": 0.90,
    "round 38b": 0.90,
    "round 39a": 0.90,
    "round 39b": 0.90,
    "round 39s": 0.90,
    "round 40m": 0.90,
    "round 40s": 0.90,
    "round 41s": 0.90,
    "round 42a": 0.90,
    "round 41b": 0.90,
    "round 41a": 0.90,
    "round 40a": 0.90,
    "round 40b": 0.90,
    "round 41c": 0.90,
    "round 42b": 0.90,
    "round 43a": 0.90,
    "round 43b": 0.90,
    "round 44a": 0.90,
    "round 44b": 0.90,
    "round 37d": 0.90,
    "round 37b": 0.90,
}
SIZES = {
    "generation": 100,
    "scoring": 100,
    "refinement": 30,
    "purpose": 20,
    "extras": 20,
    "round 6": 33,
    "languages": 14,
    "round 7": 90,
    "round 7b": 80,
    "leads 7": 28,
    "round 8": 50,
    "leads 8": 20,
    "round 9": 80,
    "leads 9": 30,
    "round 10": 28,
    "leads 10": 15,
    "round 11": 48,
    "round 12": 36,
    "leads 12": 13,
    "leads 16": 8,
    "leads 21": 20,
    "leads 24": 14,
    "leads 26": 31,
    "leads 38": 25,
    "leads 38s": 7,
    "leads 39": 25,
    "leads 40": 23,
    "leads 40s": 5,
    "leads 41": 15,
    "leads 42": 8,
    "leads 43": 17,
    "leads 44": 9,
    "round 44s": 45,
    "round 43s": 21,
    "replies 38": 10,
    "replies 41c": 18,
    "refine 26r": 18,
    "refine 28r": 17,
    "refine 31r": 14,
    "refine 33r": 19,
    "refine blind": 20,
    "refine words": 314,
    "refine 42c": 35,
    "refine 43c": 35,
    "refine 44s": 54,
    "refine 44c": 72,
    "round 13b": 60,
    "round 13a": 59,
    "refine 13a": 32,
    "round 13d": 84,
    "round 13c": 60,
    "round 13e": 74,
    "round 13f": 44,
    "round 14c": 68,
    "round 14a": 68,
    "round 14b": 65,
    "round 15a": 26,
    "round 15b": 20,
    "round 16f": 20,
    "round 16g": 19,
    "round 16h": 12,
    "round 16i": 10,
    "round 16j": 9,
    "round 16c": 57,
    "refine 16r": 105,
    "round 16e": 50,
    "round 16k": 24,
    "round 16l": 18,
    "round 16m": 16,
    "round 16a": 50,
    "round 16b": 58,
    "round 16d": 45,
    "replies": 56,
    "refine 18r": 25,
    "refine 21r": 25,
    "refine 24r": 64,
    "round 21s": 47,
    "round 18s": 19,
    "round 17f": 24,
    "round 17g": 17,
    "round 18d": 64,
    "round 18b": 95,
    "round 19d": 43,
    "round 20a": 55,
    "round 21a": 71,
    "round 22a": 48,
    "refine 17r": 17,
    "round 17d": 49,
    "round 17e": 72,
    "round 17b": 55,
    "round 17c": 45,
    "round 17a": 73,
    "round 18a": 82,
    "round 18c": 50,
    "round 19c": 45,
    "round 20b": 43,
    "round 21d": 43,
    "round 19b": 57,
    "round 21b": 55,
    "round 19a": 46,
    "round 21c": 49,
    "round 22b": 51,
    "round 23a": 30,
    "round 24c": 34,
    "round 25b": 51,
    "round 23b": 47,
    "round 24b": 51,
    "round 24a": 52,
    "round 25c": 43,
    "round 26b": 49,
    "round 25a": 73,
    "round 25s": 16,
    "round 26s": 24,
    "round 31s": 37,
    "round 33s": 43,
    "round 35s": 32,
    "round 26c": 45,
    "round 27b": 48,
    "round 26a": 47,
    "round 27c": 40,
    "round 27a": 48,
    "round 28a": 34,
    "round 28b": 33,
    "round 28c": 37,
    "round 30c": 24,
    "round 29c": 32,
    "round 29b": 28,
    "round 29a": 28,
    "round 30a": 26,
    "round 30b": 23,
    "round 31a": 24,
    "round 31c": 30,
    "round 32c": 24,
    "round 31b": 26,
    "round 32b": 29,
    "round 33b": 30,
    "round 32a": 29,
    "round 33c": 24,
    "round 33a": 28,
    "round 34a": 26,
    "round 34c": 29,
    "round 34b": 22,
    "round 35a": 17,
    "round 35b": 19,
    "round 35d": 21,
    "round 35c": 18,
    "round 36a": 17,
    "round 36c": 25,
    "round 37a": 29,
    "round 37s": 20,
    "round 38a": 27,
    "round 37c": 26,
    "round 36b": 23,
    "round 37e": 28,
    "round 37d": 28,
    "round 37b": 26,
    "round 38b": 29,
    "round 39a": 25,
    "round 39b": 34,
    "round 39s": 11,
    "round 40m": 11,
    "round 40s": 10,
    "round 41s": 17,
    "round 42a": 25,
    "round 41b": 33,
    "round 41a": 31,
    "round 40a": 29,
    "round 40b": 24,
    "round 41c": 20,
    "round 42b": 25,
    "round 43a": 25,
    "round 43b": 25,
    "round 44a": 43,
    "round 44b": 25,
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_local_engine_stays_above_its_floor(name):
    passed, total, misses = run.score(name)
    assert total >= SIZES[name]
    assert passed / total >= FLOORS[name], "\n".join(misses)


# The draft lint over every description of every set (stray, repeated and unasked-for
# required fields): 640/924 clean when it was written (stop 13); 1127/1139 after rounds 13a, 13b
# and 13c (one role, one field). It may only go up.
LINT_FLOOR = 0.98


# Every description of every set (about 5,000 drafts), in four shards so that the test workers
# share them; each shard is more than the suite's 120 s per test when the cores are shared.
@pytest.mark.timeout(600)
@pytest.mark.parametrize("shard", range(4))
def test_drafts_carry_no_stray_repeated_or_unasked_for_required_fields(shard):
    clean, total, findings = run.lint(shard, 4)
    assert clean / total >= LINT_FLOOR, "\n".join(findings)


def test_the_draft_lint_finds_what_a_marketer_strikes_out():
    draft = {
        "fields": [
            {"name": "email", "label": "Email", "type": "email", "required": True},
            {"name": "contact_email", "label": "Contact email", "type": "email", "required": False},
            {"name": "book", "label": "Book a tasting", "type": "text", "required": False},
            {"name": "tool", "label": "Tool are", "type": "text", "required": False},
            {"name": "reason_x", "label": "Reason for return", "type": "text", "required": False},
            {
                "name": "description",
                "label": "Describe the problem",
                "type": "textarea",
                "required": True,
            },
        ]
    }
    found = run.draft_lint("Returns: book a tasting, contact email, reason for return", draft)
    assert found == [
        "stray 'Book a tasting'",
        "stray 'Tool are'",
        "2 email fields",
        "'Describe the problem' next to ['Reason for return']",
        "requires 'Describe the problem' (not asked for)",
    ]
    assert (
        run.draft_lint("Contact form: name, email, message", {"fields": draft["fields"][:1]}) == []
    )


def test_the_draft_lint_counts_a_person_or_a_main_question_asked_twice():
    def field(name, label, kind="text"):
        return {"name": name, "label": label, "type": kind, "required": False}

    # the person the form addresses, named by their part in it, beside the default name
    twice = {"fields": [field("name", "Full name"), field("rider_name", "Rider name")]}
    assert run.draft_lint("Sign-up for riders: rider name, email, bike", twice) == [
        "name asked twice: ['Full name', 'Rider name']"
    ]
    # two people (another person's name, a thing's name) stay two
    for said, label in (
        ("Camp sign-up for children: child name, age", "Child name"),
        ("Sign-up for riders: name, rider name", "Rider name"),
        ("Entry form for our rally: rally name, email", "Rally name"),
    ):
        draft = {"fields": [field("name", "Full name"), field("x", label)]}
        assert run.draft_lint(said, draft) == [], said
    # the engine's question, translated, beside the marketer's word for it
    own = field("message", "Wie können wir helfen?", "textarea")
    asked = {"fields": [field("name", "Name"), field("anliegen", "Anliegen"), own]}
    assert run.draft_lint("Kontakt: Name, E-Mail, Anliegen", asked) == [
        "'Wie können wir helfen?' next to ['Anliegen']"
    ]
    # a first name nobody asked for on an "email plus X" signup
    signup = {
        "flow_id": "email_marketing",
        "fields": [field("email", "Email", "email"), field("first_name", "First name")],
    }
    assert run.draft_lint("Newsletter: email plus a consent box", signup) == [
        "adds 'First name' (not asked for)"
    ]


def test_the_sets_cover_twenty_industries_and_the_non_buyers():
    leads = run.load("leads.jsonl")
    whys = " ".join(case["why"] for case in leads)
    for kind in (
        "competitor",
        "student",
        "journalist",
        "job seeker",
        "vendor",
        "opt-out",
        "support",
    ):
        assert kind in whys, kind
    assert sum(case["expect"] == "low" and case.get("deal") is False for case in leads) >= 30
    flows = {case["flow"] for case in run.load("forms.jsonl")}
    assert flows == {
        "sales_lead",
        "support_triage",
        "booking_request",
        "email_marketing",
        "direct_route",
        "notify_only",
    }


def test_every_example_offered_for_a_vague_refinement_applies_on_every_generated_form():
    for case in run.load("forms.jsonl"):
        draft = generate_form(case["d"])
        offered = examples(draft)
        assert len(offered) == 3, case["d"]
        for example in offered:
            assert generate_form(example, draft) != draft, (case["d"], example)


def test_a_miss_is_reported_with_what_went_wrong():
    problems = run.check_form({"d": "Newsletter signup", "flow": "sales_lead", "must": ["fax"]})
    assert problems == ["flow email_marketing (expected sales_lead)", "missing fax"]


def test_the_grounding_validator_catches_invented_facts_without_false_alarms():
    # 28 invented numbers, dates and names in 30 replies (10 written after the checker):
    # 27 caught (an all-capital firm name, "KPMG", passes as an acronym), no false alarm.
    g = run.grounding()
    assert g["caught"] / (g["caught"] + g["missed"]) >= 0.9
    assert g["false"] <= 1 and g["flagged"] == 0 and g["messages"] >= 100
