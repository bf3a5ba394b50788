"""Keys of a foreign form's fields in the marketer's words, not half glossed (round 44b).

A description in another language is read in English word by word, and a field's key is made
from that reading: "tipo di evento" becomes ``tipo_of_event``, "qué paquete" ``what_paquete``,
"Datum der Veranstaltung" ``date_der_veranstaltung``, "welk tijdstip" ``welk_time``, while its
label is given back in the marketer's words. A key that mixes the two (some of its words are
the label's, some are not) is made from the label instead: ``tipo_di_evento``,
``que_paquete``; so is one made from the label with its accented letters cut out
(``r_ckennummer`` → ``ruckennummer``). A key with none of the label's words is the engine's
own name for what is asked (``event_date``, ``party_size``, ``email``) and stays: other parts
of the app map it; so does one with a word lead scoring reads (``size_de_l_equipe``,
``phone_der_eltern``).
"""

from __future__ import annotations

import re
import unicodedata

from app.services.llm import local_catalog
from app.services.llm.local_domain import DOMAIN_FIELDS, PHRASES
from app.services.llm.local_foreign import _ENGLISH

# The engine's own names for what is asked ("preferred_date" labelled "Date souhaitée" shares
# "date" with its label): mapped to a contact's fields, read by flows and scoring, kept.
_KNOWN = (
    {key for _, key in PHRASES}
    | set(DOMAIN_FIELDS)
    | {entry["field"]["name"] for entry in local_catalog.FIELDS.values()}
    | {entry["field"]["name"] for entry in local_catalog.EXTRA_FIELDS.values()}
)
# The words lead scoring finds a lead's details by in a key (``local_scoring.field_value``:
# "size_de_l_equipe" is the team's size there, "phone_der_eltern" a phone) and "rating", the
# kind of answer ("lugar_rating" rates the place): a key with one of them stays.
_READ_WORDS = set(
    "budget company organization organisation email name phone mobile size employees "
    "headcount team subject topic timeline timeframe title role position job rating".split()
)


def _words(text: str) -> list[str]:
    text = text.lower().replace("ß", "ss")  # "Größe": "grosse", as ``local_foreign.fold`` has it
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", folded)


def keys_in_own_words(config: dict) -> None:
    """Renames the half-glossed keys of ``config``'s fields; rules and steps follow."""
    fields = config["fields"]
    renamed = {}
    for field in fields:
        if field["name"] in _KNOWN or _READ_WORDS & set(field["name"].split("_")):
            continue
        label = _words(field.get("label") or "")
        key = field["name"].split("_")
        new = "_".join(label)[:50].strip("_")
        # "Rückennummer" keyed "r_ckennummer": the label's words, its accented letters cut out
        cut = "_".join(re.findall(r"[a-z0-9]+", (field.get("label") or "").lower()))[:50]
        theirs = [w for w in key if w in label]
        # one of their words that is no English one ("in" is both): an English key stays
        mixed = (
            any(w not in _ENGLISH for w in theirs) and len(theirs) < len(key) and len(label) <= 6
        )  # not a long question
        if not mixed and field["name"] != cut.strip("_"):
            continue
        if re.match(r"[a-z]", new) and all(f["name"] != new for f in fields):
            renamed[field["name"]] = field["name"] = new
    if not renamed:
        return
    for field in fields:  # a rule that reads a renamed field follows its new key
        rule = field.get("show_if") or {}
        for cond in rule.get("all", []) + rule.get("any", []):
            cond["field"] = renamed.get(cond.get("field"), cond.get("field"))
    for step in config.get("steps") or []:
        step["fields"] = [renamed.get(n, n) for n in step.get("fields") or []]
