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
    r"\bdemande de rappel\b|\b[êe]tre rappel[ée]e?s?\b|\brappel t[ée]l[ée]phonique\b|"
    r"\bsolicitud de llamada\b|\bdevoluci[óo]n de (?:la )?llamada\b|\ble llamamos\b|"
    r"\bcontacto telef[óo]nico\b|\bpedido de (?:chamada|liga[çc][ãa]o)\b|\bligamos-lhe\b"
)
_RENTAL = (
    r"\b(?:rental|rent|tenan\w+|letting|lease|location|alquiler|arrendamiento|arrendamento|"
    r"aluguer|aluguel)\b|\bmiet\w*"
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
    r"\bnewsletters?\b|\bmailing list\b|\bsubscri\w+|\bupdates?\b|\bnews\b|\bbulletins?\b|"
    r"\bdigests?\b|\balerts?\b|\bnotif\w+|\bbolet[ií]n\b|\brundbrief\b|\binfolettre\b"
)
_SERVICE = (
    r"\bcollections?\b|\bservices?\b|\bschemes?\b|\bbins?\b|\bdeliver(?:y|ies)\b|\bpick-?ups?\b|"
    r"\brecogida\b|\bcollecte\b|\babholung\b|\brecolha\b"
)
_TRIAL = (
    r"\bfree trials?\b(?! (?:lessons?|class(?:es)?|sessions?|workouts?|days?))|"
    r"\btrial (?:accounts?|sign-?ups?)\b|\bprueba gratuita\b|\bessai gratuit\b|"
    r"\bkostenlos\w* (?:test\w*|testphase)\b|\btest gratuito\b|\bteste gratuito\b|"
    r"\bper[ií]odo de prueba\b|\bp[ée]riode d'essai\b"
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
_ACCOUNT = (
    r"\b(?:trade|wholesale|business|credit|professional|b2b|reseller|stockist|retailer)"
    r" accounts?\b|\bcuenta (?:mayorista|profesional|de empresa|comercial)\b|"
    r"\bcompte (?:professionnel|pro|grossiste|revendeur)\b|\bh[äa]ndlerkonto\b|"
    r"\bgesch[äa]ftskonto\b|\bgro[ßs]kundenkonto\b|\bconta (?:profissional|empresa|grossista|"
    r"de revendedor)\b"
)

# the kinds whose stock promise (a quote, a booking link, a demo, hiring, a generic reply)
# does not say what happens next on each form below
_LEADS = ("pricing", "booking", "demo", "staffing", "contact", "partnership")

CALLBACK_THANKS = "Thanks! We'll call you back as soon as we can."
APPLIED_THANKS = "Thanks — your application is in. We'll review it and be in touch."
ADMISSIONS_THANKS = "Thanks for your enquiry! Our admissions team will be in touch soon."
RSVP_THANKS = "Thanks for letting us know! Your RSVP has been recorded."
SIGNED_UP_THANKS = "Thanks for signing up! We'll confirm the details by email shortly."
TRIAL_THANKS = "Thanks for signing up! We'll email you everything you need to start your free trial."
TEST_DRIVE_THANKS = "Thanks! We'll be in touch shortly to arrange your test drive."
SAMPLES_THANKS = "Thanks! We'll send your samples out shortly."
SPONSOR_THANKS = (
    "Thanks for reaching out! Our partnerships team will review your inquiry and reply "
    "within a few days."
)

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
        (*_LEADS, "newsletter"),
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
        _TRIAL,
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
    patterns = pattern if isinstance(pattern, tuple) else (pattern,)
    return all(re.search(p, said, re.I) for p in patterns)


def fit_thanks(kind: dict, own_name: str | None, told: str, original: str) -> dict:
    """``kind`` with the thank-you, goal and playbook of what the form is, when its stock
    ones promise something else; ``kind`` itself when they fit."""
    said = f"{own_name or ''} {_opening(told)} {_opening(original)}"
    for pattern, kinds, goal, thanks, playbook in FITS:
        if kind["key"] in kinds and _is(pattern, said):
            return {**kind, "goal": goal, "thanks": thanks, "playbook": playbook}
    # "Garden waste collection sign-up": a service signed up for, not a newsletter
    if kind["key"] == "newsletter" and _is(_SERVICE, said) and not _is(_NEWS, said):
        return {
            **kind,
            "goal": "sign people up for the service and confirm the details",
            "thanks": SIGNED_UP_THANKS,
            "playbook": "Confirm each sign-up by email with the details the form gives (never "
            "promise a start date, a price or a day the form does not state) and pass questions "
            "to the team. A sign-up is not consent to marketing: no newsletter unless they "
            "opted in.",
        }
    return kind
