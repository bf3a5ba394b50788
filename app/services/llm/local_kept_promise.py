"""A kind's stock thank-you is kept only when the form asks for what it promises (round 37e).

Three kinds take far more forms than the one their thank-you was written for. The pricing
kind takes every enquiry a business answers, and promised each "a tailored quote": a tutoring,
dog-training, gym or mortgage enquiry, or a free survey, that names no price is answered (a
matched tutor, the plans, a visit arranged), not quoted; a job to price keeps its quote. The
booking kind promised "a link to confirm a time that suits you": a holiday cottage, a B&B room,
an equipment hire or a day pass asks for dates and no time, and the team checks those dates
before anything is confirmed. The waitlist kind promised "as soon as your spot opens up": a
waitlist for a new desk or app hears when it is available, there is no spot to open. And an
anonymous report or gift was promised a reply by email that nobody can send. Read on
the whole description in English and as written (es/fr/de/pt), so a foreign form thanks in its
language from the phrase table.
"""

from __future__ import annotations

import re

from app.services.llm.local_stated_purpose import OPENING_END

# what a quote is about: a price, a budget, a valuation, a trade price list
_PRICE = re.compile(
    r"\bquot(?:e|es|ation|ations|ing)\b|\bestimat\w*|\bpric\w*|\bcosts?\b|\bcosting\w*|"
    r"\bhow much\b|\bbudget\w*|\brates?\b|\bfees?\b|\btariffs?\b|\btenders?\b|\brf[pq]s?\b|"
    r"\bproposals?\b|\bvaluations?\b|\bapprais\w+|\bwholesale\b|\bbulk\b|\btrade\b|"
    r"\bpresupuesto\w*|\bprecios?\b|\bcoste?s?\b|\bcotizaci[oó]n\w*|\bdevis\b|\bprix\b|"
    r"\btarif\w*|\bangebot\w*|\w*preis\w*|\bkosten\w*|\bor[çc]amento\w*|\bpre[çc]os?\b|\bcusto\w*",
    re.I,
)
# what a person joins, is taught, advised or examined on, at the business's set terms: a
# tutoring, a gym or a mortgage enquiry is answered (a matched tutor, the plans), never quoted
_ANSWERED = re.compile(
    r"\btutor\w*|\btuition\b|\blessons?\b|\bcoach\w*|\btrain(?:ing|ers?)\b|\bclass(?:es)?\b|"
    r"\bcourses?\b|\bschools?\b|\bacadem(?:y|ies)\b|\bgyms?\b|\bfitness\b|\bmembers?(?:hips?)?\b|"
    r"\bclubs?\b|\bcounsell?\w*|\btherap\w*|\bchildmind\w*|\bnann(?:y|ies)\b|\bpatients?\b|"
    r"\bmortgages?\b|\bloans?\b|\bfranchis\w*|\binvest\w*|\bnutrition\w*|\bmentor\w*|"
    r"\bnachhilfe\w*|\bunterricht\w*|\bkurs\w*|\bclases?\b|\bcours\b|\baulas?\b|"
    r"\bexplica[çc][õo]es\b|\bfitnessstudio\w*|"
    # a free survey or consultation is arranged first: the quote, if any, comes after it
    r"\b(?:free|complimentary|no[- ]obligation)\b(?:,? no[- ]obligation)? (?:[\w-]+ ){0,3}?"
    r"(?:surveys?|audits?|inspections?|assessments?|consultations?|health ?checks?|reviews?|"
    r"(?:strategy|discovery|intro\w*) calls?)\b|\bconsulta gratuita\b|"
    r"\bconsultation gratuite\b|\bkostenlose? \w*beratung\b",
    re.I,
)
_QUOTE_THANKS = "Thanks! A specialist will send you a tailored quote within one business day."
ENQUIRY_THANKS = "Thanks for your enquiry! We'll get back to you within one business day."
INQUIRY_THANKS = "Thanks for your inquiry! We'll get back to you within one business day."

# a date or a stay asked for ...
_DATES = re.compile(
    r"\b(?:dates?|(?<!open )days?|arrival|departure|arriving|leaving|check[- ]?ins?|check[- ]?outs?|"
    r"nights|overnight|weekends?|pick[- ]?up|drop[- ]?off|fechas?|d[ií]as?|llegada|salida|noches?|"
    r"jours?|arriv[ée]e|d[ée]part|nuits?|datum|\w*tag|anreise|abreise|n[äa]chte|data|dias?|"
    r"chegada|partida|noites?)\b",
    re.I,
)
# ... and never a time of day, nor a visit that has one (an appointment, a lesson, a call)
_TIMED = re.compile(
    r"\b(?:times?|slots?|hours?|o'?clock|am|pm|mornings?|afternoons?|evenings?|appointments?|"
    r"lessons?|class(?:es)?|sessions?|consultations?|calls?|meetings?|viewings?|tours?|"
    r"treatments?|horas?|horarios?|citas?|heures?|horaires?|rendez-vous|cr[ée]neaux?|clases?|"
    r"cours|s[ée]ances?|sesi[oó]n(?:es)?|aulas?|kurs\w*|"
    r"\w*zeit\w*|\w*termin\w*|hor[áa]rios?|consultas?|marca[çc][ãa]o)\b|\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b",
    re.I,
)
# dates that are no day to come: a birthday, the last service, a vaccination up to date
_PAST_DATES = re.compile(
    r"\bdates? of birth\b|\bbirth ?dates?\b|\bup to date\b|\bexpiry dates?\b|"
    r"\blast [\w-]+(?: \w+)? dates?\b|\bdates? of (?:the |your )?last\b|\bgeburtsdatum\b|"
    r"\b(?:dates?|fecha|data) (?:de|da) (?:nacimiento|naissance|nascimento)\b",
    re.I,
)
_TIME_THANKS = "Thanks! Check your inbox for a link to confirm a time that suits you."
DATES_THANKS = (
    "Thanks for your booking request! We'll check availability and confirm by email shortly."
)
DATES_GOAL = "check availability for booking requests and confirm them"
DATES_PLAYBOOK = (
    "Check availability for the dates the form gives and reply by email to confirm them or "
    "offer the nearest free dates (never confirm a booking, a price or a deposit the team has "
    "not); pass special requests and large groups to a human."
)

# a thing that becomes available to everyone at once: a launch, a restock, an app
_PRODUCT = re.compile(
    r"\b(?:products?|launch\w*|apps?|restock\w*|back in stock|releases?|pre-?orders?|drops?|"
    r"beta|early access|new (?!(?:class|course|term|season|session|intake)\w*\b)\w+|"
    r"nuev[oa]s?|nouveaux?|nouvelles?|neue[nmrs]?|nov[oa]s?|lanzamiento|lancement)\b",
    re.I,
)
# a place handed out in turn: a seat at a course, a table, a plot
_PLACE = re.compile(
    r"\b(?:places?|spots?|seats?|tables?|tickets?|class(?:es)?|courses?|lessons?|workshops?|"
    r"sessions?|events?|appointments?|memberships?|plots?|nursery|school|intake|term)\b",
    re.I,
)
_SPOT_THANKS = "You're on the list! We'll email you as soon as your spot opens up."
AVAILABLE_THANKS = "You're on the list! We'll email you as soon as it's available."


# a form that takes no name or address back: nobody can be replied to, called or sent anything
_ANONYMOUS = re.compile(
    r"\banonym\w*|\bno (?:names?|contact details|personal details)\b|\bsans coordonn[ée]es\b|"
    r"\ban[óo]nim[oa]s?\b|\bsin datos (?:personales|de contacto)\b|\bkeine pers[öo]nlichen daten\b",
    re.I,
)
# ... unless the marketer offers a way back ("email (optional) if you'd like a reply")
_WAY_BACK = re.compile(r"\breply\b|\bget back\b|\bcontact you\b|\brespuesta\b|\br[ée]ponse\b", re.I)
_PROMISED_REPLY = re.compile(
    r"\breply\b|\bget back\b|\bin touch\b|\bcall you\b|\binbox\b|\bemail you\b|\bsend you\b",
    re.I,
)
RECEIVED_THANKS = "Thank you! We have received your submission."

# a request to end something: confirmed, never "reviewed" like an application
_CANCEL = re.compile(
    r"\bcancel\w*|\bterminat\w*|\bunsubscrib\w*|\bk[üu]ndig\w*|\bannul\w*|\br[ée]siliation\b|"
    r"\bcancela\w*|\bbaja\b(?! (?:maternal|paternal|m[ée]dica|por))|\brescis\w*|\bopzeg\w*|"
    r"\bdisdett\w*",
    re.I,
)
CANCEL_THANKS = "We've received your cancellation request and will confirm it by email."


def keep_promise(kind: dict, told: str, original: str) -> dict:
    """``kind`` with a thank-you that promises what the form asks for, where its stock one
    (a quote, a time, a spot) promises what it does not; ``kind`` itself otherwise."""
    said = f"{told} {original}"
    if (
        _ANONYMOUS.search(said)
        and not _WAY_BACK.search(said)
        and _PROMISED_REPLY.search(kind["thanks"])
    ):
        return {**kind, "thanks": RECEIVED_THANKS}
    heading = (
        f"{OPENING_END.split(told, maxsplit=1)[0]} {OPENING_END.split(original, maxsplit=1)[0]}"
    )
    if (
        _CANCEL.search(heading)
        and not _CANCEL.search(kind["thanks"])
        and "feedback" not in kind["thanks"]
        and not re.search(
            r"\bsurvey|\bfeedback|\bquestionnaire|\bpoll\b|\bpolic(?:y|ies)\b", heading, re.I
        )
    ):  # "Cancel my membership": confirmed; a cancellation survey thanks for the feedback
        return {**kind, "thanks": CANCEL_THANKS}
    if kind["thanks"] == _QUOTE_THANKS and _ANSWERED.search(heading) and not _PRICE.search(said):
        thanks = INQUIRY_THANKS if re.search(r"\binquir", original, re.I) else ENQUIRY_THANKS
        return {
            **kind,
            "goal": "answer enquiries and follow up the promising ones",
            "thanks": thanks,
        }
    dated = _DATES.search(_PAST_DATES.sub(" ", said))
    if kind["thanks"] == _TIME_THANKS and dated and not _TIMED.search(said):
        return {**kind, "goal": DATES_GOAL, "thanks": DATES_THANKS, "playbook": DATES_PLAYBOOK}
    if kind["thanks"] == _SPOT_THANKS and _PRODUCT.search(said) and not _PLACE.search(said):
        return {**kind, "thanks": AVAILABLE_THANKS}
    return kind
