"""Descriptions written in Dutch or Italian: read in English, labelled in the marketer's words.

The es/fr/de/pt glossary (``local_foreign_words``) drives a whole language of its own through
the engine (its phrase tables, its submit button); Dutch and Italian have no phrase tables
(``local_phrases.LOCALES``), so a description in them is glossed word by word into English
before the engine reads it (``read_dutch_italian``), and the draft's labels, yes/no answers
and name are put back in the marketer's words afterwards (``relabel_dutch_italian``). The
form's own texts (button, thank-you, placeholders) are the phrase table's Dutch and Italian
(``local_native_texts``). The words are in ``local_dutch_italian_words``.
"""

from __future__ import annotations

import difflib
import re

from app.services.llm.local_asked_nouns import asked_nouns
from app.services.llm.local_condition_items import before_age
from app.services.llm.local_domain import concept_for
from app.services.llm.local_dutch_italian_words import (
    FORM_NAMES,
    NL_COMPOUND,
    OWN_WORDS,
    STOCK,
    WORDS,
    YES_NO,
)
from app.services.llm.local_fields import _field_name
from app.services.llm.local_foreign import _ENGLISH, _SHARED, _VOCAB, _tokens, fold
from app.services.llm.local_narrowed_labels import narrowed_label
from app.services.llm.local_preamble import from_heading
from app.services.llm.local_urgency import scale_words

_SPLIT = re.compile(r"\s*[,;:.!()]\s*|(?<=\?)\s*|\s+[-–—]\s+")  # a question keeps its "?"
_ANSWERS = re.compile(r"\s*\b(?:ja\s*/\s*nee|s[iì]\s*/\s*no)\b\s*$", re.I)
_ARTICLES = re.compile(
    r"^(?:uw|je|jouw|de|het|een|il tuo|la tua|i tuoi|il vostro|la vostra|il|lo|la|le|gli|i|"
    r"l'|un|una|uno|tuo|tua)\s+|^l'",
    re.I,
)


def dutch_or_italian(text: str, lang: str | None) -> str | None:
    """nl or it when the description reads as Dutch or Italian: two of its words are the
    language's own, and more of them than words of the language it was taken for (Italian
    shares "nome", "data", "numero" with Spanish and Portuguese; Dutch "datum" with German)."""
    words = _tokens(fold(text).replace("’", "'"))
    counts = {code: sum(w in own for w in words) for code, own in OWN_WORDS.items()}
    counts["nl"] += sum(bool(NL_COMPOUND.match(w)) and w not in OWN_WORDS["nl"] for w in words)
    best = max(counts, key=lambda code: counts[code])
    if not counts[best] or counts["nl"] == counts["it"]:
        return None
    other = 0
    if lang:  # read as es/fr/de/pt: only when more words are this language's than that one's
        # (a word both use, "nome", "datum", is evidence for neither)
        theirs = _VOCAB[lang] - OWN_WORDS[best] - set(WORDS[best]) - _ENGLISH - _SHARED
        other = sum(w in theirs for w in words)
        if counts[best] <= other:
            return None
    english = sum(w in _ENGLISH_LITTLE for w in words)
    if counts[best] == 1:  # "Iscrizione newsletter: nome, email": a short list, nothing else
        return best if not other and not english and len(words) <= 6 else None
    return best if counts[best] > english else None


_ENGLISH_LITTLE = set(
    "the and we to is for our you with are this have a an or their they ask form name "
    "phone message date number".split()
)


def gloss(piece: str, lang: str) -> str:
    """A piece in English: the longest known phrases first, unknown words as written."""
    if lang == "it":  # "è un regalo?" asks whether it is one; folded, "e" would be "and"
        piece = re.sub(r"(^|[,;:?]\s*)[èÈ](?=\s+[^,;:?]+\?)", r"\1is it", piece.strip())
    out = fold(piece).replace("’", "'").strip()
    out = re.sub(r"\b(ja|si)\s*/\s*(nee|no)\b", r"\1 / \2", out)
    table = WORDS[lang]  # in one pass: Dutch "van" → "of" is not read again as "of" → "or"
    known = "|".join(re.escape(words) for words in sorted(table, key=len, reverse=True))
    out = re.sub(rf"(?<![\w'-])(?:{known})(?![\w'-])", lambda m: table[m.group(0)], out)
    if lang == "nl":  # "startdatum", "opleverdatum": a date, whatever it is of
        out = re.sub(r"\b([a-z]{3,})datum\b", r"\1 date", out)
    return out


def read_dutch_italian(
    text: str, lang: str | None
) -> tuple[str | None, str, list[tuple[str, str]]]:
    """(nl / it / None, the description in English, [(English piece, the marketer's piece)])."""
    code = dutch_or_italian(text, lang)
    if not code:
        return None, text, []
    pairs = []
    for piece in _SPLIT.split(text):
        piece = before_age(_ANSWERS.sub("", piece.strip()).strip())  # "… se minore di 18"
        if not piece:
            continue
        # "data e numero di persone": each noun its own field ("nome e cognome" is one)
        parts = re.split(r"\s+(?:en|of|e|o)\s+", piece)
        if len(parts) > 1 and fold(piece) not in WORDS[code]:
            pairs += [(gloss(p, code), p) for p in parts]
        pairs.append((gloss(piece, code), piece))
    english = gloss(text, code)
    if re.search(r"\blast name\b", english):  # "nome, cognome": the name is the given name
        english = re.sub(r"(^|[,;:]\s*)name(?=\s*(?:[,;:]|$))", r"\1first name", english)
        pairs = [("first name" if en == "name" else en, orig) for en, orig in pairs]
    return code, english, pairs


def _norm(text: str) -> str:
    text = re.sub(r"\b(?:your|their|the|a|an)\b", " ", fold(text))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _label(piece: str) -> str:
    piece = _ARTICLES.sub("", piece.strip()) or piece.strip()
    if fold(piece) in ("cv", "cap"):  # an acronym as it is written
        return piece.upper()
    return piece[:1].upper() + piece[1:]


def relabel_dutch_italian(
    config: dict, lang: str, pairs: list[tuple[str, str]], described: str
) -> None:
    """Labels, yes/no answers and the form's name back in the marketer's words."""
    by_text: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for en, orig in pairs:
        by_text.setdefault(_norm(en), orig)
        by_text.setdefault(_norm(re.sub(r"^is it ", "", en)), orig)  # "Regalo?" is "è un regalo?"
        for key in (concept_for(en), _field_name(en)):
            if key:
                by_name.setdefault(key, orig)
    for en, said in asked_nouns(pairs, lang):  # "Vini preferisci" is "quali vini preferisci?"
        by_text.setdefault(_norm(en), said)
    labels = [_norm(f["label"].rstrip("?")) for f in config["fields"]]
    for f in config["fields"]:
        norm = _norm(f["label"].rstrip("?"))
        close = difflib.get_close_matches(norm, list(by_text), n=1, cutoff=0.85)
        orig = (
            by_text.get(norm)
            or by_name.get(f["name"])
            or (by_text[close[0]] if close and len(norm) >= 6 else None)
            or narrowed_label(norm, by_text, labels)  # "Data" for the "Event date" read from it
        )
        if orig:
            asked = f["label"].endswith("?") and not orig.endswith("?")
            f["label"] = _label(orig) + ("?" if asked else "")
        elif (said := _said(f["label"], by_text, lang, described)) != f["label"]:
            f["label"] = said  # "Preference" read from "voorkeur ochtend of middag"
        elif norm in STOCK:
            f["label"] = STOCK[norm][lang]
        if f.get("options"):
            yes, no = YES_NO[lang]
            named = {"yes": yes, "no": no}
            stock = scale_words(f["options"], lang)  # "Priorità": Bassa … Urgente
            renamed = {
                o: stock.get(o) or named.get(_norm(o)) or _said(o, by_text, lang, described)
                for o in f["options"]
            }
            f["options"] = [renamed[o] for o in f["options"]]
            for other in config["fields"]:
                for cond in (other.get("show_if") or {}).get("all", []):
                    if cond.get("field") == f["name"] and cond.get("value") in renamed:
                        cond["value"] = renamed[cond["value"]]
    # "Abbiamo tre menu: … Prenotazione cena: nome, …": the heading of the list, not the preamble
    heading = re.match(r"^\s*([^:,.!?\n]{3,60}?)\s*:", from_heading(described))
    if (
        heading and len(heading.group(1).split()) <= 9
    ):  # "Modulo di prenotazione per il nostro agriturismo"
        config["name"] = _label(heading.group(1))
    else:
        config["name"] = FORM_NAMES.get(config["name"], {}).get(lang, config["name"])


def _said(option: str, by_text: dict[str, str], lang: str, described: str) -> str:
    """An answer in the marketer's words: the piece it was read from, else its words glossed
    back when every one of them is in the description ("Morning" → "Ochtend")."""
    orig = by_text.get(_norm(option))
    if orig:
        return _label(orig)
    theirs = set(_tokens(fold(described)))
    back = {en: said for said, en in WORDS[lang].items() if set(_tokens(said)) <= theirs}
    words = [back.get(w, w) for w in _norm(option).split()]
    # several words glossed back one by one keep English word order ("Event date" → "Evento
    # data"): only when the marketer wrote them so
    said = " ".join(words)
    asked = re.match(r"(?:quale|quali|quanti|quante|che|welk|welke|hoeveel|wat)\b", said)
    if (
        len(words) > 1
        and not asked
        and not re.search(rf"(?<!\w){re.escape(said)}(?!\w)", fold(described))
    ):
        return option  # (a question word leads in both languages: "Quale allergie?")
    if words and all(set(_tokens(w)) <= theirs for w in words):
        return _label(said)
    return option
