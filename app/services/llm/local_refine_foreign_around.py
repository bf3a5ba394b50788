"""The words around the field in a refinement written in es/fr/de/pt/it/nl (round 42c).

"ajoute un champ entreprise (facultatif)", "aggiungi un campo note alla fine", "añade un
campo empresa para poder enviarles la factura", "o orçamento deve ser uma lista: até 1000€,
1000-5000€, mais de 5000€": a flag in brackets, a place, a purpose and "X must be …" are the
instruction's words, never a label's. ``local_refine_foreign`` reads them with these tables;
a new field whose label still carries them was misread, and the refinement is refused
(``local_refine_general.misread``).
"""

from __future__ import annotations

import re

# Why the marketer wants it ("pour qu'on puisse les rappeler", "damit wir planen können"):
# said after the field, and only a verb or a conjunction opens it ("pour le dîner" names one).
PURPOSE = {
    "fr": r"pour\s+(?:qu['e]|pouvoir|savoir|mieux|faciliter|éviter|(?:les|le|la|l'|nous|vous|leur|lui)\s*"
    r"(?:rappeler|recontacter|contacter|joindre|appeler|écrire|envoyer|relancer|facturer|prévenir|"
    r"informer|identifier|livrer|inviter|aider|conseiller)|nos|notre)\b|afin\s+(?:de|d'|que|qu')|"
    r"parce\s+qu",
    "es": r"para\s+(?:que|poder|podernos|saber|facilitar|evitar|nuestr[oa]s?|\w+(?:ar|er|ir)(?:les|los|las|le|lo|la|nos)\b)"
    r"|a\s+fin\s+de|así\s+(?:podemos|podremos)|porque|ya\s+que",
    "de": r"damit|sodass|so\s+dass|weil|(?<=,\s)denn\b|für\s+(?:uns|unsere?[nmrs]?)\b|um\s+(?:\S+\s+){0,5}zu\s+\S+$",
    "pt": r"para\s+(?:que|poder(?:mos)?|conseguir(?:mos)?|\w+[aei]rmos|a\s+gente|facilitar|evitar|"
    r"(?:[oa]\s+)?noss[oa]s?\b|\w+(?:ar|er|ir)-(?:los|las|lo|la|nos|lhes|lhe)\b)|a\s+fim\s+de|"
    r"assim\s+(?:podemos|conseguimos)|porque|(?<=,\s)pois\b",
    "it": r"per\s+(?:poter(?:li|le|lo|la|ci|vi)?|sapere|facilitare|evitare|noi\b|(?:il\s+|la\s+|i\s+|le\s+)?nostr[oaie]\b|"
    r"\w+(?:are|ere|ire)(?:li|le|lo|la|ci|gli)\b)"
    r"|in\s+modo\s+(?:da|che)|affinch[ée]|cos[iì]\s+(?:possiamo|potremo)|perch[ée]\s+(?:possiamo|dobbiamo)|poich[ée]",
    "nl": r"zodat|omdat|dan\s+kunnen\s+we|voor\s+(?:ons|onze)\b|om\s+(?:\S+\s+){0,5}te\s+\S+$",
}
# ("pois", "denn" only after a comma: "Petits pois" is a field; and "car" only in French
# words: "Is the car on finance?" is no reason given)
_CAR = r"(?<=,\s)car\b|car\s+(?:on|nous|ils?|elles?|c'est)\b"
# "… au cas où", "… falls nötig", "… que es importante": a hedge or a weight, not the field
_JUST_IN_CASE = {
    "fr": r"(?:juste\s+)?au\s+cas\s+o[uù]|si\s+besoin|au\s+besoin|si\s+n[ée]cessaire",
    "es": r"por\s+si\s+acaso|si\s+hace\s+falta|si\s+es\s+necesario",
    "de": r"f[üu]r\s+alle\s+f[äa]lle|falls\s+n[öo]tig|bei\s+bedarf|sicherheitshalber",
    "pt": r"por\s+via\s+das\s+d[úu]vidas|se\s+necess[áa]rio|por\s+precau[çc][ãa]o",
    "it": r"per\s+sicurezza|se\s+serve|se\s+necessario|all'occorrenza",
    "nl": r"voor\s+de\s+zekerheid|indien\s+nodig|zo\s+nodig",
}
_WEIGHT = (
    r"(?:que\s+|dat\s+|das\s+)?(?:es|é|è|c'est|ist|is)\s+(?:muy\s+|très\s+|sehr\s+|muito\s+|"
    r"molto\s+|heel\s+|erg\s+)?(?:importante?|wichtig|belangrijk|necesari[oa]|n[ée]cessaire|n[öo]tig|"
    r"necess[áa]rio|nodig)\b"
)
_SAID = {lang: f"{said}|{_JUST_IN_CASE[lang]}" for lang, said in PURPOSE.items()}
_PURPOSE = {
    lang: re.compile(rf"\s*,?\s+(?:{said}|{_WEIGHT}{'|' + _CAR if lang == 'fr' else ''}).*$", re.I)
    for lang, said in _SAID.items()
}
# in a new label of any language ("What is important to you?" keeps its words)
_PURPOSE["any"] = re.compile(rf"\s*,?\s+(?:{'|'.join(_SAID.values())}).*$", re.I)


def without_purpose(clause: str, lang: str) -> str:
    """The clause without the reason the marketer gives for it (German and Dutch keep the
    particle that closes the verb: "füge ein Feld X für unsere Unterlagen hinzu")."""
    said = _PURPOSE[lang].search(clause)
    if not said:
        return clause
    particle = re.search(r"\s(hinzu|toe)\s*[.!]?$", said.group(0), re.I)
    return f"{clause[: said.start()]}{' ' + particle[1] if particle else ''}".strip() or clause


def unbracketed(clause: str, flags: str) -> str:
    """ "téléphone (obligatoire)": a flag in brackets is said as one without them."""
    return re.sub(rf"\s*\(\s*((?:{flags}))\s*\)", r" \1", clause, flags=re.I)


def without_flag(spec: str, flags: str) -> str:
    """ "(facultatif)", ", opcional,": the flag goes with the brackets or commas around it."""
    return re.sub(rf"\s*,?\s*\(?\s*\b(?:{flags})\b\s*\)?\s*,?", " ", spec, flags=re.I).strip(" ,;")


def particle_last(clause: str, extras: str) -> str:
    """German and Dutch say a place or a flag after the particle ("füge ein Feld Telefon hinzu
    (Pflicht)", "voeg een veld opmerkingen toe aan het eind"): read before it."""
    return re.sub(
        rf"^((?:füge|fügen sie|voeg)\s+.+?)\s+(hinzu|toe)((?:\s*,?\s*\(?\s*(?:{extras})\s*\)?)+)\s*[.!]?$",
        r"\1 \3 \2",
        clause,
        flags=re.I,
    )


# "X doit être / debe ser / soll … sein / deve ser / deve essere / moet … zijn" a kind or answers
COPULA = {
    "fr": r"doit être|doivent être|devrait être|devraient être|sera|est",
    "es": r"debe ser|deben ser|deber[ií]a ser|tiene que ser|ha de ser|ser[aá]|es",
    "de": r"soll|sollte|muss|wird|ist",
    "pt": r"deve ser|devem ser|deveria ser|tem (?:de|que) ser|ser[aá]|é",  # "e" is "and"
    "it": r"deve essere|devono essere|dovrebbe essere|sar[aà]|è",
    "nl": r"moet|zou|wordt|is",
}
_ARTICLE = {
    "fr": r"une?|à",  # "… doit être à choix multiples"
    "es": r"una?",
    "de": r"ein|eine|einen",
    "pt": r"uma?",
    "it": r"una?|uno",
    "nl": r"een",
}
_BE = {"de": r"sein|werden", "nl": r"zijn|worden|moeten zijn"}
_OR = {"fr": "ou", "es": "o|u", "de": "oder", "pt": "ou", "it": "o|oppure", "nl": "of"}
_AND = {"fr": "et", "es": "y|e", "de": "und", "pt": "e", "it": "e|ed", "nl": "en"}
# answers said alone need a modal ("le message est court et clair" describes it) and "or"
# ("… doit être simple et rapide" is no list of answers)
_MODAL = {
    "fr": r"doit être|doivent être|devrait être|devraient être",
    "es": r"debe ser|deben ser|deber[ií]a ser|tiene que ser|ha de ser",
    "de": r"soll|sollte|muss",
    "pt": r"deve ser|devem ser|deveria ser|tem (?:de|que) ser",
    "it": r"deve essere|devono essere|dovrebbe essere",
    "nl": r"moet|zou",
}
# "… une liste avec : a, b", "… un desplegable con las opciones a, b", "… eine Liste mit a, b"
_WITH = {
    "fr": r"avec(?:\s+les\s+(?:options|choix|réponses))?",
    "es": r"con(?:\s+las\s+opciones)?",
    "de": r"mit(?:\s+den\s+(?:optionen|antworten))?",
    "pt": r"com(?:\s+as\s+op[çc][õo]es)?",
    "it": r"con(?:\s+le\s+opzioni)?",
    "nl": r"met(?:\s+de\s+opties)?",
}
# "… muss zwischen 10 und 200 liegen", "… debe ser al menos 2": a limit, read by local_refine_limits
_NO_LIMIT = (
    r"(?!(?:entre|zwischen|tra|fra|tussen|au moins|au plus|al menos|como m[áa]ximo|pelo menos|no m[áa]ximo|"
    r"almeno|al massimo|minstens|hoogstens|mindestens|h[öo]chstens|maximal|minimal|m[íi]nimo|m[áa]ximo|"
    r"de\s+\d|da\s+\d|von\s+\d|van\s+\d)\b)"
)
_YES_NO = re.compile(r"(?:oui|non|s[iíì]|no|ja|nein|sim|n[ãa]o|nee)", re.I)


# "le téléphone doit être à la fin", "die E-Mail soll ganz oben stehen": a place said of a field
_GOES = {
    "fr": r"(?:doit|doivent|devrait|devraient)\s+(?:être|venir|aller|passer|figurer|se trouver|appara[iî]tre)",
    "es": r"(?:debe|deben|deber[ií]a|tiene que)\s+(?:ir|estar|ser|aparecer|quedar)|va|van",
    "de": r"(?:soll|sollte|muss)|kommt|steht",
    "pt": r"(?:deve|devem|deveria|tem (?:de|que))\s+(?:ficar|ir|estar|ser|aparecer|vir)|fica|vai",
    "it": r"(?:deve|devono|dovrebbe)\s+(?:stare|andare|essere|venire|apparire|comparire)|va",
    "nl": r"(?:moet|zou|mag)|komt|staat",
}
_STANDS = {"de": r"stehen|kommen|sein|erscheinen", "nl": r"staan|komen|zijn|moeten staan"}


def patterns(kinds: str, places: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """("shape", pattern) per language: the field, the copula, then a kind with or without
    its answers, or the answers alone ("le niveau doit être débutant, intermédiaire ou avancé");
    and ("move", pattern): the field, then where it goes."""
    rules = {}
    for lang, copula in COPULA.items():
        verb = rf"\s+(?:{_BE[lang]})" if lang in _BE else ""  # German and Dutch close with it
        joined = f"{_OR[lang]}|{_AND[lang]}"
        answers = rf"{_NO_LIMIT}(?:[^,;:]+(?:,\s*[^,;:]+)+|[^,;:]+\s+(?:{joined})\s+[^,;:]+)"
        either = rf"{_NO_LIMIT}[^,;:]+(?:,\s*[^,;:]+)*\s+(?:{_OR[lang]})\s+[^,;:]+"
        rules[lang] = [
            (
                "shape",
                rf"(?P<target>[^:]+?)\s+(?:{copula})\s+(?:{_ARTICLE[lang]})\s+(?P<kind>{kinds})(?:{verb})?"
                rf"(?:\s*:\s*|\s+(?:{_WITH[lang]})\s*:?\s*)?(?P<answers>(?<=[:\s]){answers})?(?:{verb})?",
            ),
            (
                "shape",
                rf"(?P<target>[^:,]+?)\s+(?:{_MODAL[lang]})\s*:?\s+(?P<answers>{either}){verb}(?P<kind>)",
            ),
            (
                "move",
                rf"(?P<target>[^:,]+?)\s+(?:{_GOES[lang]})\s+(?P<where>{places[lang]})"
                + (rf"(?:\s+(?:{_STANDS[lang]}))?" if lang in _STANDS else ""),
            ),
        ]
    return rules


def shape(m: re.Match, target: str, kind: str | None, lang: str) -> str | None:
    """The change in English: "change X to a dropdown: a, b, c"; None when the answers are
    no list of answers (a sentence, yes or no)."""
    answers = (
        re.sub(rf"\s+(?:{_BE[lang]})$", "", m["answers"] or "")
        if lang in _BE
        else m["answers"] or ""
    )
    # "5 o más", "10 ou plus" is one answer
    more = r"(?!(?:m[aá]s|plus|mehr|mais|pi[uù]|meer|menos|moins|weniger|meno|minder)\s*(?:,|$))"
    joined = f"{_OR[lang]}|{_AND[lang]}"
    items = re.split(rf",\s*(?:(?:{joined})\s+)?|\s+(?:{joined})\s+{more}", answers)
    items = [i.strip() for i in items]
    items = [i for i in items if i]
    if answers and (len(items) < 2 or any(len(i.split()) > 4 for i in items)):
        return None
    if items and all(_YES_NO.fullmatch(i) for i in items):
        return None  # "… doit être oui ou non": the yes/no readers'
    if not kind and not items:
        return None
    said = f"change {target} to a {kind or 'dropdown'}"
    return f"{said}: {', '.join(items)}" if items else said


def answers_said(spec: str, lang: str, choices: str, yes_no: str) -> tuple[str, str, str]:
    """(the new field, a choice kind said before it or a yes/no in brackets after it, its
    answers) of an added field: "une liste déroulante type de jardin : potager, pelouse,
    terrasse", "ein Feld Erfahrung: keine, etwas, viel", "una domanda colore (rosso, verde o
    blu)", "un campo ascensor (sí/no) al final"; the kind and the answers are empty when not
    said."""
    bracket = re.search(rf"\s*\((?P<k>{yes_no})\)", spec, re.I)
    if bracket:
        return f"{spec[: bracket.start()]}{spec[bracket.end() :]}", bracket["k"], ""
    answers = ""
    listed = re.search(
        rf"\s*(?::\s*(?P<a>[^:]+)|\((?P<b>[^()]+(?:,|\s(?:{_OR[lang]})\s)[^()]+)\))\s*$",
        spec,
        re.I,
    )
    if listed and not spec.rstrip().endswith("?"):  # a question's wording holds no answers
        joined = f"{_OR[lang]}|{_AND[lang]}"
        items = [
            i
            for i in re.split(
                rf",\s*(?:(?:{joined})\s+)?|\s+(?:{joined})\s+", listed["a"] or listed["b"]
            )
            if i
        ]
        if len(items) >= 2 and all(len(i.split()) <= 4 for i in items):
            answers, spec = ", ".join(i.strip() for i in items), spec[: listed.start()]
    article = r"(?:(?:un|une|una|uno|um|uma|ein|eine|einen|een)\s+)?"
    kind = re.match(
        rf"{article}(?P<k>{choices})\s+(?!(?:de|d'|des|di|del|van|von|der)\b)(?P<x>\S.*)$",
        spec,
        re.I,
    )
    if kind:
        return kind["x"], kind["k"], answers
    return spec, "", answers


_ARTICLES = r"un|une|una|uno|um|uma|ein|eine|einen|een|el|la|le|il|lo|o|a|de|het|das|der|die|den"


def misread(label: str, places: str, not_of: str) -> bool:
    """Whether a new field's label still carries the instruction's words: empty brackets
    ("Entreprise ( )"), a place at its end ("Note alla fine"), a purpose, or a field said
    with its copula ("O orçamento deve ser uma lista", "Le budget doit changer")."""
    modal = (
        r"doit|doivent|devrait|debe|deben|deber[ií]a|tiene que|deve|devem|deveria|tem (?:de|que)|"
        r"devono|dovrebbe|soll|sollte|muss|moet|moeten"
    )
    return bool(
        re.search(r"\(\s*\)", label)
        or re.search(rf"{not_of}\s(?:{places})\s*$", label, re.I)
        or re.match(rf"(?:{places})\s+(?:{_ARTICLES})\s", label, re.I)
        or _PURPOSE["any"].search(label)
        or re.match(
            rf"(?:le|la|les|l'|el|los|las|o|os|as|der|die|das|il|lo|gli|de|het)\s.*?\s(?:{modal})\b",
            label,
            re.I,
        )
    )
