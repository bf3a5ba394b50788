"""Pieces of a description that are not questions (issue 20: stray fields).

A marketer writes more than the list of fields: the form's purpose in its opening words
("Dental practice — schedule a check-up. …", "Roofer: free roof inspection. …"), a
heading that introduces the list ("Tell us about the project you need: …"), sentences
about the form itself ("landlords complete this when they list a flat", "it goes on our
careers page") and qualifiers on an item ("account number if you have one"). None of
them is a field; a qualifier makes its item optional. ``local_extract`` asks these
functions where it reads the lists. Nothing here knows an industry's words: the rules
are about where a piece stands and the shape of its words.
"""

from __future__ import annotations

import re

# "account number if you have one", "UTR number where relevant", "policy number if known",
# "(optional)": said of the item, it makes the field optional and is no part of its label.
_QUALIFIER = (
    r"if (?:you|they|he|she) (?:have|has|'ve got|have got|know|knows|remember)"
    r"(?: (?:one|it|them|any|that|this))?(?=\s*\)?$)|if (?:there is|there are|there's) (?:one|any)|"
    r"if (?:known|any|applicable|available|relevant|possible|appropriate|ready)|"
    r"where (?:relevant|applicable|possible|available|known|appropriate)|"
    r"when (?:available|known|relevant|applicable)|in case (?:you|they) (?:have|know) (?:one|it)"
)
QUALIFIER = re.compile(rf"\s*\(\s*(?:{_QUALIFIER})\s*\)$|\s*,?\s+(?:{_QUALIFIER})$", re.I)
# "logo upload (current logo, if any)": said inside the brackets, beside what they hold
QUALIFIER_IN_BRACKETS = re.compile(rf"\s*,\s*(?:{_QUALIFIER})\s*(?=\))", re.I)


# "billing address if different", "VAT number if it's a company", "guarantor details if
# required": a condition said after a noun phrase. The noun is the field (optional: it is
# not always asked); "if yes / if so" opens a follow-up, and a question or an act ("ask if
# they need parking", "whether it matters if late") keeps its "if".
CONDITION = re.compile(r",?\s+if\s+(?!(?:yes|so|not|no)\b)[\w'’-]+(?:\s+[\w'’-]+){0,4}$", re.I)
NOT_A_NOUN = re.compile(
    r"^(?:ask|check|see|find out|say|tell|let|notify|what|why|how|when|where|which|who|whether|"
    r"is|are|do|does|can|would|will|should)\b",
    re.I,
)


# "your email if you want updates", "phone if we can call you", "e-mail si vous souhaitez être
# tenu informé": the visitor gives it only if they wish, however long the wish is said
_WISH = (
    r"if\s+(?:you|they)(?:'d|’d| would| do)?\s+(?:want|wish|like|prefer|need|are happy|'re happy)"
    r"|if\s+we\s+(?:can|may|could)|if\s+(?:you|they)\s+(?:would like|'d like)"
    r"|si\s+(?:vous\s+(?:souhaitez|voulez|d[ée]sirez)|tu\s+(?:veux|souhaites)|quieres|quiere|desea|deseas|"
    r"(?:nous|on)\s+peut)|falls\s+(?:Sie|du)|wenn\s+(?:Sie|du)\s+(?:m[öo]chten|m[öo]chtest|wollen|willst)"
    r"|se\s+(?:quiser|quiseres|desejar|pretender)"
)
WISH = re.compile(rf",?\s+(?:{_WISH})\b.*$", re.I)


# the same wish after a contact item, as the kind reader sees it: "email if you want to receive
# updates" on a report is no newsletter signup
_CONTACT = (
    r"(?:your |their |an? )?(?:e-?mail(?: address)?|phone(?: number)?|mobile(?: number)?|"
    r"correo(?: electr[óo]nico)?|t[ée]l[ée]phone|telefone|telem[óo]vel|telefon(?:nummer)?)"
)
CONTACT_WISH = re.compile(rf"\b({_CONTACT})\s+(?:{_WISH})\b[^,;.:]*", re.I)


def without_contact_wishes(text: str) -> str:
    """The description without the wish said after a contact item."""
    return CONTACT_WISH.sub(r"\1", text)


def without_shown_in_news(text: str) -> str:
    """The description without a permission to show them in the newsletter: "can we feature
    you in our newsletter?" says nothing of what the form is for (no newsletter sign-up)."""
    return _SHOWN_IN_NEWS.sub("", text)


_SHOWN_IN_NEWS = re.compile(
    r"\b(?:feature|quote|showcase|spotlight|mention|interview) (?:you|them)\b[^,.;:]{0,30}?"
    r"\b(?:newsletters?|blog|mailing)\b",
    re.I,
)


def strip_condition(text: str) -> tuple[str, bool]:
    """(the item without a trailing "if …" condition, whether it had one)."""
    wish = WISH.search(text)
    if wish and text[: wish.start()].strip() and len(text[: wish.start()].split()) <= 4:
        return text[: wish.start()].strip(), True
    match = CONDITION.search(text)
    head = text[: match.start()].strip() if match else ""
    if not head or len(head.split()) > 5 or NOT_A_NOUN.match(head) or "(" in text[match.start() :]:
        return text, False
    return head, True


def strip_qualifier(text: str) -> tuple[str, bool]:
    """(the item without its qualifier or condition, whether it had one)."""
    stripped = QUALIFIER_IN_BRACKETS.sub("", QUALIFIER.sub("", text))
    if stripped != text and stripped.strip():
        return stripped, True
    return strip_condition(text)


# A list never starts with a qualifier: "dietary needs if any" is one item, not the cue
# "needs" before a question "if any".
QUALIFIER_AFTER_CUE = re.compile(rf"\s*(?:{_QUALIFIER})\s*\)?(?:[,;.]|$)", re.I)

# The form's own act in the opening words: an imperative and what it gets ("schedule a
# check-up", "start your free trial", "place a cake order", "enrol in a summer course",
# "reserve una cita", "demandez une consultation", "buchen Sie …", "marque a sua aula").
_ACT = (
    r"book|schedule|arrange|reserve|request|get|claim|start|begin|try|place|order|pre-order|buy|"
    r"enrol|enroll|register|sign up|apply|join|subscribe|download|grab|secure|plan|hire|rent|"
    r"report|ask|contact|enquire|inquire|find|check|see|meet|visit|take|win|sell|list|value|"
    r"make|send|submit|leave|share|organise|organize|sponsor|donate|nominate|enter|redeem|"
    r"upgrade|renew|cancel|refer|recommend|reach|talk|speak|chat|call|book in|sign on|"
    # es / fr / de / pt imperatives (polite and familiar) the glossary leaves as written
    r"reserva|solicite|solicita|pida|pide|agende|agenda|inscr[ií]bete|inscr[ií]base|"
    r"obtenga|obt[eé]n|compre|compra|r[eé]servez|demandez|prenez|inscrivez-vous|commandez|"
    r"obtenez|essayez|contactez|buchen|vereinbaren|fordern|sichern|bestellen|melden|holen|"
    r"marque|marca|pe[çc]a|inscreva-se|encomende|experimente|garanta"
)
# what follows the verb: an article, a possessive, a preposition ("request details", "order
# number", "contact name" are fields, not acts)
_OBJECT = (
    r"a|an|the|your|our|my|us|me|one|some|any|free|in|up|on|for|to|into|now|today|online|"
    r"una|un|une|des|la|le|les|el|los|las|su|sus|votre|vos|ihre?|ihren|sie|einen?|eine|uns|"
    r"o|os|as|um|uma|sua|seu|suas|seus"
)
OPENING_ACT = re.compile(rf"^(?:please\s+)?(?:{_ACT})\s+(?:{_OBJECT})\b", re.I)
# "Ask about our wedding venue: names, …": opening the description, alone before its list,
# what the visitor asks the business about is the form's subject (in a list, "ask about
# allergies" is a question)
ASKS_ABOUT = re.compile(r"^(?:please\s+)?(?:ask(?:\s+us)?|enquire|inquire)\s+about\s+\S", re.I)
# A purpose said as a noun phrase ("free roof inspection", "no-obligation review", "bridal
# consultation", "séance d'essai gratuite", "kostenloses Erstgespräch"): what the visitor
# gets, named by an offer word or a kind of service.
_OFFER = (
    r"free|complimentary|no[- ]obligation|no[- ]cost|discounted|introductory|one-off|trial|"
    r"gratis|gratuit[oae]?s?|gratuite?s?|sin compromiso|sans engagement|sem compromisso|"
    r"kostenlos\w*|unverbindlich\w*|offert\w*"
)
_SERVICE = (
    r"inspections?|consultations?|consults?|reviews?|audits?|assessments?|trials?|quotes?|"
    r"quotations?|estimates?|valuations?|appraisals?|surveys?|check-?ups?|health ?checks?|"
    r"appointments?|lessons?|sessions?|demos?|demonstrations?|tours?|visits?|viewings?|tastings?|"
    r"fittings?|cleans?|cleaning|repairs?|installations?|services?|bookings?|enquir(?:y|ies)|"
    r"requests?|applications?|registrations?|sign-?ups?|orders?|deliver(?:y|ies)|callbacks?|"
    r"call-?backs?|calls?|chats?|meetings?|diagnos[ie]s|evaluations?|analys[ie]s|treatments?|"
    r"massages?|makeovers?|shoots?|photoshoots?|test drives?|rentals?|hire|stays?|trips?|"
    r"packages?|subscriptions?|memberships?|passes|classes|courses?|workshops?|webinars?|"
    r"proposals?|tenders?|samples?|brochures?|guides?|tickets?|offers?|discounts?|"
    # es / fr / de / pt
    r"cita|citas|consulta|consultas|revisi[oó]n|revis[aã]o|presupuesto|or[çc]amento|devis|"
    r"rendez-vous|s[eé]ance|essai|visite|visita|clase|cours|aula|sesi[oó]n|sess[aã]o|termin|"
    r"beratung|gespr[aä]ch|\w+gespr[aä]ch|probe\w*|\w*stunde|angebot|anfrage|solicitud|pedido|"
    r"demande|prueba|avalia[çc][aã]o|evaluaci[oó]n|[eé]valuation|diagn[oó]stico|diagnostic"
)
OPENING_OFFER = re.compile(rf"(?:^|\s)(?:{_OFFER})(?:\s|$)|\b(?:{_SERVICE})$", re.I)


ASKED = re.compile(
    r"(?:what|why|how|when|where|which|who|whose|do|does|did|is|are|was|were|have|has|can|"
    r"could|would|will|should|any)\b",
    re.I,
)


def opening_purpose(phrase: str, alone: bool) -> bool:
    """A piece in the opening words that is the form's purpose: an imperative and its
    object, or (alone in its part of the opening sentence) an offer or a kind of service."""
    if phrase.strip().endswith("?") or ASKED.match(phrase.strip()):
        return False  # "When did you last order?": a question, whatever its last word
    phrase = phrase.strip(" .!;:")
    return bool(OPENING_ACT.match(phrase)) or (alone and bool(OPENING_OFFER.search(phrase)))


# Words about the form itself: who fills it in, where it sits, when it is sent.
_PEOPLE = r"(?:\w+\s+){0,2}?(?:\w+s|people|everyone|anyone|someone|staff|they|you|we)"
_FILL = (
    r"fills?|filled|filling|completes?|completed|completing|uses?|used|using|sees?|gets?|"
    r"receives?|received|sends?|sent|submits?|submitted|finds?|opens?|reach(?:es)?|"
    r"lands? on|scans?|clicks?|answers?|returns?"
)
_WHEN = r"(?:will\s+|would\s+|can\s+|should\s+|usually\s+|then\s+|only\s+|must\s+)?"
ABOUT_FORM = re.compile(
    rf"\b{_PEOPLE}\s+{_WHEN}(?:{_FILL})\s+(?:this|the form|this form|our form|the survey|"
    r"this survey)\b|"
    rf"\b{_PEOPLE}\s+{_WHEN}(?:fill|fills|filled|filling)\s+(?:it|this|that)\s+(?:in|out)\b|"
    r"\b(?:it|this(?: form| survey| page)?|the (?:form|survey|page))\s+(?:will\s+|would\s+|should\s+)?"
    r"(?:goes|go|sits|sit|lives|live|appears|appear|pops up|pop up|runs|run|is shown|be shown|"
    r"is embedded|be embedded|is linked|be linked|is used|be used|is sent|be sent|gets sent|"
    r"is emailed|be emailed|is for|is on|be on|is in|be in|is printed|be printed|is handed|"
    r"be handed|is posted|be posted|is displayed|be displayed)\b|"
    r"^(?:we|i)(?:'re|'m| are| am) (?:an?|the|one of)\b",
    re.I,
)


def about_form(sentence: str) -> bool:
    """A sentence about the form (who fills it in, where it sits, what the business is)."""
    return ABOUT_FORM.search(sentence.strip()) is not None
