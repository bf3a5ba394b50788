"""A question opened by its verb, without a question mark, in es/fr/de/pt (round 20b).

"würden Sie uns weiterempfehlen", "brauchen Sie einen Ersatzwagen", "a-t-il des
allergies", "tem animais", "volvería a comprar": the marketer lists a yes/no question as
an English marketer lists "do you have a garden". The piece is read as "do you …" /
"would you …" (the rest glossed as before), so the field is a Yes/No labelled with the
marketer's question. ``local_foreign`` reads "haben Sie" / "avez-vous" / "sind Sie"
itself (as "have you" / "are you"); this reads the other verbs. A question word ("was",
"quels", "qué", "quais") opens an open question, never this.
"""

from __future__ import annotations

import re

# pieces are folded (no accents, lower case) when read
_OPENER = {
    # a verb that asks before its pronoun: "brauchen Sie", "möchtest du", "würden Sie" (not
    # an imperative, which is written the same: "bewerten Sie", "geben Sie", "empfehlen Sie")
    "de": re.compile(
        r"^(?P<verb>wurden|wurdest|mochten|mochtest|hatten|hattest|konnen|kannst|konnten|"
        r"brauchen|brauchst|benotigen|wollen|willst|kennen|kennst|nutzen|nutzt|benutzen|"
        r"besitzen|besitzt|planen|planst|rauchen|rauchst|wunschen|wunschst|suchen|suchst|"
        r"fahren|fahrst|sprechen|sprichst)\s+(?:sie|du|ihr)\s+"
    ),
    # the verb joined to its pronoun: "a-t-il", "souhaitez-vous", "pouvez-vous", "est-ce que"
    # (not a reflexive imperative: "inscrivez-vous", "connectez-vous")
    "fr": re.compile(
        r"^(?:(?P<verb>a|est|sont|ont|peut|fait|va|mange|parle)-t-(?:il|elle|on)|"
        r"(?P<asks>pouvez|voulez|souhaitez|aimeriez|utilisez|possedez|connaissez|fumez|conduisez|"
        r"parlez|recommanderiez|reviendriez|prefereriez|venez|viendrez|viendriez|serez|seriez|"
        r"auriez|peux|veux|souhaites|as|es)-(?:vous|tu)|est-ce qu(?:e|')\s*(?:vous|tu|il|elle)?)\s+"
    ),
    # the verb alone (the subject is left out): "tiene mascotas", "volvería a comprar"
    "es": re.compile(
        r"^(?P<verb>tiene|tienes|necesita|necesitas|quiere|quieres|desea|deseas|puede|puedes|"
        r"conoce|conoces|utiliza|acepta|aceptas|volverias?|recomendarias?|comprarias?|"
        r"repetirias?|asistirias?|participarias?|usarias?|vendrias?|contratarias?|gustarias?)\s+"
    ),
    "pt": re.compile(
        r"^(?P<verb>tem|possui|precisa|quer|deseja|pode|conhece|utiliza|aceita|costuma|"
        r"voltaria|recomendaria|gostaria|compraria|participaria|usaria|indicaria|contrataria)\s+"
    ),
}
# verbs that ask "would you …" (a wish, a future), not "do you …"
_WOULD = re.compile(r"^(?:wurde\w*|mochte\w*|hatte\w*|souhait\w*|voudr\w*|aimer\w*|[a-z]+rias?)$")


def verb_first(piece: str, lang: str) -> tuple[str, str] | None:
    """(the English opener, the rest of the piece) for a folded piece opened by its verb."""
    opener = _OPENER.get(lang)
    said = opener.match(piece) if opener else None
    if not said or not piece[said.end() :].strip():
        return None
    verb = said.groupdict().get("verb") or said.groupdict().get("asks") or ""
    return ("would you" if _WOULD.match(verb) else "do you"), piece[said.end() :]
