"""Descriptions written in Spanish, French, German or Portuguese (local engine, issue 20).

A marketer describes the form in their own language: "Formulario de reserva: nombre,
email, fecha preferida, número de personas y alergias". The engine's cues are English,
so ``to_english`` reads the description piece by piece (the list items between commas,
colons, brackets and the words for "and" / "or") and glosses each piece it knows —
field nouns (nombre → name, fecha preferida → preferred date, Anzahl der Teilnehmer →
number of attendees), the words that name what a form is for (reserva → booking, devis
→ quote, Beschwerde → complaint, lettre d'information → newsletter) and, inside pieces
it does not know, the words that give a field its type (fecha/date/Datum/data → date,
hora/heure/Uhrzeit → time, número de/nombre de/Anzahl → number of). The pieces are kept
aligned with the original words, so ``localize`` gives every field back the marketer's
label ("Fecha preferida", not "Preferred date"); what the engine added itself is
translated from the phrase table. Not a translator: an unknown word stays as written.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from app.services.llm.local_asked_nouns import asked_nouns
from app.services.llm.local_clause_items import GERMAN_THING
from app.services.llm.local_condition_items import condition_then_asked, foreign_age
from app.services.llm.local_domain import concept_for
from app.services.llm.local_field_shapes import file_label, rated, rating_shape
from app.services.llm.local_field_typos import correct_field_words
from app.services.llm.local_fields import _field_name
from app.services.llm.local_foreign_names import FORM_NAMES
from app.services.llm.local_foreign_options import join_trailing_answers
from app.services.llm.local_foreign_words import TABLES
from app.services.llm.local_item_pairs import aspect_of, german_pairs, romance_pairs
from app.services.llm.local_kept_items import said_scale
from app.services.llm.local_own_words import leading_word, own_word
from app.services.llm.local_phrases import EXAMPLE_PREFIX
from app.services.llm.local_translate import LANGUAGE_NAMES, phrase
from app.services.llm.local_verb_first import verb_first

# Little words that tell the languages apart (and English, so that an English
# description with a "de" in a name is never read as foreign).
_STOP = {
    "en": "the and we to of is for our you with are this have a an or their them they ask form",
    "es": "el la los las que para y nuestro nuestra nuestros un una por con es de del su sus o "
    "numero fecha telefono correo nombre formulario solicitud reserva apellidos mensaje direccion hora personas cita queja presupuesto cotizacion boletin "
    "cual cuales",
    "fr": "le la les des nous vous pour est une un et avec dans notre nos de du votre ou nom "
    "prenom telephone formulaire demande adresse courriel heure personnes devis reservation rendez-vous reclamation "
    "quel quelle quels quelles",
    "de": "der die das und wir ist fur ein eine sie ihr uns mit nicht den dem des oder unser "
    "unsere unseren unserem zum zur anzahl formular vorname nachname nachricht telefon "
    "telefonnummer firma anschrift uhrzeit ihre ihren bitte datum buchung anfrage angebot "
    "beschwerde welche welcher welches welchen",
    "pt": "o os as que para uma um com e de do da dos das nosso nossa ou nome telefone "
    "formulario pedido morada apelido telemovel mensagem horario pessoas orcamento "
    "reclamacao agendamento qual quais",
}
_WORDS = {lang: set(words.split()) for lang, words in _STOP.items()}
# Words only one of the languages uses: they break a tie (es/pt share "para", "de"…).
_MARKERS = {
    "es": "y nuestro nuestra del telefono correo nombre fecha hora personas queja quejas cita "
    "un una el los las quieres recibir",
    "fr": "et nous vous notre nos du prenom nom heure devis personnes reservation",
    "de": "und der die das fur unser unsere unserem mit anzahl datum uhrzeit",
    "pt": "e nosso nossa do da nome telefone data horario morada encomenda pessoas "
    "um uma na no nas nos voce quiser receber atualizacoes",
}
_MARK = {lang: set(words.split()) for lang, words in _MARKERS.items()}


def foreign_little_word(word: str) -> bool:
    """An es/fr/de/pt little word English does not use ("de", "la", "le", "rendez-vous"): in an
    English description it belongs to a name ("Café de la Plage")."""
    word = fold(word)
    return word not in _WORDS["en"] and any(
        word in _WORDS[lang] for lang in ("es", "fr", "de", "pt")
    )


def fold(text: str) -> str:
    """Lower case without accents ("Número" → "numero")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ß", "ss")


def _vocabulary(lang: str) -> set[str]:
    """Every word of the language's little words and glossary keys (folded)."""
    words = set(_WORDS[lang])
    for kind in ("field", "word", "type"):
        for key in TABLES[kind][lang]:
            words.update(_tokens(key))
    return words


def _tokens(text: str) -> list[str]:
    """Words, a hyphenated one whole ("e-mail", "rendez-vous", "ligue-me")."""
    return re.findall(r"[a-z]+(?:-[a-z]+)*", text)


# English words of descriptions: the little words, what the glossaries read into, the
# names of forms. A word both languages use ("reservation", "date", "menu", "message")
# is evidence for neither.
_ENGLISH = (
    _WORDS["en"]
    | {
        w
        for kind in ("field", "word", "type")
        for table in TABLES[kind].values()
        for gloss in table.values()
        for w in _tokens(gloss.lower())
    }
    | set(
        "e-mail form request requests sign signup booking reservation registration application enquiry "
        "inquiry quote survey feedback newsletter contact appointment waitlist complaint order "
        "support demo event call back me my your us please with from at in on by what when which "
        "how who where would like want need be it that get information info pack names details".split()
    )
)
# Words marketers use in every one of the languages: evidence for none of them
_SHARED = set(
    "e-mail email newsletter feedback demo budget online website web app cv marketing team "
    "event ticket startup software workshop webinar".split()
)
_VOCAB = {lang: _vocabulary(lang) for lang in ("es", "fr", "de", "pt")}


# German joins its field words ("Auszugsadresse", "Umzugsdatum", "Umzugsanfrage"): a word
# ending in one of these heads is German, whatever it starts with; so is a long "-ung" noun
# ("Abteilung", "Weiterbildung", "Begründung")
_DE_COMPOUND = re.compile(
    r"^[a-z]{3,}(?:adresse|datum|anfrage|nummer|anmeldung|formular|flache|termin|bestellung|"
    r"wunsch|angebot|zeitraum|kosten|groesse|grosse|antrag)$|^[a-z]{5,}ung$"
)


def source_language(text: str) -> str | None:
    """es, fr, de or pt when the description reads as that language rather than English:
    at least two of its words are that language's and not English, and more of them than
    English words that language does not share (so one "reservation" or "de la" in an
    English description is not enough, and "Ruf mich zurück: Name, Telefon" is)."""
    # "couple's", "don't": the English "s" and "t" are no word of any language
    words = [w for w in _tokens(fold(text)) if w not in ("s", "t")]
    if not words:
        return None
    own = {
        lang: [
            w
            for w in words
            if (w in vocab or (lang == "de" and _DE_COMPOUND.match(w)))
            and w not in _ENGLISH
            and w not in _SHARED
        ]
        for lang, vocab in _VOCAB.items()
    }
    counts = {lang: len(found) for lang, found in own.items()}
    best = max(counts, key=lambda lang: counts[lang])
    tied = [lang for lang in counts if counts[lang] == counts[best]]
    if len(tied) > 1:
        best = max(tied, key=lambda lang: sum(w in _MARK[lang] for w in words))
    english = sum(w in _ENGLISH and w not in _VOCAB[best] and w not in _SHARED for w in words)
    if counts[best] >= 2 and counts[best] > english:
        return best
    if counts[best] == 1 and english == 0 and len(words) <= 6:
        return best  # "Newsletter: email, prénom": a short list with nothing English in it
    return None


_FIELDS, _WORDS_IN, _TYPE_WORDS = TABLES["field"], TABLES["word"], TABLES["type"]
# Question words opening an item: "was kaputt ist" asks what is broken.
_ASK = {
    "es": {"que": "what", "por que": "why", "cuando": "when", "como": "how", "cual": "which",
           "cuantos": "how many", "cuantas": "how many", "donde": "where", "quien": "who"},
    "fr": {"pourquoi": "why", "quand": "when", "comment": "how", "quel": "which", "quelle": "which",
           "quel est": "what is", "quelle est": "what is", "quels sont": "what are",
           "quelles sont": "what are",
           "ce qui": "what", "ce que": "what", "combien de": "how many",
           "combien": "how many"},
    "de": {"was": "what", "warum": "why", "wann": "when", "wie": "how", "welche": "which",
           "welcher": "which", "welches": "which", "wie viele": "how many", "wo": "where",
           "wer": "who"},
    "pt": {"o que": "what", "porque": "why", "por que": "why", "quando": "when", "como": "how",
           "qual": "which", "quantos": "how many", "quantas": "how many", "onde": "where",
           "quem": "who"},
}  # fmt: skip
# Words that open a list of fields, like a colon ("Quiero saber su nombre, …").
_LEAD = {
    "es": r"(?:quiero|queremos|necesito|necesitamos) saber|preguntar(?: por)?",
    "fr": r"(?:je veux|nous voulons|je voudrais|nous voudrions|il faut) (?:savoir|conna[iî]tre)",
    "de": r"(?:wir|ich) (?:m[öo]chten|wollen|brauchen|m[üu]ssen) (?:wissen|erfahren)|abfragen|erfragen",
    "pt": r"(?:quero|queremos|preciso|precisamos) (?:de )?saber|perguntar",
}
_AND = {"es": r"y|e", "fr": r"et", "de": r"und", "pt": r"e"}
_OR = {"es": r"o|u", "fr": r"ou", "de": r"oder", "pt": r"ou"}
_ARTICLE_WORDS = re.compile(
    r"^(?:el|la|los|las|su|sus|le|les|l'|votre|vos|der|die|das|den|ihre?|ihren|o(?=\s+(?!que\b))|"
    r"os|as|seu|sua|seus|suas)\s+|^l'",  # "o que precisa?" asks what, "o" is no article there
    re.I,
)
_ARTICLE = re.compile(
    r"^(?:el|la|los|las|un|una|su|sus|le|les|l'|une|votre|vos|leur|leurs|der|die|das|den|dem|"
    r"ein|eine|ihr|ihre|ihren|o|os|as|um|uma|seu|sua|seus|suas)\s+"
)


# "numéro de licence si vous en avez un", "número de sócio se tiver", "Mitgliedsnummer falls
# vorhanden": said of the item, read as the English qualifier (the field is optional) and kept
# out of the marketer's label.
_QUALIFIER = {
    "es": r"si (?:lo |la |los |las )?(?:tiene|tienes|tienen|sabe|sabes|conoce|hay)(?: uno| una)?|"
    r"si (?:procede|aplica|corresponde|es posible)|en su caso|opcional",
    "fr": r"si (?:vous |tu )?(?:en |le |la |les )?(?:avez|as|connaissez|connais)(?: une?)?|"
    r"s'il y en a(?: une?)?|si possible|si connue?s?|le cas [eé]ch[eé]ant|facultatif|facultative",
    "de": r"(?:falls|wenn|sofern) (?:vorhanden|bekannt|zutreffend|m[oö]glich)|optional",
    "pt": r"se (?:o |a )?(?:tiver|tem|houver|souber|aplic[aá]vel|poss[ií]vel)(?: um| uma)?|"
    r"caso (?:tenha|exista|haja)|opcional",
}


# "NIF si es empresa", "adresse de facturation si différente", "Rechnungsadresse falls
# abweichend", "morada de faturação se diferente": a condition after the noun makes it
# optional, as a qualifier does ("si oui / falls ja" open a follow-up and stay).
_CONDITION = {
    "es": r"si\s+(?!s[ií]\b|no\b)",
    "fr": r"si\s+(?!oui\b|non\b)|s'il\s+",
    "de": r"(?:falls|wenn|sofern)\s+(?!ja\b|nein\b)",
    "pt": r"(?:se|caso)\s+(?!sim\b|n[aã]o\b)",
}
_ASKS = re.compile(
    r"^(?:qu[eé]|c[oó]mo|cu[aá]l|cu[aá]ndo|d[oó]nde|por qu[eé]|quoi|comment|quel|quelle|quand|"
    r"o[uù]|pourquoi|was|wie|welche[rs]?|wann|wo|warum|o que|como|qual|quando|onde|porque)\b",
    re.I,
)


def _without_qualifier(piece: str, lang: str) -> tuple[str, str]:
    """(the piece without a trailing qualifier, its English) — ("", "") when it has none."""
    match = re.search(rf"\s+(?:{_QUALIFIER[lang]})\s*$", piece, re.I)
    if not match:
        match = re.search(
            rf"\s+(?:{_CONDITION[lang]})[\w'’-]+(?:\s+[\w'’-]+){{0,3}}\s*$", piece, re.I
        )
        head = piece[: match.start()].strip() if match else ""
        if not head or len(head.split()) > 5 or _ASKS.match(head):
            return piece, ""
    if not piece[: match.start()].strip():
        return piece, ""
    return piece[: match.start()], foreign_age(piece[match.start() :]) or " if known"


_SINCE = {  # on folded text (no accents)
    "es": re.compile(
        r"\b(?:en|durante) (?:los|las) (?:ultim[oa]s|pasad[oa]s) (?P<n>\d+) (?P<unit>anos|meses|semanas)\b"
    ),
    "fr": re.compile(
        r"\b(?:au cours des|dans les|durant les|pendant les|ces) (?P<n>\d+) (?:dernier(?:e)?s) "
        r"(?P<unit>annees|ans|mois|semaines)\b"
    ),
    "de": re.compile(
        r"\b(?:in|wahrend) den (?:letzten|vergangenen) (?P<n>\d+) (?P<unit>jahren|monaten|wochen)\b"
    ),
    "pt": re.compile(
        r"\b(?:nos|nas|durante os|durante as) (?:ultim[oa]s) (?P<n>\d+) (?P<unit>anos|meses|semanas)\b"
    ),
}
_UNIT = {"an": "years", "ja": "years", "me": "months", "mo": "months", "se": "weeks", "wo": "weeks"}


# A yes/no question to the visitor opened by its auxiliary ("avez-vous déjà contacté …",
# "haben Sie das Produkt schon benutzt", "já falou com algum colega", "ya habló con …"):
# read as "have you …" / "are you …", so it is a Yes/No field labelled with the question
_YES_NO_OPENER = {
    "es": re.compile(r"^(?:(?P<have>(?:usted\s+)?ya|ha usted|han ustedes)|(?P<are>es usted))\s+"),
    "fr": re.compile(
        r"^(?:(?P<have>avez[- ]vous|as[- ]tu|vous avez deja)|(?P<are>etes[- ]vous|es[- ]tu))\s+"
    ),
    "de": re.compile(
        r"^(?:(?P<have>haben sie|hast du|habt ihr|hatten sie)|(?P<are>sind sie|bist du|waren sie))\s+"
    ),
    "pt": re.compile(r"^(?:(?P<have>(?:voce\s+)?ja)|(?P<are>voce e|voce esta))\s+"),
}


def _gloss_piece(piece: str, lang: str, top: bool = True) -> str:
    """One piece in English: whole when known, else its purpose and type words."""
    opener = _YES_NO_OPENER[lang].match(fold(piece).strip())
    if opener and len(piece.split()) >= 3:
        rest = fold(piece).strip()[opener.end() :]
        return (
            f"{'have you' if opener['have'] else 'are you'} {_gloss_piece(rest, lang, top=False)}"
        )
    # a thing after it (an article or a noun's capital), not a verb's words ("schon mal gekocht")
    already = lang == "de" and re.match(
        r"(?:schon|bereits)\s+(?=ein|[A-ZÄÖÜ])", piece.strip(), re.I
    )
    already = already if already and re.match(r"\S+\s+(?:ein|[A-ZÄÖÜ])", piece.strip()) else None
    if already and top:  # "schon eine Website?", "bereits Kunde?": whether they have or are
        return f"have you {_gloss_piece(piece.strip()[already.end() :], lang, top=False)}"
    core = _ARTICLE.sub("", fold(piece).strip())
    verb = core not in _FIELDS[lang] and verb_first(fold(piece).strip(), lang)
    if verb:  # "brauchen Sie einen Ersatzwagen", "tem animais": a yes/no question
        return f"{verb[0]} {_gloss_piece(verb[1], lang)}"
    if core in _FIELDS[lang]:
        return _FIELDS[lang][core]
    if lang == "de" and re.fullmatch(r"(?:[a-z]+ )?[a-z]+(?:datum|termin)", core):
        return f"{core} date"  # "Kaufdatum", "(gewünschter) Liefertermin": a date
    out = fold(piece).strip()
    out = re.sub(r"\bd'", "de ", out) if lang == "fr" else out  # "nombre d'invités"
    for word in sorted(_ASK[lang], key=len, reverse=True):  # "was kaputt ist": a question
        if re.match(rf"{re.escape(word)}\b", out):
            out = _ASK[lang][word] + out[len(word) :]
            break
    # the one-word field nouns too, so a condition names its answer as the options do
    # ("(particular o empresa); si es empresa" → "company" both times)
    nouns = {k: v for k, v in _FIELDS[lang].items() if " " not in k}
    table = {**nouns, **_WORDS_IN[lang], **_TYPE_WORDS[lang]}
    # "de 1 à 5" / "von 1 bis 10": a scale
    out = re.sub(r"\b(?:de|del|von) (\d+) (?:a|al|ate|bis) (\d+)\b", r"from \1 to \2", out)
    out = re.sub(r"\b(?:sur|sobre|em) (\d+)\b", r"out of \1", out)  # "sur 10", "sobre 5"
    # "en los últimos 5 años", "au cours des 5 dernières années", "in den letzten 5 Jahren",
    # "nos últimos 5 anos": a span of time ("any X in the last 5 years?" asks whether)
    out = _SINCE[lang].sub(lambda m: f"in the last {m['n']} {_UNIT[m['unit'][:2]]}", out)
    out = re.sub(
        r"^(?:algun[oa]?s?|alguna?s?|des|d'autres|irgendwelche|algum[ae]?s?)\s+", "any ", out
    )
    if lang in ("es", "pt"):  # "número de matrícula / de sócio" names one thing, an identifier;
        # only a plural counts ("número de personas"): "matricula number", not "number of"
        out = re.sub(r"\bnumero de (\w+[^\Ws])\b", r"\1 number", out)
    if lang == "fr":  # keys read like the text: "lettre d'information" → "lettre de information"
        table = {re.sub(r"\bd'", "de ", k): v for k, v in table.items()}
    if lang == "de":  # "Catering-Anfrage" is a "catering enquiry" ("Rückruf-Anfrage" is known)
        out = re.sub(
            r"\b(\w+)-(\w+)\b",
            lambda m: f"{m[1]} {m[2]}" if m[0] not in table and m[2] in table else m[0],
            out,
        )
    for word in sorted(table, key=len, reverse=True):
        out = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", table[word], out)
    plain = fold(piece).strip()
    unchanged = out == (re.sub(r"\bd'", "de ", plain) if lang == "fr" else plain)
    return piece if unchanged else out


def _is_field_word(word: str, lang: str) -> bool:
    key = fold(word)
    return key in _FIELDS[lang] or key in _TYPE_WORDS[lang] or f"{key} de" in _TYPE_WORDS[lang]


def to_english(text: str, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """(the description glossed in English, [(English piece, the marketer's words)])."""
    text = condition_then_asked(text, lang)  # "si oui lequel": the condition, then its ask
    # "hora de inicio y de fin", "An- und Abreisedatum": two fields, each with its noun
    text = german_pairs(text) if lang == "de" else romance_pairs(text)
    text = join_trailing_answers(text, lang, lambda w: _is_field_word(w, lang))
    # A conjunction is a word between spaces, also right after a bracket: ") y presupuesto";
    # "quiero saber" / "nous voulons savoir" opens a list like a colon.
    splitter = re.compile(
        rf"(\s*[,;:.!?¿¡()/]\s*|\s+[-–—]\s+|(?<=\s)(?:{_AND[lang]}|{_OR[lang]})(?=\s|,)|"
        rf"(?:^|(?<=\s))(?:{_LEAD[lang]})(?=\s))",
        re.I,
    )
    parts, pairs = _without_relative_clauses(splitter.split(text), lang), []
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a separator: "y" / "et" / "und" → and, "o" / "ou" / "oder" → or
            word = part.strip().lower()
            if re.fullmatch(_LEAD[lang], word, re.I):
                out.append(": ")
            elif re.fullmatch(_AND[lang], word):
                out.append(" and ")
            elif re.fullmatch(_OR[lang], word):
                out.append(" or ")
            elif word in ("¿", "¡"):  # "¿cómo valoraría…?" is read as "how would you rate…?"
                out.append(" ")
            else:
                out.append(part)
            continue
        part, qualifier = _without_qualifier(part, lang)
        english = _gloss_piece(part, lang) if part.strip() else part
        heading = i + 1 < len(parts) and parts[i + 1].strip() == ":"
        if part.strip() and not heading:  # unchanged pieces too (a label read from them is
            # the marketer's); not the heading ("Questionnaire de satisfaction :")
            pairs.append((english.strip(), part.strip()))
        out.append(english + qualifier)
    glossed = {en for en, _ in pairs}
    if "name" in glossed and glossed & {"first name", "last name"}:
        # "nom, prénom" / "Name, Vorname": the name is the family name; "nombre, apellidos":
        # the given name
        other = "last name" if "first name" in glossed else "first name"
        out = [
            other if piece.strip() == "name" and i % 2 == 0 else piece
            for i, piece in enumerate(out)
        ]
        pairs = [(other if en == "name" else en, orig) for en, orig in pairs]
    return "".join(out), pairs


# German puts a comma before a relative clause ("die Art von Essen, die Sie wünschen (Buffet,
# Menü)"): the clause is no item of the list, and the answers after it belong to the noun.
_DE_RELATIVE = re.compile(
    r"^\s*(?:die|der|das|den|dem|welche[nrms]?)\s+(?:sie|du|ihr|wir|man|er|es)\s+[\w\s]{0,40}$",
    re.I,
)


def _without_relative_clauses(parts: list[str], lang: str) -> list[str]:
    """``parts`` alternate piece, separator, piece…; a ", die Sie wünschen" pair goes."""
    if lang != "de":
        return parts
    out = list(parts)
    for i in range(len(out) - 2, 0, -1):
        if i % 2 and out[i].strip() == "," and _DE_RELATIVE.match(out[i + 1]):
            if GERMAN_THING.match(out[i - 1].strip()):  # "etwas, das wir wissen sollten"
                out[i - 1 : i + 2] = ["".join(out[i - 1 : i + 2])]  # the item (round 32c)
                continue
            del out[i : i + 2]
    return out


def _norm(text: str) -> str:
    text = re.sub(r"\b(?:your|their|the|a|an)\b", " ", fold(text))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _closest(label: str, by_text: dict[str, str]) -> str | None:
    """The marketer's piece the engine's label was read from when the engine respelt a word
    of it (a typo fixer may read "experiencia previa" as "experience previa")."""
    close = difflib.get_close_matches(label, list(by_text), n=1, cutoff=0.85)
    if not close or len(label) < 6:
        return None
    said = by_text[close[0]]
    if close[0].startswith(label + " ") and len(said.split()) == len(close[0].split()):
        # "durée du cours 30 ou 45 minutes": the label is the words before the first answer
        return " ".join(said.split()[: len(label.split())])
    return said


def _file_said(label: str, pairs: list[tuple[str, str]]) -> str | None:
    """The marketer's word for the file asked for: "laden Sie Ihren Lebenslauf hoch" (read
    "upload your cv") asks for a "Lebenslauf", not a "CV"; "sube tu foto" for a "Foto"."""
    for en, orig in pairs:
        if file_label(en).lower() == label.lower() != en.lower():  # the piece it was read from
            said = file_label(orig)
            return said if said != orig else None
    return None


def _capital(text: str) -> str:
    if re.match(r"[a-z]+[A-Z]", text):  # "iPhone", "eBay": a brand keeps its spelling
        return text
    return text[:1].upper() + text[1:]


def _label(piece: str) -> str:
    """The marketer's words as a label: "le prénom" → "Prénom", "su nombre" → "Nombre"."""
    return _capital(_ARTICLE_WORDS.sub("", piece.strip()) or piece.strip())


def _asked(label: str, english: str, lang: str) -> str:
    """A question keeps its shape in the marketer's language ("Quel est votre niveau ?",
    "¿Qué instrumento toca?"), as the English label read from it does."""
    if not english.endswith("?") or label.rstrip().endswith("?"):
        return label
    if lang == "fr":
        return f"{label} ?"
    return f"¿{label}?" if lang == "es" and not label.startswith("¿") else f"{label}?"


_JOIN_WORDS = {
    "or": {"es": "o", "fr": "ou", "de": "oder", "pt": "ou"},
    "and": {"es": "y", "fr": "et", "de": "und", "pt": "e"},
}


def _joined(label: str, by_text: dict[str, str], original: str, lang: str) -> str | None:
    """ "Intérieur or terrasse" (read from "intérieur ou terrasse") → the marketer's own words,
    joined as they joined them: a label never mixes in an English "or" / "and"."""
    parts = re.split(r"\s+(or|and)\s+", label.strip(), flags=re.I)
    if len(parts) < 3:
        return None
    pieces = [by_text.get(_norm(p)) or _closest(_norm(p), by_text) or p for p in parts[::2]]
    if any(_norm(p) not in _norm(original) for p in pieces):
        return None  # a piece the engine wrote itself: the phrase table's job
    said = re.search(
        r"\s+\w+\s+".join(re.escape(p) for p in pieces), original, flags=re.I
    )  # "entrega a domicilio o recogida en tienda", "Sommerreifen oder Winterreifen"
    if said:
        return said.group(0)
    words = [_JOIN_WORDS[j.lower()][lang] for j in parts[1::2]]
    return " ".join(x for pair in zip(pieces, [*words, ""], strict=True) for x in pair).strip()


def _in_their_words(text: str, by_text: dict[str, str], original: str) -> str | None:
    """An answer the engine put together from the marketer's glossed pieces ("Phone
    kontaktweg" from "Telefon oder E-Mail als Kontaktweg") back in their words, when every
    word of the result is one they wrote; else None."""
    out = text
    for english in sorted((k for k in by_text if k), key=len, reverse=True):
        theirs_for = by_text[english]
        out = re.sub(
            rf"(?<!\w){re.escape(english)}(?!\w)", lambda _m, w=theirs_for: w, out, flags=re.I
        )
    theirs = set(re.findall(r"\w+", fold(original)))
    if out == text or not all(w in theirs for w in re.findall(r"\w+", fold(out))):
        return None
    return out


# A scale as the marketer wrote it: "del 1 al 5", "sur 10", "von 1 bis 5", "de 1 a 5", "(1-5)"
_SCALE_WORDS = re.compile(
    r"\s*\(?\s*(?:(?:de|del|von|entre)\s+)?\d{1,2}\s*(?:-|–|a|al|à|ate|até|bis|et|y|e|und)\s*"
    r"\d{1,3}\s*\)?|\s*\b(?:sur|sobre|em|auf|von|de)\s+\d{1,3}\b",
    re.I,
)


_SCALE_HELP = {"es": "Del {} al {}", "fr": "De {} à {}", "de": "Von {} bis {}", "pt": "De {} a {}"}


def _rating_question(field: dict, orig: str | None, pairs: list, lang: str) -> str | None:
    """A rating read from "¿cómo valoraría el curso del 1 al 5?" is labelled with the
    marketer's question without its scale ("¿Cómo valoraría el curso?"), not "El curso rating"
    (``orig``: the piece it was read from, when known)."""
    if orig is None:
        rated_pieces = [(en, o) for en, o in pairs if rated(en)]
        scaled = [
            o
            for en, o in rated_pieces
            if (shaped := rating_shape(en))
            and (shaped["min"], shaped["max"]) == (field["min"], field["max"])
        ]
        # "Gesamtnote 1-10": the piece that says this scale, not the first one rated
        scaled = scaled or said_scale(pairs, field.get("min"), field.get("max"))
        # "wie bewerten Sie den Kurs (1-5)": the scale in brackets is a piece of its own
        orig = (scaled or [o for _, o in rated_pieces[:1]] or [None])[0]
    if not orig:
        return None
    words = re.sub(r"\s+", " ", _SCALE_WORDS.sub(" ", orig)).strip(" ,.:;?¿")
    if not words:
        return None
    first = fold(words)
    # "¿nos recomendaría como casero? (0-10)": the marketer's own question, asked as one
    own = field["label"].endswith("?") and fold(field["label"]).startswith(first.split()[0])
    if any(re.match(rf"{re.escape(w)}\b", first) for w in _ASK[lang]) or own:
        mark = " ?" if lang == "fr" else "?"  # French sets its question mark apart
        words = ("¿" if lang == "es" else "") + _capital(words) + mark
    return words


def localize(config: dict, lang: str, pairs: list[tuple[str, str]]) -> list[str]:
    """Labels and options back in the description's language; the rest from the phrase
    table. Returns the texts left in English (for the draft's notes)."""
    by_text = {_norm(en): orig for en, orig in pairs}
    by_text |= {_norm(en): o for en, o in asked_nouns(pairs, lang) if _norm(en) not in by_text}
    for en, orig in pairs:  # "pünktlich ja/nein" glossed "punktlich yes" + "no": the question
        said = re.match(r"^(.+?)\s+(?:s[ií]|oui|ja|sim)$", orig.strip(), re.I)
        if said and re.search(r"\syes$", en.strip(), re.I):
            by_text.setdefault(_norm(en.strip()[:-4]), said.group(1))
    by_name: dict[str, str] = {}
    for en, orig in pairs:
        shaped = rating_shape(en)  # "nota geral de 1 a 5" names the "geral_rating" field
        for key in (
            concept_for(en),
            _field_name(en),
            _field_name(en.split(" from ")[0]),
            shaped and shaped["name"],
        ):
            if key:  # "rating from 1 to 5" names the "rating" field
                by_name.setdefault(key, orig)
        # "valora la organización, el catering y el lugar (1-5)": each aspect's rating
        # is labelled with the aspect ("Organización"), not "Organizacion rating"
        aspect = aspect_of(re.sub(r"^rate\s+", "", en))
        if aspect:  # the marketer's words for the aspect: as many as the gloss has, from the end
            words = " ".join(orig.split()[-len(aspect.split()) :])
            for key in {f"{aspect} rating", correct_field_words(f"{aspect} rating")}:
                by_name.setdefault(_field_name(key), aspect_of(words))
    left: list[str] = []

    def say(text: str) -> str:
        if not text:
            return text
        done = (
            by_text.get(_norm(text))
            or phrase(text, lang)
            or _in_their_words(text, by_text, config.get("description") or "")
        )
        if done is None:
            left.append(text)
            return text
        return _capital(done)

    for f in config["fields"]:
        read = by_text.get(_norm(f["label"]))  # the label read from the marketer's piece
        # a joined label first: "order_number" was also read from "número de pedido" alone,
        # but its label is "número de pedido o de factura"
        joined = _joined(f["label"], by_text, config.get("description") or "", lang)
        orig = (  # a word the gloss left as written is theirs: "Classe", not "Cours"
            read
            or joined
            or by_name.get(f["name"])
            or _closest(_norm(f["label"]), by_text)
            or own_word(f["label"], pairs)
            or (leading_word(f["label"], pairs) if f.get("options") else None)
        )
        rating = f["type"] == "number" and (f.get("help") or "").startswith("From ")
        if rating:  # the marketer's question without its scale, which the help gives
            orig = _rating_question(f, orig, pairs, lang)
        if read and not rating:
            f["label"] = _asked(_label(read), f["label"], lang)
        elif orig and not rating:  # a respelt question keeps its shape ("¿Cuándo empezó…?")
            f["label"] = _asked(_label(orig), f["label"], lang)
        else:
            f["label"] = _label(orig) if orig else say(f["label"])
        if f["type"] == "file" and not read:
            f["label"] = _file_said(f["label"], pairs) or f["label"]
        renamed = {}
        if f.get("options"):
            for option in f["options"]:  # "Foto y vídeo" stays theirs, not "Photo and vídeo"
                joined = _joined(option, by_text, config.get("description") or "", lang)
                renamed[option] = _capital(joined) if joined else say(option)
            f["options"] = [renamed[o] for o in f["options"]]
        for key in ("placeholder", "help"):
            example = re.match(r"^e\.g\.\s+(.+)$", f.get(key) or "")
            scale = re.fullmatch(r"From (\d+) to (\d+)", f.get(key) or "")
            if scale:  # a rating's scale, now that its label no longer says it
                f[key] = _SCALE_HELP[lang].format(*scale.groups())
            elif example:  # "e.g. #10234" has no words to translate but its prefix
                f[key] = EXAMPLE_PREFIX[lang] + example.group(1)
            elif f.get(key):
                done = phrase(f[key], lang)
                f[key] = done if done is not None else ""
        for other in config["fields"]:  # a rule naming this field's answer follows it
            for cond in (other.get("show_if") or {}).get("all", []):
                if cond.get("field") == f["name"] and cond.get("value") in renamed:
                    cond["value"] = renamed[cond["value"]]
    response = config["response"]
    response["thank_you_message"] = say(response["thank_you_message"])
    for step in config.get("steps") or []:
        step["title"] = say(step.get("title") or "")
    config["name"] = FORM_NAMES.get(config["name"], {}).get(lang, config["name"])
    config["agent"]["instructions"] += (
        f" The form is in {LANGUAGE_NAMES[lang]}: reply in the language the visitor wrote in."
    )
    return left
