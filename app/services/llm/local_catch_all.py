"""The catch-all question a form ends on is answered in words (round 40b).

"anything else", "other comments", "anything we should know", "algo más", "autre chose ?",
"Sonstiges", "nog iets?", "altri commenti": whatever the visitor still has to say, in a
box with room for it, never a one-line text nor the yes/no a question mark would give it.
Read on the labels as printed, in the marketer's language.
"""

from __future__ import annotations

import re

_CATCH_ALL = re.compile(
    r"^[¿\s]*(?:"
    r"anything(?: else)?(?: (?:we|you)\b.*)?|(?:any )?(?:other|further|additional|final) "
    r"(?:comments|thoughts|remarks|notes|feedback)|"
    r"algo m[áa]s(?: (?:que|a)\b.*)?|otros comentarios|comentarios (?:adicionales|finales)|"
    r"autre chose(?: [àa]\b.*)?|autres (?:commentaires|remarques)|quelque chose [àa] ajouter|"
    r"sonstiges|sonstige anmerkungen|(?:sonst )?noch etwas(?: (?:zu|das)\b.*)?|"
    r"weitere anmerkungen|"
    r"mais alguma coisa(?: (?:que|a)\b.*)?|algo mais|outros coment[áa]rios|"
    r"coment[áa]rios finais|"
    r"nog iets(?: (?:te|dat)\b.*)?|overige opmerkingen|"
    r"altro(?: da aggiungere)?|altri commenti|qualcos'altro(?: da\b.*)?|commenti finali"
    r")\s*[?.!]?\s*$",
    re.I,
)


def catch_alls_in_words(fields: list) -> None:
    """Each catch-all question a box to write in (in place)."""
    # "anything else? if yes, please explain": the yes/no opens the box asked after it
    rules = [f.get("show_if") or {} for f in fields]
    asked_after = {
        r.get("field") for rule in rules for r in rule.get("all", []) + rule.get("any", [])
    }
    for f in fields:
        if f["name"] in asked_after:
            continue
        if f["type"] in ("text", "select", "radio") and _CATCH_ALL.match(f.get("label") or ""):
            f.update(type="textarea", options=[], max_length=5000)
            f.pop("placeholder", None)
