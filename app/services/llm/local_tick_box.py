"""A tick box whose words the marketer quotes ("a tick box for 'send me event invites'",
"checkbox saying "Notify me about new courses"", "una casilla 'quiero recibir novedades'",
"une case à cocher « m'inviter aux ateliers »", "ein Kästchen „Ich möchte Einladungen
erhalten“"): one checkbox labelled with the quoted words, in their language and spelling.

``take_tick_boxes`` lifts them out of the description before it is read (so no "Tick box
for" text field and no translation of the quoted words); ``add_tick_boxes`` puts them back
as fields at the end of the draft."""

from __future__ import annotations

import re
import unicodedata

from app.services.llm.local_consent import CONSENT_TYPE, kind_of
from app.services.llm.local_field_order import KEY
from app.services.llm.local_fields import _field_name
from app.services.llm.local_said_boxes import a_condition
from app.services.llm.local_tick_wish import wished_news

_BOX = (
    r"(?:tick[- ]?box(?:es)?|check[- ]?box(?:es)?|tick ?mark|casilla(?: de verificaci[oó]n)?|"
    r"case(?: à cocher)?|k[äa]stchen|ankreuzfeld|h[äa]kchen(?:feld)?|caixa(?: de sele[cç][aã]o| de "
    r"verifica[cç][aã]o)?|caixinha)"
)
_ARTICLE = r"(?:(?:a|an|one|the|una?|une|ein(?:e|em)?|uma?)\s+)?"
_SAYING = (
    r"(?:(?:for|saying|that says|labell?ed|reading|with(?: the (?:text|words|label))?|to say|"
    r"para|con|que diga|pour|avec|qui dit|mit(?: dem Text)?|com|que diz|de)\s+)?:?\s*"
)
# The quoted words, between a pair of quotes; a closing ' is no apostrophe ("I'd like")
_QUOTED = (
    r"(?:'(?P<q1>[^']+?(?:'\w[^']*?)*)'(?!\w)|\"(?P<q2>[^\"]+)\"|“(?P<q3>[^”\"]+)[”\"]|"
    r"‘(?P<q4>[^’]+?)’(?!\w)|«\s*(?P<q5>[^»]+?)\s*»|„(?P<q6>[^“”\"]+)[“”\"])"
)
TICK_BOX = re.compile(rf"\b{_ARTICLE}{_BOX}\s*{_SAYING}{_QUOTED}", re.I)
_MARK = "\u0002"
# the person grants a permission in their own words ("I give permission for my child to
# attend", "I'm happy for my child to be photographed", "autorizo", "j'autorise", "ich bin
# mit … einverstanden"): consent that can be skipped is no consent, so the box is required
_GRANTS = re.compile(
    r"\bI (?:give|grant) (?:my )?(?:permission|consent)\b|\bI(?: am|'m) happy for\b|"
    r"\bI (?:allow|authori[sz]e|permit|consent)\b|\b(?:eu )?autorizo\b|\bdoy (?:mi )?permiso\b|"
    r"\bdou (?:a minha )?(?:autoriza[çc][ãa]o|permiss[ãa]o)\b|\bj'autorise\b|"
    r"\bje donne mon (?:accord|autorisation)\b|\beinverstanden\b|\bich (?:erlaube|gestatte)\b",
    re.I,
)


def take_tick_boxes(text: str) -> tuple[str, list[str]]:
    """(the description without its quoted tick boxes, their labels in order)."""
    labels: list[str] = []

    def lift(m: re.Match) -> str:
        said = next(m.group(k) for k in ("q1", "q2", "q3", "q4", "q5", "q6") if m.group(k))
        said = re.sub(r"\s+", " ", said).strip(" .,;")
        if said:
            labels.append(said[:1].upper() + said[1:])
        return _MARK

    marked = TICK_BOX.sub(lift, text)
    if not labels:
        return text, []
    # ", and <box>" / "<box>, …": the list closes over the gap
    marked = re.sub(rf"\s*[,;]?\s*(?:(?:and|plus|y|et|und|e)\s+)?{_MARK}", "", marked, flags=re.I)
    return marked.strip(), labels


def listed_with_boxes(kind: dict, fields: list[dict], labels: list[str]) -> list[dict]:
    """A box lifted out of the list was one of its items: "email plus a checkbox to get beta
    invites" lists two, so the kind's own questions for a bare purpose ("Full name", "What
    would you use it for?") are not asked beside them."""
    if not labels or not any(KEY in f for f in fields):
        return fields
    core = {key.rstrip("-+") for key in kind["core"]}
    stock = {key.rstrip("-+") for key in kind["fields"]} - core
    return [f for f in fields if KEY in f or f["name"] not in stock]


def grants(label: str) -> bool:
    """The box's words grant a permission in the first person (see ``_GRANTS``)."""
    return _GRANTS.search(label) is not None


def add_tick_boxes(fields: list[dict], labels: list[str]) -> None:
    """One box per quoted label: a confirmation ("I am over 18") must be ticked, an opt-in
    ("quiero recibir novedades") is the consent box, anything else an optional checkbox."""
    for label in labels:
        kind = kind_of(label) or wished_news(label)  # "I'd like news about the campaign"
        if kind == "marketing":
            fields[:] = [f for f in fields if f["type"] != CONSENT_TYPE]
        ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
        name = "consent" if kind == "marketing" else _field_name(ascii_label) or "tick_box"
        if any(f["name"] == name or f["label"].lower() == label.lower() for f in fields):
            continue
        fields.append(
            {
                "name": name,
                "type": CONSENT_TYPE if kind == "marketing" else "checkbox",
                "label": label[:200],
                "placeholder": "",
                "help": "",
                "required": kind == "statement"
                or (kind != "marketing" and (grants(label) or a_condition(label))),
                "options": [],
                "min": None,
                "max": None,
                "max_length": None,
                "regex": None,
                "default": None,
            }
        )
