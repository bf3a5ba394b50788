"""The thank-you and the agent brief say what happens next for THIS form (issue 20, round 19b).

Each kind carries a stock thank-you and playbook, written for its typical form: a pricing
request is promised "a tailored quote", a booking "a link to confirm a time", a demo request
"your demo", a staffing enquiry a call "to discuss your hiring needs". Many forms land on a
kind whose promise they are not about: a callback request was sent a booking link or a
quote, a sample pack or a sponsorship offer a quote, a trade account application a quote, a
free trial sign-up a demo, a rental application "your hiring needs", a garden-waste
collection sign-up a newsletter welcome, an RSVP ("not attending") was told "You're
registered!". ``fit_thanks`` reads what the form is (its name and opening words, in English
or es/fr/de/pt) and, only when the kind's stock promise does not fit it, gives the form the
thank-you, goal and playbook of what it is. Every thank-you here is in the phrase table
(``local_phrases``), so a form in es/fr/de/pt thanks in its language.
"""

from __future__ import annotations

import re

from app.services.llm.local_stated_purpose import OPENING_END

_CALLBACK = (
    r"\bcall ?backs?\b|\bcall-backs?\b|\bcall me back\b|\bcall you back\b|\br[üu]ckruf\w*|"
    r"\bdemande de rappel\b|\b[êe]tre rappel[ée]e?s?\b|\brappel (?:t[ée]l[ée]phonique|gratuit)\b|"
    r"\brappelez-moi\b|"
    r"\bsolicitud de llamada\b|\bdevoluci[óo]n de (?:la )?llamada\b|\ble llamamos\b|"
    r"\bcontacto telef[óo]nico\b|\bpedido de (?:chamada|liga[çc][ãa]o)\b|\bligamos-lhe\b"
)
_RENTAL = (
    r"\btenan\w+|\blettings?\b|\brental applications?\b|\bmiet\w*bewerbung|\bmietinteressent\w*|"
    r"\b(?:rental|rent|renting|lease|location|alquiler|arrendamiento|arrendamento|aluguer|"
    r"aluguel)\b.{0,40}\b(?:flats?|apartments?|homes?|houses?|propert\w+|studio|rooms?|piso|"
    r"apartamento|vivienda|logement|appartement|maison|wohnung|casa|moradia|im[óo]vel)\b"
)
_APPLIED = (
    r"\bapplications?\b|\bapply\w*|\bdossier\b|\bcandidature\b|\bsolicitud\b|\bbewerbung\b|"
    r"\w+bewerbung\b|\bantrag\b|\bcandidatura\b"
)
_ADMISSIONS = (
    r"\badmissions?\b|\bplaces? (?:at|in) (?:our|the|your) (?:\w+ )?(?:nursery|school|college|"
    r"academy|kindergarten|pre-?school)\b|\b(?:nursery|school) places?\b|\badmisi[oó]n\b|"
    r"\badmiss[ãa]o\b|\baufnahme\w*"
)
_RSVP = (
    r"\brsvps?\b|\bguest ?list\b|\bconfirm(?:ation of|ing|) (?:your )?attendance\b|"
    r"\bconfirmaci[oó]n de asistencia\b|\bconfirma[çc][ãa]o de presen[çc]a\b|"
    r"\bconfirmation de (?:pr[ée]sence|participation)\b|\bzu- (?:oder|und) absage\b"
)
_NEWS = (
    r"\bnewsl\w*|\bmailing ?list\b|\bour list\b|\bkeep me posted\b|\breports?\b|\breminders?\b|"
    r"\bcollect (?:e-?mails?|email addresses)\b|\be-?mail capture\b|\bpop-?ups?\b|\bloyalty\b|"
    r"\bbirthday club\b|\bvip\b|\bsubscri\w+|\bupdates?\b|\bnews\b|\bbulletins?\b|"
    r"\bdigests?\b|\balerts?\b|\bnotif\w+|\be-?mails? (?:sign-?ups?|list)\b|\btips\b|"
    r"\bspecials\b|\boffers?\b|\bdeals?\b|\bdiscounts?\b|\bpromo\w*|\brecipes\b|\blatest\b|"
    r"\bhear from us\b|\bin the loop\b|\bin[- ]touch\b|\blaunch\w*|\bblog\b|\bmagazine\b|"
    r"\bjournal\b|\binsights?\b|\barticles?\b|\bcontent\b|\bbolet[ií]n\b|\brundbrief\b|"
    r"\binfolettre\b|\bnovedades\b|\bnouveaut[ée]s\b|\bneuigkeiten\b|\bnovidades\b|"
    r"\bactualit[ée]s\b|\bnoticias\b|\bnot[ií]cias\b|\bnachrichten\b|\bwait ?list\b|\bbeta\b"
)
_TRIAL = (
    r"\bfree trials?\b(?! (?:lessons?|class(?:es)?|sessions?|workouts?|days?))|"
    r"\btrial (?:accounts?|sign-?ups?)\b|\bprueba gratuita\b|\bessai gratuit\b|"
    r"\bkostenlos\w* (?:test\w*|testphase)\b|\btest gratuito\b|\bteste gratuito\b|"
    r"\bper[ií]odo de prueba\b|\bp[ée]riode d'essai\b"
)
# a trial class or lesson is booked, not a product tried
_LESSON = (
    r"\b(?:lessons?|class(?:es)?|sessions?|workouts?|clases?|cours|aulas?|s[ée]ances?|"
    r"\w*stunden?|\w*training)\b"
)
_TEST_DRIVE = (
    r"\btest[- ]?drives?\b|\bprobefahrt\w*|\bprueba de conducci[oó]n\b|"
    r"\bessai (?:routier|de conduite)\b|\bessais? sur route\b|\btest-drive\b|"
    r"\bensaio de condu[çc][ãa]o\b|\bprueba de manejo\b"
)
_SAMPLES = (
    r"\bsamples?\b|\bswatch(?:es)?\b|\bmuestras?\b|\b[ée]chantillons?\b|\bmuster\w*|"
    r"\b(?:gratis|waren)proben?\b|\bamostras?\b"
)
_SPONSOR = (
    r"\bsponsor(?:ship|ing|s)?\b|\bpatroc[ií]ni\w*|\bparrainage\b|\bm[ée]c[ée]nat\b|"
    r"\bsponsoring\b"
)
# "Partnership enquiry for influencers: …, rates, media kit": their rates, not ours to quote
_PARTNER = (
    r"\bpartner(?:ships?|ing)?\b|\bcollab\w*|\bambassadors?\b|"
    r"\baffiliates?\b|\bco-?marketing\b|\bcolaboraci[oó]n\w*|\bpartenariats?\b|"
    r"\bkooperation\w*|\bparcerias?\b"
)
_ACCOUNT = (
    r"\b(?:trade|wholesale|business|credit|professional|b2b|reseller|stockist|retailer)"
    r" accounts?\b|\bcuenta (?:mayorista|profesional|de empresa|comercial)\b|"
    r"\bcompte (?:professionnel|pro|grossiste|revendeur)\b|\bh[äa]ndlerkonto\b|"
    r"\bgesch[äa]ftskonto\b|\bgro[ßs]kundenkonto\b|\bconta (?:profissional|empresa|grossista|"
    r"de revendedor)\b"
)

_JOB = r"\b(?:jobs?|careers?|roles?|positions?|vacanc\w+|hiring|cvs?|staff|empleo|emploi|stelle)\b"

_VOTE = (
    r"\bvot(?:e|es|ing)\b|\bballots?\b|\babstimmung\w*|\bvotaci[oó]n\b|\bvota[çc][ãa]o\b|\bvotez\b"
)
_CONSENT = (
    r"\bconsent forms?\b|\b(?:trip|photo|media|parental|medical) consent\b|\bpermission slips?\b|"
    r"\bautorizaci[oó]n\b|\bautorisation parentale\b|\beinverst[äa]ndniserkl[äa]rung\w*|"
    r"\bautoriza[çc][ãa]o\b"
)

_SIGN_UP = r"\bsign-?ups?\b|\bsigning up\b|\banmeldung\b|\binscri\w+"
_WHEN = (
    r"\b(?:dates?|days?|times?|slots?|when|hours?|mornings?|afternoons?|evenings?|weekdays?|"
    r"weekends?|fechas?|horas?|horario|jours?|heures?|cr[ée]neaux?|datum|uhrzeit|termine?|dias?|"
    r"hor[áa]rios?|data|vormittags?|nachmittags?|abends?|morgens|wann)\b"
)

# the kinds whose stock promise (a quote, a booking link, a demo, hiring, a generic reply)
# does not say what happens next on each form below
_LEADS = ("pricing", "booking", "demo", "staffing", "contact", "partnership")

CALLBACK_THANKS = "Thanks! We'll call you back as soon as we can."
APPLIED_THANKS = "Thanks — your application is in. We'll review it and be in touch."
ADMISSIONS_THANKS = "Thanks for your enquiry! Our admissions team will be in touch soon."
RSVP_THANKS = "Thanks for letting us know! Your RSVP has been recorded."
SIGNED_UP_THANKS = "Thanks for signing up! We'll confirm the details by email shortly."
TRIAL_THANKS = "Thanks for signing up! We'll email you everything you need to start your trial."
TEST_DRIVE_THANKS = "Thanks! We'll be in touch shortly to arrange your test drive."
VOTE_THANKS = "Thanks — your vote has been counted."
CONSENT_THANKS = "Thanks — we've received your form."
SAMPLES_THANKS = "Thanks! We'll send your samples out shortly."
SPONSOR_THANKS = (
    "Thanks for reaching out! Our partnerships team will review your inquiry and reply "
    "within a few days."
)

_SIGNED_UP = (
    "Confirm each sign-up by email with the details the form gives (never promise a place, a "
    "start date, a price or a day the form does not state) and pass questions to the team. A "
    "sign-up is not consent to marketing: no newsletter unless they opted in."
)

SIGNED_UP_PLAYBOOK = _SIGNED_UP  # a registration read from its heading (local_heading_kind)

# (what the form is, the kinds it corrects, goal, thank-you, playbook); the first that fits
FITS = [
    (
        _CALLBACK,
        (*_LEADS, "intake"),
        "arrange callbacks",
        CALLBACK_THANKS,
        "Call each visitor back on the number they gave, at the time they chose if they named "
        "one, and note what they need before the call. Never promise prices or dates by "
        "email; escalate anything urgent to a human straight away.",
    ),
    (
        _RSVP,
        ("event", "contact", "booking", "newsletter", "pricing", "intake"),
        "collect RSVPs and confirm them",
        RSVP_THANKS,
        "Record each RSVP and confirm it by email with the details the form gives (never "
        "promise a seat, a time or a menu the form does not state); pass plus-ones, dietary "
        "needs and questions to the organiser. An RSVP is not consent to marketing: no "
        "newsletter unless they opted in.",
    ),
    (
        _ACCOUNT,
        (*_LEADS, "newsletter"),
        "review trade account applications",
        APPLIED_THANKS,
        "Thank each applicant by email; check the business details the form gives and pass "
        "complete applications to the person who opens accounts with a one-line summary. "
        "Never promise credit terms, discounts or prices the form does not state.",
    ),
    (
        (_RENTAL, _APPLIED),
        (*_LEADS, "newsletter", "job_application"),
        "review rental applications",
        APPLIED_THANKS,
        "Thank each applicant by email and say when they will hear back. Never make "
        "decisions or promises about the property on the landlord's behalf; pass complete "
        "applications to the person who reviews them with a one-line summary.",
    ),
    (
        _ADMISSIONS,
        ("pricing", "booking", "demo", "staffing", "newsletter", "partnership"),
        "answer admissions enquiries from families",
        ADMISSIONS_THANKS,
        "Reply to each family by email with the next steps the school gives (a visit, the "
        "application pack); never promise a place or quote fees the form does not state, and "
        "pass questions about places, fees or special needs to the admissions team.",
    ),
    (
        (_TRIAL, "!" + _LESSON),
        ("pricing", "booking", "demo", "contact"),
        "set up free trials and help new users get started",
        TRIAL_THANKS,
        "Send each new trial user a short welcome email on how to get started (never promise "
        "features, prices or a trial length the form does not state); qualify the account "
        "from the email domain, company and team size, offer help to the promising ones and "
        "escalate anything unusual to a human.",
    ),
    (
        _TEST_DRIVE,
        ("pricing", "demo", "contact"),
        "arrange test drives",
        TEST_DRIVE_THANKS,
        "Confirm each request by email and pass it to the dealership to arrange the drive "
        "(never promise a car, a date or a price the form does not state); escalate anything "
        "unusual to a human.",
    ),
    (
        _SAMPLES,
        ("pricing", "booking", "demo", "contact"),
        "send samples and follow up with interested buyers",
        SAMPLES_THANKS,
        "Confirm each sample request by email and pass the address and the samples chosen to "
        "the team that sends them (never promise a delivery date or a price the form does not "
        "state); follow up after delivery, and escalate trade or bulk interest to sales.",
    ),
    (
        _PARTNER,
        ("pricing",),
        "assess partnership inquiries",
        SPONSOR_THANKS,
        "Thank each partner by email and pass the proposal to the person who handles "
        "partnerships with a one-line summary (who they are, their audience, what they "
        "propose); never accept, decline or agree fees on the team's behalf.",
    ),
    (
        _VOTE,
        ("feedback",),
        "count votes and share the results with the team",
        VOTE_THANKS,
        "Count the votes and summarise the result for the team; flag any comment that needs a "
        "human. Nothing is sent to voters automatically.",
    ),
    (
        _CONSENT,
        ("booking", "pricing", "contact", "event", "newsletter", "demo"),
        "collect consent forms and pass them to the organiser",
        CONSENT_THANKS,
        "File each consent form for the organiser and flag medical needs or a refusal for a "
        "human straight away. Never change a booking or promise anything on the organiser's "
        "behalf.",
    ),
    (
        _SPONSOR,
        ("pricing", "booking", "demo", "staffing"),
        "assess sponsorship offers",
        SPONSOR_THANKS,
        "Thank each sponsor by email and pass the offer to the person who handles sponsorship "
        "with a one-line summary (who they are, the level, what they ask in return); never "
        "accept, decline or promise anything on the team's behalf.",
    ),
]


def _opening(text: str) -> str:
    return OPENING_END.split(text, maxsplit=1)[0]


def _is(pattern, said: str) -> bool:
    """Every pattern is found in ``said`` ("!…": is not found)."""
    patterns = pattern if isinstance(pattern, tuple) else (pattern,)
    return all(
        (re.search(p[1:], said, re.I) is None)
        if p.startswith("!")
        else (re.search(p, said, re.I) is not None)
        for p in patterns
    )


def fit_thanks(kind: dict, own_name: str | None, told: str, original: str) -> dict:
    """``kind`` with the thank-you, goal and playbook of what the form is, when its stock
    ones promise something else; ``kind`` itself when they fit."""
    said = f"{own_name or ''} {_opening(told)} {_opening(original)}"
    for pattern, kinds, goal, thanks, playbook in FITS:
        if kind["key"] == "job_application" and _is(_JOB, said):
            continue  # "Job application for our car rental company": hiring it is
        if kind["key"] in kinds and _is(pattern, said):
            return {**kind, "goal": goal, "thanks": thanks, "playbook": playbook}
    # "Open mic sign-up: name, act, genre": a sign-up with no time to pick has no time to
    # confirm
    if (
        kind["key"] == "booking"
        and _is(_SIGN_UP, f"{_opening(told)} {_opening(original)}")
        and not _is(_WHEN, f"{told} {original}")
    ):
        return {
            **kind,
            "goal": "confirm sign-ups",
            "thanks": SIGNED_UP_THANKS,
            "playbook": _SIGNED_UP,
        }
    # "Garden waste collection sign-up", "Gym sign-up", "Anmeldung Sportverein": a place,
    # a service or a membership signed up for, not news: no newsletter welcome
    if kind["key"] == "newsletter" and not _is(_NEWS, f"{told} {original}"):
        return {
            **kind,
            "goal": "sign people up and confirm the details",
            "thanks": SIGNED_UP_THANKS,
            "playbook": _SIGNED_UP,
        }
    return kind
