"""The description from its heading on, when sentences about the business come first.

"We rent out camping gear. Rental form - name, email, …", "Leaky tap? Burst pipe? We fix
it. Plumbing callout request: name, phone, …", "Abbiamo tre menu. Prenotazione cena: nome,
…": the marketer says who they are, then heads the asked list with what the form is called.
The readers of the form's name read a description's opening as its heading; here the opening
is the preamble, and the heading is the sentence that opens the asked list.

Guards: a heading that is a sentence ("need walkers to register: …") is no name; a preamble
that already holds the asked list is the description itself; a name read from the whole
description that is not one of the engine's own ("Custom Cake Order" from "We make custom
cakes. Order form: …") stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.services.llm.local_form_names import NAMES
from app.services.llm.local_heading import _HEADING, _SENTENCE, said_generic
from app.services.llm.local_subject_name import STOCK_NAMES

# the engine's words for a form, which the marketer's heading says better
_ENGINE_NAMES = STOCK_NAMES | {name for _, _, name in NAMES if name}

# "name, email, phone", "nome, telefono": what an asked list holds, in the languages read
_CONTACT = re.compile(
    r"\b(?:names?|e-?mails?|phone|telephone|mobile|nombre|correo|teléfono|nom|courriel|"
    r"téléphone|telefon|nome|telefone|telefono|naam|telefoon)\b",
    re.I,
)

# what a form is called, in the languages read ("Rental form", "Prenotazione cena")
_FORM_KIND = re.compile(
    r"\b(?:forms?|requests?|booking|enquiry|inquiry|registration|sign-?up|application|quote|"
    r"estimate|survey|questionnaire|appointment|reservation|"
    r"rsvp|enrol(?:l)?ment|formulario|solicitud|reserva|inscripción|cita|pedido|encuesta|"
    r"formulaire|demande|réservation|inscription|devis|commande|formular|anfrage|anmeldung|"
    r"buchung|bestellung|umfrage|prenotazione|richiesta|iscrizione|ordine|modulo|aanvraag|"
    r"inschrijving|reservering|bestelling|formulário|inscrição|orçamento|marcação)\b",
    re.I,
)
_LITTLE = re.compile(r"\b(?:a|an|the|of|for|to|de|du|la|le|di|del|da|do|zum|zur|van)\b", re.I)


def _names_form(head: str) -> bool:
    """The heading calls the form something, and says more than that it is one ("Rental
    form", not "Booking", "Formulaire de demande" or "customers book a repair slot")."""
    rest = _LITTLE.sub(" ", _FORM_KIND.sub(" ", head)).split()
    return bool(_FORM_KIND.search(head)) and bool(rest)


def _asked(text: str) -> bool:
    return text.count(",") >= 2 and bool(_CONTACT.search(text))


def from_heading(text: str) -> str:
    """``text`` from the sentence whose heading opens the asked list, or ``text``."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    for at in range(1, len(sentences)):
        if _asked(" ".join(sentences[:at])):
            return text
        head = _HEADING.match(sentences[at])
        if not head or len(head["head"].split()) > 5 or _SENTENCE.search(head["head"]):
            continue
        if said_generic(head["head"]) or not _names_form(head["head"]):
            continue
        if _asked(sentences[at][head.end() :]):
            return " ".join(sentences[at:])
    return text


def heading_named(name: str, original: str, drafted: Callable[[str], str]) -> str:
    """``name`` (read from the whole description), or the one ``drafted`` reads from its
    heading when the preamble left only an engine's word for the form."""
    headed = from_heading(original)
    if headed == original or name not in _ENGINE_NAMES:
        return name
    again = drafted(headed)
    # the heading's own words ("Plumbing Callout Request"), not a reading of its list
    said = {w.rstrip("s") for w in re.findall(r"[\w-]+", headed.split(":")[0].lower())}
    words = {w.rstrip("s") for w in re.findall(r"[\w-]+", _LITTLE.sub(" ", again).lower())}
    return name if again in _ENGINE_NAMES or not words <= said else again
