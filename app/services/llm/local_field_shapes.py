"""Two field shapes a phrase names outright (SPEC §17 file uploads; ratings).

"photos of the damage", "a CV upload", "the receipt", "a screenshot", "ID documents",
"the invoice", "latest payslip", "factura", "Rechnung", "comprovativo" (round 22b),
"up to 3 pictures" are ``file`` fields with an accept list (images; PDF and office
documents) and a count (a plural takes several, "up to 3" takes 3) — not links.
"a rating 1 to 5", "a score from 1-10", "rate the instructor out of 5" are a number
between those bounds labelled "Rating" (or "Score"), never a text field named after
the scale. ``shape(phrase)`` returns the field's attributes, or None.
"""

from __future__ import annotations

import re

from app.services.forms.fields import FIELD_TYPES
from app.services.llm.local_papers import PAPERS, PLURAL_PAPERS

IMAGES = ["image/*"]
DOCUMENTS = [".pdf", ".doc", ".docx", ".odt", "image/*"]
# word -> what it accepts; a plural noun takes several files
_FILE_WORDS = [
    # the upload nouns of es/fr/de/pt too: a one-word "Foto" or "justificatif" in a list is
    # read here even when the description is too short to be read as foreign
    (
        r"photo(?:graph)?s?|pictures?|pics?|images?|screenshots?|screen ?shots?|snapshots?|"
        r"fotos?|fotograf[ií]as?|bild(?:er)?|capturas? de (?:pantalla|tela)|captures? d'[ée]cran|"
        # what a picture is of says it is one: a headshot, a logo, an x-ray, a "Passfoto"
        r"head ?shots?|logos?|log[óo]tipos?|x-?rays?|radiograf[ií]as?|"
        r"[^\W\d_]{3,}fotos?|[^\W\d_]{3,}foto's",
        IMAGES,
    ),
    (
        r"cvs?|r[eé]sum[eé]s?|resumes?|curriculum vitae|lebenslauf|lebensl[aä]ufe|"
        r"curr[ií]culos?",
        [".pdf", ".doc", ".docx", ".odt"],
    ),
    (
        r"receipts?|invoices?|scans?|proofs? of \w+|id documents?|payslips?|pay ?stubs?|"
        # the papers a person hands over, in es/fr/de/pt (round 22b)
        r"bank statements?|recibos?|facturas?|rechnung(?:en)?|lohnabrechnung(?:en)?|faturas?|"
        r"comprovativos?|n[óo]minas?|fiches? de paie|bulletins? de (?:paie|salaire)|quittances?|"
        r"factures?|utility bills?|cop(?:y|ies) of (?:your |the |a )?(?:passport|lease|licen[cs]e|\w+ "
        r"(?:certificate|licen[cs]e|card))|\w*(?:beleg|nachweis|quittung)(?:e|en)?|\w*(?<!be)rechnung(?:en)?|"
        r"justificatifs?|justificantes?|comprovantes?|belege?|quittungs?|nachweise?|"
        r"pi[eè]ces? jointes?|anh[aä]nge?|anexos?|adjuntos?|documentos?",
        DOCUMENTS,
    ),
    # "plan" alone is a payment or maintenance plan; a floor or site plan is a drawing
    (
        r"documents?|attachments?|files?|certificates?|drawings?|(?:floor|site|building|house|"
        r"seating|business|project|lesson) ?plans?|floorplans?|media ?kits?|press ?kits?|"
        r"grundrisse?|plattegronde?n?|planimetri[ae]",
        DOCUMENTS,
    ),
    (PAPERS, DOCUMENTS),  # a boarding pass, a ticket, a diploma, "Bordkarte" (round 23b)
]
FILE_RE = re.compile(
    rf"\b(?:{'|'.join(p for p, _ in _FILE_WORDS)})\b|\bupload\w*|\battach\w*", re.I
)
# "photo link", "link to your CV": the marketer asked for a link, keep it one
LINK_RE = re.compile(r"\b(?:link|url|website|portfolio)\b", re.I)
PLURAL_RE = re.compile(
    r"\b(?:photo(?:graph)?s|pictures|pics|images|screenshots|documents|attachments|files|"
    r"receipts|invoices|payslips|certificates|drawings|plans|scans|fotos|fotograf[ií]as|bilder|capturas|captures|"
    r"head ?shots|logos|log[óo]tipos|x-?rays|radiograf[ií]as|[^\W\d_]{3,}fotos|[^\W\d_]{3,}foto's|"
    r"justificatifs|justificantes|comprovantes|belege|nachweise|anexos|adjuntos|"
    rf"{PLURAL_PAPERS})\b|\bsome\b|\bseveral\b|\bmultiple\b",
    re.I,
)
UP_TO_RE = re.compile(r"\b(?:up to|at most|max(?:imum)?(?: of)?|no more than)\s+(\d+)\b", re.I)
COUNT_RE = re.compile(
    r"\b(\d+)\s+(?:photo|picture|pic|image|screenshot|file|document|logo|head ?shot)", re.I
)
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}

SCALE_RE = re.compile(
    r"(?:\(?\s*(?:from\s+|on\s+a\s+scale\s+(?:of\s+)?|between\s+)?(?P<lo>\d{1,2})\s*(?:-|–|to|and)\s*"
    r"(?P<hi>\d{1,3})(?:\s+stars?)?\s*\)?|\bout\s+of\s+(?P<of>\d{1,3})|\(?\s*(?P<stars>\d)\s+stars?\s*\)?|"
    # "rate the guide /5", "content score /10": a score over its top mark
    r"(?<![\w/])/\s?(?P<over>5|10|100)\b)",
    re.I,
)
RATING_RE = re.compile(r"\b(?:rat(?:e|ing|ings)|score|stars?|grade)\b", re.I)
# "how useful was it (1-5)", "how likely are you to recommend us, 0-10": a question on a
# scale is a rating too (not "how many", "how long"…, which are counts and durations).
SCALED_QUESTION = re.compile(
    r"^how (?!many\b|much\b|long\b|often\b|soon\b|old\b|far\b|big\b|large\b|tall\b|early\b|late\b)"
    r"[a-z]+\b",
    re.I,
)


# "comfort (1-5), value (1-5)": a short noun given a small scale of its own is an aspect
# rated on it; counts, sizes, ages and amounts in brackets ("guests (1-10)") are not.
_NOT_ASPECT = re.compile(
    r"\b(?:number|how|many|much|size|age|years?|guests?|people|persons?|employees|staff count|"
    r"rooms?|nights?|days?|weeks?|months?|hours?|budget|price range|quantity|qty|amount|kids|"
    r"children|adults|seats|units|count)\b",
    re.I,
)


def aspect_scaled(phrase: str, scale: str) -> bool:
    """Whether ``phrase`` is an aspect rated on ``scale`` (a bracketed "(1-5)", "(0-10)")."""
    m = SCALE_RE.search(scale)
    if not m or not m["lo"] or int(m["lo"]) > 1 or not 3 <= int(m["hi"]) <= 10:
        return False
    words = phrase.split()
    return 1 <= len(words) <= 4 and not re.search(r"\d", phrase) and not _NOT_ASPECT.search(phrase)


def rated(phrase: str) -> bool:
    """Whether the phrase asks for a rating (given a scale)."""
    return bool(RATING_RE.search(phrase) or SCALED_QUESTION.match(phrase.strip()))


def file_supported() -> bool:
    return "file" in FIELD_TYPES


# File formats named outright ("(PDF)", "(jpg/png)", "(PDF or Word)"): exactly these
_FORMATS = [
    (r"pdfs?", [".pdf"]),
    (r"word|docx?", [".doc", ".docx", ".odt"]),
    (r"jpe?gs?|pngs?|gifs?|heic|images?|photos?|pictures?", ["image/*"]),
]


# What is said of a file, typed as text: "photo title", "video caption", "document name",
# "photo consent", "title of the photo", "título de la foto". The noun of an upload names
# what the field is about; only the upload itself ("upload your photo") is a file.
_ABOUT_FILE = (
    r"titles?|captions?|names?|colou?rs?|consent|permissions?|release|descriptions?|credits?|"
    r"types?|numbers?|count|sizes?|formats?|locations?|styles?|dates?|times?|t[ií]tulos?|titre|titel|"
    r"address(?:es)?|amounts?|totals?|e-?mails?|periods?|frequency|references?|queries|query|"
    r"questions?|issues?|problems?|disputes?|status|values?|currency|details|"
    r"n[uú]meros?|num[ée]ro|nummer|betrag|importe|montant|valor|fecha|datum|adresse|direcci[oó]n|"
    r"l[eé]gendes?|leyendas?|legendas?|nombres?|nom|nome|beschreibung|bildunterschrift"
)
_FILE_NOUNS = "|".join(p for p, _ in _FILE_WORDS)
ABOUT_FILE = re.compile(
    rf"\b(?:{_FILE_NOUNS})\s+(?:{_ABOUT_FILE})$|"
    # "número de pedido o de factura", "montant moyen de la facture", "order number or invoice":
    # what is said of the paper (its number, its amount), not the paper
    rf"^(?:the\s+|your\s+)?(?:{_ABOUT_FILE}|references?|refer[eê]ncias?)(?:\s+[\w-]+)?\s+"
    r"(?:of|for|de|del|du|des|da|do|von|para)\b|"
    r"\b(?:numbers?|n[uú]meros?|num[ée]ros?|nummer)\s+(?:or|o|ou|oder)\b|"
    rf"^(?:the\s+)?(?:{_ABOUT_FILE})\s+(?:of|for|about|on|regarding|de|del|du|des|da|do|sur|sobre|"
    rf"von|f[uü]r|zur|zum|zu)\s+"
    rf"(?:(?:the|your|their|la|el|le|les|a|o|der|die|das|l')\s+)?(?:{_FILE_NOUNS})$",
    re.I,
)


# "what will you use the photos for", "para qué usará las fotos", "wofür brauchen Sie die
# Bilder": a question is answered in words; the upload noun in it is its topic
ASKED_QUESTION = re.compile(
    r"^(?:for |para |pour |f[üu]r |zu )?(?:what|which|why|how|when|where|who|whose|"
    r"qu[eé]|cu[aá]l(?:es)?|por ?qu[eé]|quel(?:le)?s?|pourquoi|comment|welche[rsnm]?|was|"
    r"wof[üu]r|warum|wie|wozu|o que|qual|quais)\b|"
    # "describe the photo you'd like", "décrivez le logo souhaité": what it shows, in words
    r"^(?:describe|explain|tell us about|descri(?:ba|be|bir|va|ve)|d[ée]cri(?:vez|re|s)|"
    r"beschreib(?:en sie|e)?)\b",
    re.I,
)


# "photo package", "image rights", "photo session": the last noun heads the phrase, the
# upload noun before it only says which one ("photo ID", "photo evidence" are papers still)
_KIND_OF_FILE_NOUN = re.compile(
    rf"\b(?:{_FILE_NOUNS})\s+(?!(?:{_FILE_NOUNS}|id|evidence|proof|cop(?:y|ies)|uploads?|"
    # a verb or a participle after the noun ("documents needed", "Foto hochladen") is no head
    r"attachments?|hoch\w*|\w+(?:ed|en|ing))\b)[a-z]{3,}$",
    re.I,
)


# "logo on the front or back", "photo on the left sleeve": where it goes, a choice or words
_PLACED = re.compile(
    rf"\b(?:{_FILE_NOUNS})\s+(?:on|at)\s+(?:the\s+)?(?:front|back|left|right|sleeves?|chest|"
    r"top|bottom|sides?|cover)\b",
    re.I,
)


def _accepts(phrase: str, asked: bool) -> list[str] | None:
    """What an upload named by ``phrase`` accepts: the formats said (when an upload was
    asked for outright), else its first upload noun's kind."""
    formats = [a for p, kind in _FORMATS if re.search(rf"\b(?:{p})\b", phrase, re.I) for a in kind]
    if asked and formats:
        return formats
    return next(
        (kind for pattern, kind in _FILE_WORDS if re.search(rf"\b(?:{pattern})\b", phrase, re.I)),
        None,
    )


def file_shape(phrase: str, asked: bool = False) -> dict | None:
    """``{"type": "file", "accept", "max_files", "max_size_mb"}`` for an upload phrase;
    ``asked``: the marketer said "upload" outright, so "portfolio" is a file, not a link."""
    # "portfolio upload", "upload your portfolio": the upload word itself asks for a file
    said = bool(re.search(r"\b(?:upload\w*|attach(?:ed|ment|ments)?)\b", phrase, re.I))
    if not said and (ABOUT_FILE.search(phrase.strip()) or ASKED_QUESTION.match(phrase.strip())):
        return None
    if not said and (_KIND_OF_FILE_NOUN.search(phrase.strip()) or _PLACED.search(phrase)):
        return None
    asked = asked or said
    if not file_supported() or not FILE_RE.search(phrase) or (LINK_RE.search(phrase) and not asked):
        return None
    # "photos or documents": an upload of either takes what each takes (round 24b)
    parts = re.split(r"\s+(?:or|and|o|ou|oder|y|e|et|und)\s+|,", phrase)
    accept = list(dict.fromkeys(a for p in parts for a in _accepts(p, asked) or [])) or DOCUMENTS
    count = 1
    up_to, n = UP_TO_RE.search(phrase), COUNT_RE.search(phrase)
    word = re.search(rf"\b({'|'.join(WORDS)})\s+\w*\s*(?:photos|pictures|images|files)", phrase)
    if up_to or n:
        count = int((up_to or n).group(1))
    elif word:
        count = WORDS[word.group(1).lower()]
    elif PLURAL_RE.search(phrase):
        count = 5
    return {
        "type": "file",
        "accept": list(accept),
        "max_files": max(1, min(count, 10)),
        "max_size_mb": 10,
    }


def link_named(field: dict) -> dict:
    """ "headshot (link)": an address to the picture, labelled so ("Headshot link"); the
    picture's name alone reads as an upload."""
    if field["type"] == "url" and file_shape(field["label"]):
        field["label"] = f"{field['label']} link"
    return field


_FOREIGN_UPLOAD = (
    r"sub[ea]|subir|adjunt[ae]|adjuntar|env[ií]a|enviar|carg[ae]|cargar|joignez|joindre|"
    r"t[ée]l[ée]chargez|t[ée]l[ée]charger|envoyez|ajoutez|envie|anexe|anexar|carregue|carregar|"
    r"laden sie|lade|h[äa]ngen sie|f[üu]gen sie|schicken sie|senden sie"
)
_THEIR = (
    r"tu|su|sus|vuestro|votre|vos|ton|o|a|os|as|seu|sua|teu|tua|ihren|ihre|ihr|deinen|deine|"
    r"el|la|le|les|um|uma|un|una|une|einen|eine"
)


def file_label(phrase: str) -> str:
    """ "upload proof of income" → "Proof of income"; "a CV upload" → "CV"."""
    label = re.sub(
        # "upload de gravação", "upload de l'enregistrement": the of of es/fr/pt/de too
        r"^(?:upload(?:ing)?|attach(?:ing)?)\s+(?:(?:of|de|da|do|du|des|der|von)\s+(?:la\s+|l')?)?"
        r"(?:an?\s+|the\s+|your\s+)?",
        "",
        phrase,
        flags=re.I,
    )
    # "sube tu CV", "joignez votre CV", "envie o seu CV", "laden Sie Ihren Lebenslauf hoch":
    # the thing asked for, without the verb that asks it
    label = re.sub(rf"^(?:{_FOREIGN_UPLOAD})\s+(?:(?:{_THEIR})\s+)*(?=\S)", "", label, flags=re.I)
    label = re.sub(r"^(\S.*?)\s+(?:hoch|bei)$", r"\1", label, flags=re.I)
    label = re.sub(r"\s+(?:upload|attachment|file)s?$", "", label, flags=re.I)
    label = re.sub(r"^(?:a\s+)?cop(?:y|ies)\s+of\s+(?:the\s+|your\s+)?", "", label, flags=re.I)
    label = UP_TO_RE.sub("", label)
    # "plan or photos (Plan, Photos)": the alternatives said again are no part of the label
    echo = re.search(r"\s*\(([^()]+)\)$", label)
    if echo and all(w.strip().lower() in label[: echo.start()].lower() for w in echo[1].split(",")):
        label = label[: echo.start()]
    label = re.sub(r"^\s*\d+\s+", "", label).strip() or phrase
    label = re.sub(r"\bcv\b", "CV", label, flags=re.I)
    label = re.sub(r"\bid\b", "ID", label, flags=re.I)
    return label[:1].upper() + label[1:]


def rating_shape(phrase: str) -> dict | None:
    """``{"type": "number", "min", "max", "label"}`` for "rating 1 to 5", "out of 10"."""
    if not rated(phrase):
        return None
    m = SCALE_RE.search(phrase)
    if not m:
        return None
    if m["of"]:
        lo, hi = 1, int(m["of"])
    elif m["stars"]:
        lo, hi = 1, int(m["stars"])
    elif m["over"]:
        lo, hi = 1, int(m["over"])
    else:
        lo, hi = int(m["lo"]), int(m["hi"])
    if not 0 <= lo < hi <= 100:
        return None
    rest = SCALE_RE.sub(" ", phrase)
    rest = re.sub(
        r"\b(?:an?|the|overall|rate|rating|score|for|of|from|stars?|how|would|you|they|your|their|"
        r"my|our)\b",
        " ",
        rest,
        flags=re.I,
    )
    subject = re.sub(r"\s+", " ", rest).strip(" ,.:()")
    word = "Score" if re.search(r"\bscore\b", phrase, re.I) else "Rating"
    label = f"{subject[:1].upper()}{subject[1:]} {word.lower()}" if subject else word
    if not RATING_RE.search(phrase):  # "How useful was it?" stays the marketer's question
        question = re.sub(r"\s+", " ", SCALE_RE.sub(" ", phrase)).strip(" ,.:()?")
        label = f"{question[:1].upper()}{question[1:]}?"
    elif re.fullmatch(r"it|them|this|that|these|those|us|him|her", subject, re.I):
        # "how would you rate it 1-5", "rate us out of 5": a pronoun names nothing to put
        # before "rating" ("It rating"); the question names what is rated
        label = f"How would you {word.lower().replace('rating', 'rate')} {subject.lower()}?"
    return {
        "type": "number",
        "min": lo,
        "max": hi,
        "label": label,
        "name": re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:50].strip("_"),
        "help": f"From {lo} to {hi}",
    }


def ratings_in(text: str) -> list[dict]:
    """Every "rate X from 1 to 10" / "a score out of 5" in a description, shaped."""
    found = []
    for m in RATING_RE.finditer(text):
        piece = re.split(r"[,.;!?]|\band\b", text[m.start() : m.start() + 60])[0]
        shaped = rating_shape(piece)
        if shaped and all(f["name"] != shaped["name"] for f in found):
            found.append(shaped)
    return found
