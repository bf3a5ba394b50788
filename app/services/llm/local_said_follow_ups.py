"""A follow-up said bare in another language names what it asks about, as English does.

"¿viaja con mascotas? si es así, ¿cuántas?" gives a yes/no question and its follow-up; the
follow-up comes back in the marketer's words, "¿Cuántas?", which on a form says nothing
once the question is out of sight. English names it after the question's subject ("How many
children?", ``local_follow_ups.named_follow_ups``); here the subject is the question's noun in
the marketer's words: "¿Cuántas mascotas?", "Wie viele Kinder?", "Combien d'enfants ?",
"Quali allergie?".
"""

from __future__ import annotations

import re

# the bare question word: "how many" or "which"
BARE_ASKED = {
    "es": (r"cu[aá]nt[oa]s", r"cu[aá]les|qu[eé]"),
    "fr": (r"combien", r"lesquel(?:le)?s|quel(?:le)?s"),
    "de": (r"wie viele", r"welche"),
    "pt": (r"quant[oa]s", r"quais"),
    "nl": (r"hoeveel", r"welke"),
    "it": (r"quant[ie]", r"quali"),
}
_WHICH = {"es": "Qué", "de": "Welche", "pt": "Quais", "nl": "Welke", "it": "Quali"}
# words a question ends on after its noun ("Bringen Sie Kinder mit?", "Neemt u kinderen mee?")
_TAIL = {"mit", "dabei", "mee", "bij", "op", "aan", "in"}
_LITTLE = {"sie", "u", "je", "jij", "ihr", "du", "vous", "tu"}
# a plural adjective after its noun ("anteriores", "alimentaires", "domésticas")
_ADJECTIVE = re.compile(
    r"(?:or(?:es|i)|ar(?:ios|ias|i|ie)|aires|(?:i|í)(?:c|qu)(?:os|as|es|i|he)|iv(?:os|as|es|i|e)|"
    r"ifs|ad[oa]s|id[oa]s)$",
    re.I,
)


def _noun(question: str, lang: str) -> str | None:
    """The question's subject: its last word before a particle, a plural one ("¿Alergias?": the
    question is its subject; German: its last capitalised word but the first)."""
    words = re.findall(r"[^\W\d_][\w'-]*", question)
    if lang == "de":
        # "Haustiere?": a question of one word asks about it
        nouns = [w for w in words[1:] or words if w[:1].isupper() and w.lower() not in _LITTLE]
        return nouns[-1] if nouns else None
    while words and words[-1].lower() in _TAIL:
        words.pop()
    if not words or words[-1].lower() in _LITTLE:
        return None
    plural = (
        r"(?:s|x)$" if lang in ("es", "fr", "pt") else r"(?:[eë]n|s)$" if lang == "nl" else r"[ie]$"
    )
    noun = words[-1].split("'")[-1]
    if lang != "nl" and len(words) > 1 and _ADJECTIVE.search(noun) and re.search(plural, words[-2]):
        if len(words) == 2:  # "¿siniestros anteriores?" or "¿tienes hermanos?": no telling
            return None
        noun = words[-2]  # "¿tiene mascotas domésticas?": the noun comes first
    return noun.lower() if re.search(plural, noun, re.I) else None


def _named(word: str, which: bool, noun: str, lang: str) -> str:
    if lang == "fr":
        if which:
            return f"{'Quelles' if re.search('elles?$', word, re.I) else 'Quels'} {noun} ?"
        return f"Combien {'d' + chr(39) if noun[:1] in 'aeéèêiouyh' else 'de '}{noun} ?"
    asked = _WHICH[lang] if which else word[:1].upper() + word[1:].lower()
    return f"{'¿' if lang == 'es' else ''}{asked} {noun}?"


# "¿traes acompañante? (nombre)": whose name, read in English as "Name of the …" (local_follow_ups)
_NAME = {"es": "Nombre", "pt": "Nome", "it": "Nome", "fr": "Nom", "de": "Name", "nl": "Naam"}


def _name_of(noun: str, lang: str) -> str:
    """ "Nombre del acompañante", "Nom de l'invité", "Name der Begleitung": an article guessed
    from the noun's ending, as a marketer would write it."""
    vowel, feminine = noun[:1].lower() in "aeéèêiouyh", re.search(r"a$", noun, re.I)
    of = {
        "es": "de la " if feminine else "del ",
        "pt": "da " if feminine else "do ",
        "it": "dell'" if vowel else "della " if feminine else "del ",
        "fr": "de l'" if vowel else "de la " if re.search(r"e$", noun) else "du ",
        "nl": "van de ",
        "de": "der " if re.search(r"(?:ung|heit|keit|schaft|e|in)$", noun) else "des ",
    }[lang]
    if lang == "de" and of == "des ":
        noun += "s"
    return f"{_NAME[lang]} {of}{noun}"


def _whom(question: str, lang: str) -> str | None:
    """Who the question asks about: its last word before a particle (German: its last
    capitalised word but the first), plural or not."""
    if lang == "de":
        return _noun(question, lang)
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", question) if w.lower() not in _TAIL]
    return words[-1].split("'")[-1].lower() if words and words[-1].lower() not in _LITTLE else None


def name_follow_ups(fields: list, lang: str) -> list[str]:
    """ "¿Cuántas?" shown on "¿Viaja con mascotas?"'s yes: "¿Cuántas mascotas?"; "Name of the
    traes acompañante" shown on "¿Traes acompañante?"'s: "Nombre del acompañante". Returns the
    English labels it replaced."""
    how_many, which = BARE_ASKED[lang]
    by_name = {f["name"]: f for f in fields}
    replaced = []
    for field in fields:
        conds = (field.get("show_if") or {}).get("all") or []
        bare = field.get("label", "").strip(" ¿?")
        m = re.fullmatch(rf"(?:(?P<n>{how_many})|(?P<w>{which}))", bare, re.I)
        whose = re.match(r"Name of the ", bare)
        controller = by_name.get(conds[0].get("field")) if len(conds) == 1 else None
        if not (m or whose) or not controller or len(controller.get("options") or []) != 2:
            continue
        if conds[0].get("value") != controller["options"][0]:  # shown on "yes"
            continue
        if whose:
            whom = _whom(controller["label"], lang)
            if whom:
                replaced.append(field["label"])
                field["label"] = _name_of(whom, lang)
            continue
        noun = _noun(controller["label"].strip(" ¿?"), lang)
        if noun and len(controller["label"].split()) <= 7:
            field["label"] = _named(bare, bool(m["w"]), noun, lang)
    return replaced
