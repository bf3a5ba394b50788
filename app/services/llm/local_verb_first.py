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
    # a finite verb before its pronoun: "brauchen Sie", "möchtest du", "würden Sie"
    "de": re.compile(
        r"^(?!(?:wen|wem|wessen|denen|welchen|geben|gebt|nennen|beschreiben|teilen|laden|"
        r"wahlen|schreiben|sagen|erzahlen|lassen|schicken|senden|fugen|tragen|kreuzen|"
        r"bitten|listen|angeben|hinterlassen|erklaren|schildern)\b)"
        r"(?P<verb>[a-z]+(?:en|st))\s+(?:sie|du|ihr)\s+"  # not an imperative ("geben Sie …")
    ),
    # the verb joined to its pronoun: "a-t-il", "souhaitez-vous", "pouvez-vous", "est-ce que"
    "fr": re.compile(
        r"^(?:(?!rendez-vous)(?P<verb>[a-z]+)(?:-t)?-(?:vous|tu|il|elle|ils|elles|on)|est-ce qu(?:e|')\s*"
        r"(?:vous|tu|il|elle)?)\s+"
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
    verb = said.groupdict().get("verb") or ""
    return ("would you" if _WOULD.match(verb) else "do you"), piece[said.end() :]
