"""Each listed item becomes one field, labelled as a person would ask it and of the kind
its wording asks for (issue 20, round 24b).

- ``asked_item`` (called by ``local_extract._item`` after ``worded_item``):
  - an answer hint left in the item ("photo consent yes/no", "DBS check y/n",
    "autorisation photo oui/non", "Fotoerlaubnis ja/nein") makes it a yes/no question and
    leaves its label;
  - a question opened by a question word ("worum geht es?", "de quoi s'agit-il ?",
    "o que precisa?") is open: answered in words, never Yes/No;
  - an upload of "X or Y" ("photos or documents", "fotos o documentos", "CV or cover
    letter") is one upload, not a choice between two kinds of file;
  - a question about the handset ("which phone they use (iPhone or Android)", "what phone
    do you have", "modelo de teléfono") is a choice or text, never a phone number.
- ``keep_asked_and`` (called by ``local_clauses.split_items``): "do you need plates and
  cutlery?", "avez-vous besoin d'assiettes et de couverts ?", "bringen Sie Teller und
  Besteck mit?" is one yes/no question, not a yes/no and a stray field for the second noun.
- ``direct_labels`` (called by ``local_forms.build_form`` on English drafts): an indirect
  clause left as a broken question ("What your annual turnover is?", "How many staff you
  have?", "Where on the bus you left it?") becomes a noun label ("Annual turnover") or a
  direct question ("Where on the bus did you leave it?"); a clause left without its question
  mark or with a contraction ("How you found us", "Why you're a good fit?") too (round 35c).
- ``without_answer_hint`` (used by ``local_consent`` for a photo permission's label).
"""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for

# ---------------------------------------------------------------------------------------
# answer hints

# "yes/no", "y/n", "oui/non", "ja/nein", "sí/no" (glossed "if/no"), "sim/não", at the end
_HINT = re.compile(
    r"[\s:–—-]*\(?\s*\b(?:yes|y|oui|ja|s[ií]|sim|if)\s*(?:/|or|ou|oder|o)\s*"
    r"(?:no|n|non|nein|n[ãa]o)\b\s*\)?\s*[?.]?\s*$",
    re.I,
)


def without_answer_hint(text: str) -> str:
    """``text`` without a yes/no hint at its end ("photo consent yes/no" → "photo consent")."""
    bare = _HINT.sub("", text).strip()
    return bare if bare else text


# ---------------------------------------------------------------------------------------
# open questions

# an opening question word, in the languages the engine reads ("was" only before what a
# German question goes on with: English "was it …" asks whether)
_QUESTION_WORD = re.compile(
    r"^\s*¿?\s*(?:what|where|when|why|how|which|who|whom|whose|"
    r"worum|woran|wof[üu]r|womit|wor[üu]ber|wohin|woher|wo|wie|wann|warum|weshalb|wieso|wer|"
    r"welche[rsnm]?|seit wann|was (?=ist|sind|genau|f[üu]r|m[öo]chten|brauchen|w[üu]nschen|"
    r"k[öo]nnen|sollen|suchen|planen|haben sie|hat|war|fehlt|erwarten|machen)|"
    r"de quoi|[àa] quoi|qu'est-ce|qu['e]|quoi|quel(?:le)?s?|quand|o[ùu]|comment|pourquoi|qui|"
    r"depuis quand|qu[ée]|cu[aá]l(?:es)?|cu[aá]ndo|d[oó]nde|c[oó]mo|por qu[ée]|qui[eé]n(?:es)?|"
    r"desde cu[aá]ndo|de qu[ée]|o que|qual|quais|quando|onde|porque|por que|quem|"
    r"h[aá] quanto)\b",
    re.I,
)
# an answer hint said with the question: "was it on time? (yes/no)"
_YES_NO_SAID = re.compile(
    r"\b(?:yes|oui|ja|s[ií]|sim)\s*(?:/|or|ou|oder|o)\s*(?:no|non|nein|n[ãa]o)\b", re.I
)

# ---------------------------------------------------------------------------------------
# uploads

_FILE_NOUN = (
    r"(?:photos?|pictures?|images?|fotos?|bilder?|documents?|documentos?|dokumente?|files?|"
    r"fichiers?|archivos?|arquivos?|dateien?|videos?|vid[ée]os?|v[íi]deos?|screenshots?|scans?|"
    r"cv|resume|portfolios?|r[ée]sum[ée]|cover letter|(?:lettre|carta) de (?:motivation|motivaci[óo]n|"
    r"apresenta[çc][ãa]o)|anschreiben|lebenslauf|certificates?|receipts?|pdfs?|attachments?)"
)
_UPLOAD_OR = re.compile(
    rf"^\s*(?:(?:an?|the|your|their|some)\s+)?{_FILE_NOUN}(?:\s*(?:,|or|o|ou|oder|/)\s*"
    rf"(?:(?:an?|the|some)\s+)?{_FILE_NOUN})+"
    r"(?:\s+(?:of|from|showing|del?|da|do|des|du|der|vom)\s+[^,;()]{1,40})?\s*$",  # "… del daño"
    re.I,
)

# ---------------------------------------------------------------------------------------
# the handset

_PHONE = r"(?:phones?|mobiles?|handsets?|smartphones?|tel[eé]fonos?|t[ée]l[ée]phones?|telefon|handy|portable|m[oó]vil|celular|telem[oó]vel)"
# "which phone they use", "what phone do you have", "what mobile have you got"
_WHICH_PHONE = re.compile(
    rf"^\s*¿?\s*(?:which|what|what kind of|what type of|qu[eé]|quel)\s+{_PHONE}\b", re.I
)
# the same anywhere in a sentence: "just their email and which phone they use" asks no number
HANDSET_ASKED = re.compile(
    rf"\b(?:which|what|what kind of|what type of)\s+{_PHONE}\s+(?:they|you|do|does|is|are)\b", re.I
)
# "phone model", "modelo de teléfono" (glossed "model de phone"), "make of handset"
_PHONE_THING = re.compile(
    rf"\b(?:model|modelo|mod[eè]le|modell|make|brand|marca|marque|marke|type|tipo|typ)\s+"
    rf"(?:de\s+|of\s+|du\s+|do\s+|del\s+)?(?:(?:your|their|the|su|votre)\s+)?{_PHONE}\b|"
    rf"\b{_PHONE}\s+(?:model|make|brand|type)\b",
    re.I,
)


def asked_item(raw: str, item: dict | None) -> dict | None:
    """The item as the marketer asked it (see the module)."""
    if item is None or "fields" in item:
        return item
    said = re.sub(r"\s+", " ", raw).strip()
    options = item.get("options") or []
    if _HINT.search(said) and options in ([], ["Yes", "No"]):
        bare = without_answer_hint(said)
        if bare != said and not _QUESTION_WORD.match(bare):
            # "photo consent yes/no": whether, asked about the consent, not "… yes/no"
            phrase = without_answer_hint(item["phrase"]).lower()
            label = item.get("label") or ""
            label = (
                label if label and not _HINT.search(label) else bare[:1].upper() + bare[1:] + "?"
            )
            return {**item, "phrase": phrase, "options": ["Yes", "No"], "label": label}
    if options == ["Yes", "No"] and _QUESTION_WORD.match(said) and not _YES_NO_SAID.search(said):
        # "worum geht es?": what it is about, in their words
        return {**item, "options": []}
    if len(options) >= 2 and _UPLOAD_OR.match(re.sub(r"\s*\?$", "", said)):
        # "photos or documents": one upload that takes either
        return {**item, "options": [], "hint": item.get("hint") or "upload:"}
    thing = re.search(r"\b(?:model|make|brand|type)$", item["phrase"])
    if (_WHICH_PHONE.match(said) or _PHONE_THING.search(said)) and not thing:
        # "which phone they use (iPhone or Android)": the handset, not a number to call
        label = item.get("label") or ""
        if not label or re.fullmatch(rf"{_PHONE}\??", label, re.I):  # not a bare "Phone"
            label = re.sub(r"\s*\([^)]*\)", "", said).strip(" ?")
            label = label[:1].upper() + label[1:]
            if _QUESTION_WORD.match(label):  # "what phone you use": asked directly
                label = direct(f"{label}?") or f"{label}?"
        return {**item, "phrase": "phone model", "label": label}
    if not options and said.endswith("?") and _VERB_FIRST.match(said):
        # "bringen Sie Teller und Besteck mit?": whether, asked with the verb first
        return {
            **item,
            "options": ["Yes", "No"],
            "clause": True,
            "label": said[:1].upper() + said[1:],
        }
    return item


# a German question with its verb first: "bringen Sie …", "haben Sie …"
_VERB_FIRST = re.compile(r"^\s*(?:[a-zäöüß]+en|sind|hat|ist|wird)\s+(?:Sie|ihr|du|es)\b")


# ---------------------------------------------------------------------------------------
# "and" inside a yes/no question

# "do you need …", "have you besoin …" (avez-vous), "bringen Sie …": a yes/no question up
# to the end of its item
_ASKED = re.compile(
    r"(?:^|(?<=,))\s*¿?\s*(?:(?:do|does|did|will|would|can|could|are|were|have|has|should)\s+"
    r"(?:you|they|we)|[a-zäöüß]+en\s+Sie)\b[^,;()]*",
)
_AND = re.compile(r"\s+(?:and|und|et|y|e)\s+", re.I)
# what opens an item of its own after "and" ("… and your email", "… and what they need")
_OWN_ITEM = re.compile(
    r"^(?:your|their|his|her|our|my|what|which|how|when|where|who|whom|whether|if|any|"
    r"anything|number|email|e-mail|phone|name|date|time|also|then|please|tell|give|ask|"
    r"upload|attach|contact|do|does|did|are|is|will|would|can|could|have|has)\b",
    re.I,
)


def _joins(rest: str) -> bool:
    """Whether the words after "and" are more of the question's own ("a booster seat")."""
    words = rest.split()
    if not words or len(words) > 6 or _OWN_ITEM.match(rest):
        return False
    bare = re.sub(r"^(?:the|a|an|de|des|du|d')\s*", "", rest, flags=re.I)
    return not concept_for(rest) and not concept_for(bare)


def keep_asked_and(segment: str, mark: str) -> str:
    """``segment`` with each "and" that joins a yes/no question's own words replaced by
    ``mark`` (the splitter's stand-in for " and ")."""

    def question(m: re.Match) -> str:
        text = m.group(0)
        pieces = _AND.split(text)
        if len(pieces) < 2:
            return text
        seps = _AND.findall(text)
        out = pieces[0]
        for i, rest in enumerate(pieces[1:]):
            if not _joins(rest.strip(" ?")):
                return out + "".join(s + p for s, p in zip(seps[i:], pieces[i + 1 :], strict=True))
            out += mark + rest
        return out

    return _ASKED.sub(question, segment)


# ---------------------------------------------------------------------------------------
# indirect clauses left as broken questions (English labels)

_AUXES = (
    r"(?:do|does|did|is|are|was|were|am|can|could|will|would|should|shall|may|might|must|"
    r"have|has|had)"
)
# "What your annual turnover is?" → "Annual turnover"
_WHAT_IS = re.compile(
    r"^(?:what|which)\s+(?P<det>your|their|the)\s+(?P<noun>[\w' -]{2,60}?)\s+(?:is|are|was|were)"
    r"(?P<prep>\s+(?:for|about|like|from|in|on|of))?\?$",
    re.I,
)
# "When your year end is?", "What your business does?"
_WH_YOURS = re.compile(
    r"^(?P<wh>what|where|when|why|how|which|who)\s+(?:your|their)\s+"
    r"(?P<noun>[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?P<verb>is|are|was|were|does|do|did)\?$",
    re.I,
)
# "Where on the bus you left it?", "How many staff you have?", "What it looked like?"
_WH_YOU = re.compile(
    r"^(?P<wh>how (?:many|much|often|long|soon|far|old|big)|what|where|when|why|how|which|who)"
    r"(?P<mid>(?:\s+[\w'-]+){0,5}?)\s+(?P<subj>you|they|it)\s+(?P<verb>[a-z]+)\b"
    r"(?P<rest>[^?]*)\?$",
    re.I,
)
# what a question's own word does to "you" ("what made you …", "who told you …")
_DOES_TO_YOU = re.compile(
    r"\w{2,}(?<!e)ed|made|makes|brings?|brought|told|tells?|got|gets|led|leads|drew|draws|kept|keeps|"
    r"let|lets|sent|sends|suits?|fits?|works?|interests?|concerns?|bothers?|worries|stops?|"
    r"gave|gives|took|takes|puts?|helps?|describes?|drives?|drove|keeps",
    re.I,
)
_NOT_A_VERB = re.compile(r"(?:best|most|better|well|too|also|both|all|for|to|in|at|on)$", re.I)
_BASE: dict[str, str] = {}


def _bases() -> dict[str, str]:
    """Participle → verb, from the clause reader's table (read late: it imports this module)."""
    if not _BASE:
        from app.services.llm.local_clauses import _IRREGULAR

        for verb, done in _IRREGULAR.items():
            _BASE.setdefault(done, verb)  # the first key of a participle is the verb itself
    return _BASE


# past forms the clause reader's table does not give ("let": what happened, in the past)
_PAST = {"was": "be", "were": "be", "let": "let", "put": "put", "quit": "quit"}


def _IRREGULAR_OF() -> dict[str, str]:
    from app.services.llm.local_clauses import _IRREGULAR

    return _IRREGULAR


def _base(verb: str) -> tuple[str, bool] | None:
    """(the verb's plain form, whether it was said in the past); None when unsure."""
    low = verb.lower()
    if low in _PAST:
        return _PAST[low], True
    if _bases().get(low, low) != low:  # "left" → "leave"
        return _BASE[low], True
    done = _IRREGULAR_OF().get(low)
    if done and _BASE.get(done, low) != low:  # "fell" → "fall"
        return _BASE[done], True
    if low.endswith("ied"):
        return low[:-3] + "y", True
    if re.search(r"([bgmnpt])\1ed$", low):
        return low[:-3], True
    if low.endswith("ed") and not low.endswith("eed"):
        stem = low[:-2]
        if re.search(r"(?:v|c|dg|ang|[^aeiou][aeiou][gszkd]|[^aeiou][aiou]r|[^aeiou][ao]t)$", stem):
            stem += "e"
        return stem, True
    return low, False


def direct(label: str) -> str | None:
    """The direct question (or noun label) for a label left as an indirect clause."""
    what = _WHAT_IS.match(label)
    if what and (what["det"].lower() == "the" or what["prep"]):
        # "What the problem is?" → "What is the problem?"; "What your site is for?" → "What is
        # your site for?"
        verb = re.search(r"\b(?:is|are|was|were)\b(?=\s*\w*\?$)", label, re.I).group(0).lower()
        return (
            f"{label.split()[0]} {verb} {what['det']} {what['noun'].strip()}{what['prep'] or ''}?"
        )
    if what:
        noun = what["noun"].strip()
        return noun[:1].upper() + noun[1:]
    owned = _WH_YOURS.match(label)
    if owned:  # "When your year end is?" → "When is your year end?"
        verb = owned["verb"].lower()
        if verb in ("do", "does", "did"):  # "What your business does?"
            return f"{owned['wh']} {verb} your {owned['noun']} do?"
        return f"{owned['wh']} {verb} your {owned['noun']}?"
    said = _WH_YOU.match(label)
    if not said or re.search(rf"\b{_AUXES}\b", said["mid"], re.I):
        return None
    last = (said["mid"].split() or [""])[-1]
    if _DOES_TO_YOU.fullmatch(last) or _NOT_A_VERB.match(said["verb"]):
        return None  # "What made you cancel?", "Which day suits you best?": asked already
    verb, subj = said["verb"], said["subj"].lower()
    rest = said["rest"]
    # "how they know you", "why they would recommend them": two people, the visitor one of them
    if subj == "they" and not re.search(r"\b(?:you|your)\b", rest, re.I):
        subj = "you"
        if not re.search(r"\bthem\b", rest, re.I):
            rest = re.sub(r"\btheir\b", "your", rest, flags=re.I)
    elif subj != "they":  # "why you would recommend them": someone else
        rest = re.sub(r"\btheir\b", "your", rest, flags=re.I)
        rest = rest if subj == "you" else re.sub(r"\bthem\b", "you", rest, flags=re.I)
    head = f"{said['wh']}{said['mid']}"
    if re.match(r"'t\b", rest) and re.fullmatch(_AUXES, verb, re.I):  # "what they can't eat"
        return f"{head} {verb}'t {subj}{rest[2:]}?"
    if verb.lower() in ("do", "does", "did"):  # "what they do for a living": the verb itself
        aux = "did" if verb.lower() == "did" else ("does" if subj == "it" else "do")
        return f"{head} {aux} {subj} do{rest}?"
    if re.fullmatch(_AUXES, verb, re.I):
        if verb.lower() in ("have", "has", "had") and not rest.strip():
            aux = {"had": "did"}.get(verb.lower(), "does" if subj == "it" else "do")
            return f"{head} {aux} {subj} have?"
        verb = {"is": "are", "was": "were"}.get(verb.lower(), verb) if subj == "you" else verb
        return f"{head} {verb} {subj}{rest}?"
    base = _base(verb)
    if base is None:
        return None
    plain, past = base
    if not past and subj == "it":
        plain = re.sub(r"(?<=[sxz]|h)es$|(?<![su])s$", "", plain)  # "costs" → "cost"
    aux = "did" if past else ("does" if subj == "it" else "do")
    return f"{head} {aux} {subj} {plain}{rest}?"


# "How you found us", "Why they applied": an indirect clause left without its question mark
# (not "What you saw or heard": two verbs, one turned round)
_CLAUSE_UNASKED = re.compile(
    r"^(?:how|why|what|where|when) (?:you|they) [a-z]+\b(?![^?]*\b(?:or|and)\b)[^?]*$", re.I
)


_CONTRACTED = re.compile(
    r"\b(you|they|we)[’'](re|ve|d(?= (?:like|love|prefer|want|rather)\b))\b", re.I
)


def _UNCONTRACTED(m: re.Match) -> str:
    return f"{m[1]} " + {"re": "are", "ve": "have", "d": "would"}[m[2].lower()]


_LIKE = re.compile(r"^(?:what|how)\b(?!.*\b(?:date|day|time|when)\b).*\blike\b", re.I)


def direct_labels(fields: list) -> None:
    """Each label left as an indirect clause asked directly (see the module)."""
    for field in fields:
        label = field.get("label") or ""
        unasked = _CLAUSE_UNASKED.match(label)  # "How you found us": a clause left unasked
        said = f"{label.rstrip()}?" if unasked else label
        # "Why you're a good fit?": the clause with its verb said whole, then turned round
        said = re.sub(_CONTRACTED, _UNCONTRACTED, said)
        asked = direct(said) if said.endswith("?") else None
        if asked and asked != label:
            field["label"] = label = asked[:1].upper() + asked[1:]
        if re.match(r"how many\b", label, re.I) and field["type"] in ("text", "file"):
            field["type"] = "number"  # "how many invoices you send a month": a count
        elif re.match(r"when\b", label, re.I) and field["type"] == "number":
            field["type"] = "date"  # "When is your year end?": a date, not a number
        elif _LIKE.match(label) and field["type"] == "date":
            field["type"] = "text"  # "What was it like at check-in?": said in words
