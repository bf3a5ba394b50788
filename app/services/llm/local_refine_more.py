"""More refinements in the marketer's own words (local engine, round 16r), in English,
Spanish, French, German and Portuguese:

- keep only some fields: "get rid of everything except the flavour and email", "only keep
  name, email and phone", "ne garde que le nom et l'e-mail", "behalte nur Name und E-Mail";
- the form's name: "call this form 'Flavour Vote'", "name it X", "the title should be X",
  "appelle le formulaire X", "mude o nome do formulário para X";
- a choice's options: "add an 'Other' option to the flavour question", "remove 'Neutral'
  from the satisfaction scale", "rename the Medium option to Regular", "the choices for
  size should be S, M, L", "add Perm and Highlights to the services";
- the kind of answer: "allow picking more than one flavour", "only one feature can be
  picked", "dietary requirements should be a long answer", "permets de choisir plusieurs";
- order: "the service question should come before the phone", "pon el teléfono antes del
  email";
- required or optional said after the field: "phone: required", "téléphone, obligatoire",
  "size must be filled in".

``reads(clause)`` says whether one of these patterns reads the clause (so the foreign
layer leaves it alone); ``apply(draft, clause, notes)`` applies it (RefineError when it is
one of these but cannot be done) or returns False to let the other handlers try.
"""

from __future__ import annotations

import re

from app.services.accounts.workspaces import slugify
from app.services.llm import local_catalog as catalog
from app.services.llm.local_fields import RefineError, split_list, strip_quotes
from app.services.llm.local_refine_foreign import AFTER_WORDS, BEFORE_WORDS
from app.services.llm.local_refine_targets import find_many, find_one

_REQ = (
    r"required|mandatory|compulsory|obligatory|a must|optional|not required|non-required|"
    r"not mandatory|obligatori[oa]s?|requerid[oa]|opcional|obligatoires?|requis|facultati(?:f|ve)|"
    r"optionnel(?:le)?|verpflichtend|erforderlich|pflicht(?:feld)?|freiwillig|obrigat[oó]ri[oa]|"
    r"no obligatori[oa]|non obligatoire|n[aã]o obrigat[oó]ri[oa]"
)
_OPTIONAL = re.compile(
    r"optional|opcional|facultat|optionnel|freiwillig|^not|^non|^no |^n[aã]o", re.I
)


def _p(pattern: str) -> re.Pattern:
    return re.compile(rf"^(?:{pattern})\s*[.!]?$", re.I)


# -- keep only -------------------------------------------------------------------

_KEEP = [
    _p(r"(?:get rid of|remove|delete|drop|take out|cut)\s+(?:everything|all(?: the)?(?: other)?(?: fields| questions)?|"
       r"every(?: other)? (?:field|question))\s+(?:except(?: for)?|but|apart from|other than|besides|save)\s+(?P<keep>.+)"),
    _p(r"(?:only keep|keep only|just keep|keep just|only leave|leave only|leave just|keep nothing but|"
       r"the only fields? should be|i only want|only ask for|just ask for)\s+(?P<keep>.+?)(?:\s+fields?)?"),
    _p(r"keep\s+(?P<keep>.+?)\s+only"),
    _p(r"(?:strip|cut|pare|slim|trim|reduce|shrink|narrow)\s+(?:it|the form|this form|this|everything)\s+(?:down\s+)?to\s+(?:just\s+|only\s+)?(?P<keep>.+)"),
    _p(r"(?:ne\s+)?(?:garde|gardez|conserve|conservez|laisse|laissez)\s+(?:que|seulement|uniquement)\s+(?P<keep>.+)"),
    _p(r"(?:deja|deje|dejar|conserva|conserve|mant[eé]n|mantenga|quédate)\s+(?:solo|sólo|solamente|únicamente|con)\s+(?P<keep>.+)"),
    _p(r"(?:behalte|behalten sie|lass|lasse|lassen sie)\s+nur\s+(?P<keep>.+?)(?:\s+(?:übrig|stehen|drin))?"),
    _p(r"nur\s+(?P<keep>.+?)\s+(?:behalten|lassen)"),
    _p(r"(?:mantenha|mantenham|mantém|deixe|deixa|fique)\s+(?:s[oó]|apenas|somente|com)\s+(?P<keep>.+)"),
]  # fmt: skip


def _keep(draft: dict, m: re.Match) -> None:
    kept = find_many(draft["fields"], m["keep"])
    names = {f["name"] for f in kept}
    draft["fields"] = [f for f in draft["fields"] if f["name"] in names]
    draft["field_mapping"] = {
        k: v for k, v in (draft.get("field_mapping") or {}).items() if k in names
    }


# -- the form's name ---------------------------------------------------------------

_FORM = r"(?:this|the|our|my)\s+(?:form|survey|poll|questionnaire|page|sign-?up)"
_NAME = [
    _p(rf"(?:call|name|title)\s+(?:it|{_FORM})\s+(?:as\s+)?(?P<new>.+)"),
    _p(rf"rename\s+(?:it|{_FORM})\s+(?:to|as)\s+(?P<new>.+)"),
    _p(rf"give\s+(?:it|{_FORM})\s+(?:the|a)\s+(?:new\s+)?(?:name|title)\s+(?P<new>.+)"),
    _p(rf"(?:the\s+)?(?:form(?:'s)?\s+)?(?:title|name)(?:\s+of\s+{_FORM})?\s+(?:should be|must be|will be|is\b|:)\s*(?P<new>.+)"),
    _p(rf"(?:{_FORM}|it)\s+should be (?:called|named|titled)\s+(?P<new>.+)"),
    _p(r"(?:appelle|appelez|nomme|nommez|intitule|intitulez)\s+(?:le|ce)\s+(?:formulaire|sondage|questionnaire)\s+(?P<new>.+)"),
    _p(r"(?:renomme|renommez)\s+(?:le|ce)\s+(?:formulaire|sondage|questionnaire)\s+(?:en\s+)?(?P<new>.+)"),
    _p(r"le (?:titre|nom) du (?:formulaire|sondage)\s+(?:doit être|sera|est|:)\s*(?P<new>.+)"),
    _p(r"(?:llama|llame|titula|titule)\s+(?:al|el|a este)\s+(?:formulario|encuesta)\s+(?P<new>.+)"),
    _p(r"(?:cambia|cambie|renombra|renombre)\s+(?:el (?:nombre|título) del|el|este)\s+(?:formulario|encuesta)\s+(?:a|por|como)\s+(?P<new>.+)"),
    _p(r"el (?:título|nombre) del (?:formulario|encuesta)\s+(?:debe ser|será|es|:)\s*(?P<new>.+)"),
    _p(r"(?:mude|muda|altere|altera|renomeie|renomeia)\s+(?:o (?:nome|título) do|o)\s+(?:formulário|question[aá]rio)\s+(?:para|por)\s+(?P<new>.+)"),
    _p(r"(?:chame|chama)\s+o\s+(?:formulário|question[aá]rio)\s+de\s+(?P<new>.+)"),
    _p(r"o (?:nome|título) do (?:formulário|question[aá]rio)\s+(?:deve ser|será|é|:)\s*(?P<new>.+)"),
    _p(r"(?:nenne|nennen sie|betitle)\s+(?:das|dieses)\s+(?:formular|umfrage)\s+(?P<new>.+)"),
    _p(r"(?:benenne|benennen sie)\s+(?:das|dieses)\s+formular\s+(?:in|zu)\s+(?P<new>.+?)\s+um"),
    _p(r"das formular soll\s+(?P<new>.+?)\s+hei(?:ß|ss)en"),
    _p(r"(?:der titel|der name)(?: des formulars)?\s+(?:soll|sollte|ist|:)\s*(?P<new>.+?)(?:\s+(?:sein|lauten))?"),
]  # fmt: skip


# "the title should be catchier", "call it something better": a wish, not a name
_VAGUE_NAME = re.compile(
    r"^(?:something|anything|more|less|a bit|a little|much|better|worse|nicer|simpler|clearer|"
    r"shorter|longer|different|wrong|not right|incorrect|off|odd|weird|confusing|misleading|too)\b|^[a-z]+i?er$"
)


_FIELD_SAID = re.compile(
    r"^(?:at (?:least|most)|between|no (?:more|less|fewer) than|(?:more|less|fewer) than|up to|"
    r"min(?:imum)?|max(?:imum)?|a (?:number|dropdown|long|short|date|text))\b",
    re.I,
)


def _form_name(draft: dict, m: re.Match):
    new = strip_quotes(m["new"])
    if not new or re.fullmatch(_REQ, new, re.I) or _FIELD_SAID.match(new):
        return False  # "the name should be required / at least 2 characters": the name field
    if new == m["new"].strip() and _VAGUE_NAME.match(new):
        raise RefineError("Say the name itself, e.g. 'call this form “Spring Tasting Poll”'")
    draft["name"] = new[:120]
    draft["slug"] = slugify(draft["name"], "form")


# -- options -----------------------------------------------------------------------

_OPT = (
    r"options?|choices?|answers?|opci[oó]n|opciones|option|choix|opç[aã]o|opções|antwort(?:option)?"
)
_CHOICE = ("select", "multiselect")


def _choice(draft: dict, target: str) -> dict | None:
    try:
        field = find_one(draft["fields"], target)
    except RefineError:
        return None
    return field if field["type"] in _CHOICE else None


def _options(text: str) -> list[str]:
    text = re.sub(
        rf"^(?:(?:an?|the|new|la|l'|une?|die|a|uma?)\s+)*(?:(?:{_OPT})\s+)?",
        "",
        text.strip(),
        flags=re.I,
    )
    text = re.sub(rf"\s+(?:{_OPT})$", "", text, flags=re.I)
    parts = (
        split_list(text, options=True)
        if "," in text
        else re.split(r"\s+(?:and|or|et|y|e|und|&)\s+|\s*/\s*", text)
    )
    return [strip_quotes(p) for p in parts if strip_quotes(p)]


def _same(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()


def _add_options(draft: dict, m: re.Match):
    field = _choice(draft, m["target"])
    if field is None:
        return False
    said = _options(m["opts"])
    new = [o for o in said if not any(_same(o, x) for x in field["options"])]
    if said and not new:  # "add an 'Other' option" where there is one: never a new field "Other"
        raise RefineError(f"“{field['label']}” already offers {', '.join(said)}")
    if not new:
        return False
    field["options"] = field["options"] + [_cap(o, field["options"]) for o in new]


def _remove_options(draft: dict, m: re.Match):
    field = _choice(draft, m["target"])
    if field is None:
        return False
    doomed = _options(m["opts"])
    if not all(any(_same(o, x) for x in field["options"]) for o in doomed):
        return False
    kept = [x for x in field["options"] if not any(_same(o, x) for o in doomed)]
    if not kept:
        raise RefineError(f"“{field['label']}” needs at least one option")
    field["options"] = kept


def _owner(draft: dict, option: str, target: str | None) -> dict | None:
    if target:
        return _choice(draft, target)
    owners = [
        f
        for f in draft["fields"]
        if f["type"] in _CHOICE and any(_same(option, x) for x in f["options"])
    ]
    return owners[0] if len(owners) == 1 else None


def _rename_option(draft: dict, m: re.Match):
    old = _options(m["old"])
    if len(old) != 1:
        return False
    field = _owner(draft, old[0], m.groupdict().get("target"))
    if field is None or not any(_same(old[0], x) for x in field["options"]):
        return False
    new = strip_quotes(m["new"])
    field["options"] = [new if _same(old[0], x) else x for x in field["options"]]


def _set_options(draft: dict, m: re.Match):
    try:
        field = find_one(draft["fields"], m["target"])
    except RefineError:
        return False
    options = split_list(m["opts"], options=True)
    if len(options) < 2:
        return False
    field["options"] = [_cap(o, options) for o in options]
    if field["type"] not in _CHOICE:
        field["type"] = "select"


def _cap(option: str, others: list) -> str:
    """ "beginner, intermediate" read as the draft writes options: capitalised."""
    return option[:1].upper() + option[1:] if option[:1].islower() else option


_OPTIONS = [
    (_p(rf"(?:add|include|put)\s+(?P<opts>.+?)\s+(?:to|in|into|on)\s+(?:the\s+)?(?:(?:{_OPT})\s+(?:of|for|in)\s+(?:the\s+)?)?(?P<target>.+?)"), _add_options),
    (_p(rf"(?:add|include)\s+(?:an?\s+|the\s+)?(?:{_OPT})\s+(?P<opts>.+?)\s+(?:to|in|for)\s+(?:the\s+)?(?P<target>.+)"), _add_options),
    (_p(rf"(?P<target>.+?)\s*:\s*add\s+(?:(?:an?|the)\s+)?(?:(?:{_OPT})\s+)?(?P<opts>.+)"), _add_options),
    (_p(rf"(?:remove|delete|drop|take out|get rid of|take away|take|cut|strike)\s+(?P<opts>.+?)\s+(?:from|in|out of|off)\s+(?:the\s+)?(?:(?:{_OPT})\s+(?:of|for|in)\s+(?:the\s+)?)?(?P<target>.+?)"), _remove_options),
    (_p(rf"(?:rename|change|replace|relabel)\s+(?:the\s+)?(?:(?:{_OPT})\s+)?(?P<old>.+?)(?:\s+(?:{_OPT}))?\s+(?:to|with|into|as|by)\s+(?P<new>.+?)\s+(?:in|on|for|of)\s+(?:the\s+)?(?P<target>.+)"), _rename_option),
    (_p(rf"(?:rename|change|replace|relabel)\s+(?:the\s+)?(?:(?:{_OPT})\s+)?(?P<old>.+?)(?:\s+(?:{_OPT}))?\s+(?:to|with|into|as|by)\s+(?P<new>.+)"), _rename_option),
    (_p(rf"(?:the\s+)?(?:{_OPT})\s+(?:for|of|in|on)\s+(?:the\s+)?(?P<target>.+?)\s*(?:should be|must be|are|will be|:|=)\s*(?P<opts>.+)"), _set_options),
    # ("change semanas to a multiple choice: A, B" is a kind with its options: _kind)
    (_p(rf"(?:the\s+)?(?!(?:make|turn|change|convert|switch)\s)(?P<target>(?:(?!\b(?:should|must)\s+be\b).)+?)\s+(?:{_OPT})\s*(?:should be|must be|are|will be|:|=)\s*(?P<opts>.+)"), _set_options),
    (_p(rf"give\s+(?:the\s+)?(?P<target>.+?)\s+(?:the\s+)?(?:{_OPT})\s*:?\s*(?P<opts>.+)"), _set_options),
    # es / fr / de / pt: "añade la opción X a Y", "supprime l'option X de Y", "füge die Option X zur Y hinzu"
    (_p(r"(?:añade|añada|agrega|agregue|incluye)\s+(?:la\s+)?(?:opci[oó]n|opciones)\s+(?P<opts>.+?)\s+(?:a|al|a la|en|en el|en la)\s+(?P<target>.+)"), _add_options),
    (_p(r"(?:quita|quite|elimina|elimine|borra|borre)\s+(?:la\s+)?(?:opci[oó]n|opciones)\s+(?P<opts>.+?)\s+(?:de|del|de la)\s+(?P<target>.+)"), _remove_options),
    (_p(r"(?:ajoute|ajoutez|rajoute)\s+(?:l'|une\s+)?(?:option|choix)\s+(?P<opts>.+?)\s+(?:à|au|aux|à la|dans)\s+(?P<target>.+)"), _add_options),
    (_p(r"(?:supprime|supprimez|retire|retirez|enlève|enlevez)\s+(?:l'|le\s+)?(?:option|choix)\s+(?P<opts>.+?)\s+(?:de|du|des|de la|dans)\s+(?P<target>.+)"), _remove_options),
    (_p(r"(?:füge|fügen sie)\s+(?:die\s+)?(?:option|antwort)\s+(?P<opts>.+?)\s+(?:zu|zur|zum|bei)\s+(?P<target>.+?)\s+hinzu"), _add_options),
    (_p(r"(?:entferne|entfernen sie|lösche|löschen sie)\s+(?:die\s+)?(?:option|antwort)\s+(?P<opts>.+?)\s+(?:aus|von|bei)\s+(?P<target>.+)"), _remove_options),
    (_p(r"(?:adicione|adiciona|acrescente|inclua)\s+(?:a\s+)?(?:opç[aã]o|opções)\s+(?P<opts>.+?)\s+(?:a|ao|à|em|no|na)\s+(?P<target>.+)"), _add_options),
    (_p(r"(?:remova|remove|retire|tire|elimine|apague)\s+(?:a\s+)?(?:opç[aã]o|opções)\s+(?P<opts>.+?)\s+(?:de|do|da)\s+(?P<target>.+)"), _remove_options),
]  # fmt: skip


# -- the kind of answer ------------------------------------------------------------

_PICK = r"pick(?:ing)?|choos(?:e|ing)|select(?:ing)?|tick(?:ing)?|check(?:ing)?|chose|mark(?:ing)?"
_MULTI = [
    _p(rf"(?:allow|let|enable)\s+(?:(?:people|them|visitors|users|customers|guests|respondents)\s+(?:to\s+)?)?(?:{_PICK})\s+(?:more than one|several|multiple|many|any number of)\s+(?P<target>.+)"),
    _p(r"(?:allow|enable)\s+(?:more than one|several|multiple)\s+(?P<target>.+?)\s+(?:to be\s+)?(?:picked|chosen|selected|ticked)"),
    _p(r"(?:more than one|several|multiple)\s+(?P<target>.+?)\s+(?:can|may|should be able to)\s+be\s+(?:picked|chosen|selected|ticked)"),
    _p(r"(?:the\s+)?(?P<target>.+?)\s+should\s+(?:allow|accept|take)\s+(?:more than one|several|multiple)(?:\s+(?:answers?|choices?|options?|picks?))?"),
    _p(rf"(?:[\w'-]+\s+)?(?:should|can|must|need to)\s+be\s+able\s+to\s+(?:{_PICK})\s+(?:more than one|several|multiple|many|any number of)\s+(?P<target>.+)"),
    _p(r"(?:permets|permettez|autorise|autorisez|laisse|laissez)\s+(?:de\s+|à\s+)?(?:choisir|sélectionner|cocher)\s+plusieurs\s+(?P<target>.+)"),
    _p(r"(?:permite|permita|deja|deje)\s+(?:elegir|escoger|seleccionar|marcar)\s+(?:varios|varias|más de un[oa]?)\s+(?P<target>.+)"),
    _p(r"(?:permita|permite|deixe|deixa)\s+(?:escolher|selecionar|marcar)\s+(?:mais de um[a]?|v[aá]ri[oa]s)\s+(?P<target>.+)"),
    _p(r"(?:erlaube|erlauben sie)\s+(?:die auswahl von\s+)?mehrere(?:n)?\s+(?P<target>.+)"),
    _p(r"mehrere\s+(?P<target>.+?)\s+(?:erlauben|zulassen|auswählbar machen)"),
    _p(r"(?P<target>.+?)\s+(?:soll|sollte)\s+(?:eine\s+)?mehrfachauswahl\s+sein"),
]  # fmt: skip
_SINGLE = [
    _p(r"(?:only|just)\s+one\s+(?P<target>.+?)\s+(?:can|may|should)\s+be\s+(?:picked|chosen|selected|ticked)"),
    _p(rf"(?:allow|let (?:people|them) (?:{_PICK}))\s+(?:only|just)\s+one\s+(?P<target>.+)"),
    _p(r"(?:the\s+)?(?P<target>.+?)\s+should\s+(?:allow|accept|take)\s+(?:only|just)\s+one(?:\s+(?:answer|choice|option|pick))?"),
]  # fmt: skip


def _multi(draft: dict, m: re.Match, ftype: str = "multiselect"):
    field = _plural_choice(draft, m["target"])
    if field["type"] not in _CHOICE:
        if not field["options"]:
            raise RefineError(
                f"“{field['label']}” has no options yet — e.g. 'make {field['label']} a dropdown: A, B, C'"
            )
    field["type"] = ftype


def _plural_choice(draft: dict, target: str) -> dict:
    """ "flavours", "services", "fromages": the choice field named in the plural."""
    words = re.sub(
        r"\s+(?:at once|at a time|at the same time|please)$", "", target.strip(), flags=re.I
    )
    try:
        return find_one(draft["fields"], words)
    except RefineError as exc:
        error = exc
    for singular in _singulars(words):
        try:
            return find_one(draft["fields"], singular)
        except RefineError:
            pass
    raise error


def _singulars(words: str) -> list[str]:
    """ "níveis" -> nível, "opções" -> opção, "journaux" -> journal, "services" -> service."""
    rules = [
        (r"eis$", "el"),
        (r"is$", "l"),
        (r"ões$", "ão"),
        (r"aux$", "al"),
        (r"es$", ""),
        (r"s$", ""),
    ]
    return [re.sub(pattern, repl, words) for pattern, repl in rules if re.search(pattern, words)]


_KIND_WORDS = [
    ("textarea", r"(?:big|bigger|large|larger|long|longer) (?:text ?|answer )?(?:box|field)|bigger (?:box|field)|long(?:er)? (?:answer|text|response)|paragraph|text ?area|comments? box|free[- ]text(?: box)?|multi-?line(?: text)?|text box"),
    ("text", r"short(?:er)? (?:answer|text|response)|one-?line(?: answer| text)?|single[- ]line(?: text| answer)?|text field|text input|short text field"),
    ("date", r"dates?(?: pickers?| fields?)?|calendar(?: picker)?"),
    ("number", r"numbers?(?: fields?)?|numeric(?: fields?)?"),
    ("multiselect", r"multiple[- ]choice(?: question)?|multi-?select|checkboxes|tick boxes"),
    ("select", r"drop-?\s?down(?: menu| list)?|select(?: box| menu| list)?|single[- ]choice(?: question)?|radio(?: buttons?)?|pick-?list|(?:price |spend |size |age )?(?:bands|ranges|brackets)"),
    ("checkbox", r"check-?\s?box|tick-?\s?box|yes/no (?:tick )?box"),
    ("phone", r"(?:tele)?phone(?: number| field)?|mobile number"),
    ("email", r"e-?mail(?: address| field)?"),
    ("url", r"link|url|web address"),
    ("file", r"(?:file|image|photo|picture|document) ?upload(?: field| box)?|upload(?: field| box)?|attachment|file(?: field)?"),
]  # fmt: skip
_KIND_RE = "|".join(f"(?:{p})" for _, p in _KIND_WORDS)
KIND_RE = _KIND_RE  # what a field can become, in the marketer's words
# "… to a long text", "… into a dropdown: A, B": a new kind, not a new label
NEW_KIND = re.compile(
    rf"(?:a|an)\s+(?:{_KIND_RE})(?:\s+(?:field|question|box|input))?\s*(?:(?::|with|\().*)?", re.I
)
_KIND = [
    _p(rf"(?:make|turn|change|convert|switch)\s+(?:the\s+)?(?P<target>.+?)\s+(?:field\s+|question\s+)?(?:into|to|as)?\s*(?:a|an)\s+(?P<kind>{_KIND_RE})\s*(?:(?::|with|\()\s*(?P<opts>.+?)\)?)?"),
    _p(rf"(?:the\s+)?(?P<target>.+?)\s+(?:should|must|needs to|has to)\s+be\s+(?:(?:a|an)\s+)?(?P<kind>{_KIND_RE})\s*(?:(?::|with|\()\s*(?P<opts>.+?)\)?)?"),
    # "budget as a dropdown: under 1k, 1-5k", "dietary needs as a long answer"
    _p(rf"(?:the\s+)?(?P<target>.+?)\s+(?:field\s+|question\s+)?as\s+(?:a|an)\s+(?P<kind>{_KIND_RE})\s*(?:(?::|with|\()\s*(?P<opts>.+?)\)?)?"),
]  # fmt: skip


def _kind(draft: dict, m: re.Match):
    ftype = next(t for t, p in _KIND_WORDS if re.fullmatch(p, m["kind"], re.I))
    try:
        fields = find_many(draft["fields"], m["target"])  # "height and weight should be numbers"
    except RefineError:
        if m.re is not _KIND[1]:
            return False  # the older handlers give their own answer ("add X as a number")
        raise
    for field in fields:
        _one_kind(field, ftype, m)


def _one_kind(field: dict, ftype: str, m: re.Match) -> None:
    options = split_list(m["opts"], options=True) if m["opts"] else []
    if options and "," not in m["opts"]:
        options = re.split(r"\s+(?:and|or)\s+", m["opts"].strip())
    if ftype in _CHOICE:
        options = [_cap(o.strip(), options) for o in options] or field["options"]
        if not options and field["name"] in catalog.FIELDS:  # (a key of its own has none)
            options = list(catalog.field(field["name"]).get("options") or [])
        if not options:
            raise RefineError(
                f"Give the options for “{field['label']}”, e.g. 'make {field['label']} a dropdown: A, B, C'"
            )
    field["type"] = ftype
    field["options"] = options if ftype in _CHOICE else []


# -- order and required, said after the field -----------------------------------

_BEFORE = "|".join(["before|above|ahead of", *BEFORE_WORDS.values()])
_AFTER = "|".join(["after|below|under|behind|following", *AFTER_WORDS.values()])
_ORDER = [
    _p(rf"(?:the\s+)?(?P<target>.+?)\s+(?:should|must|needs to|has to|can|could)\s+(?:come|go|be|appear|sit)\s+(?:right\s+|just\s+|directly\s+|immediately\s+)?(?P<where>{_BEFORE}|{_AFTER})\s+(?:the\s+)?(?P<anchor>.+)"),
    _p(rf"(?:move|put|place)\s+(?:the\s+)?(?P<target>.+?)\s+(?:right\s+|just\s+|directly\s+|immediately\s+)(?P<where>{_BEFORE}|{_AFTER})\s+(?:the\s+)?(?P<anchor>.+)"),
    _p(rf"(?:pon|ponga|mueve|mueva|coloca|coloque|mets|mettez|place|placez|déplace|déplacez|setze|setzen sie|verschiebe|verschieben sie|stelle|stellen sie|mova|coloque|ponha|põe|passe)\s+(?P<target>.+?)\s+(?:justo\s+|juste\s+|direkt\s+|logo\s+)?(?P<where>{_BEFORE}|{_AFTER})\s+(?P<anchor>(?!(?:oben|unten|vorne|hinten)\b).+)"),
]  # fmt: skip


def _order(draft: dict, m: re.Match):
    fields = draft["fields"]
    moved = find_one(fields, m["target"])
    anchor = find_one(fields, m["anchor"])
    if moved is anchor:
        raise RefineError(f"“{moved['label']}” cannot go next to itself")
    fields.remove(moved)
    index = fields.index(anchor)
    after = re.fullmatch(_AFTER, m["where"].strip(), re.I) is not None
    fields.insert(index + 1 if after else index, moved)


_REQUIRED = [
    _p(rf"(?!(?:add|include|insert|create|put|make|mark|set|turn|change|ajoute|ajoutez|añade|agrega|adicione|füge)\b)"
       rf"(?P<target>[^:,—–]+?)\s*(?::|,|—|–|\s-)\s*(?P<flag>{_REQ})(?:\s*,?\s*please)?"),
    _p(r"(?:the\s+)?(?P<target>.+?)\s+(?:must|has to|have to|should|needs to|need to)\s+be\s+(?P<flag>filled(?: in| out)?|answered|ticked|checked|completed|given|provided)"),
    _p(r"(?:the\s+)?(?P<target>.+?)\s+(?:can|may)\s+be\s+(?P<flag>left (?:blank|empty|unticked|unchecked|unanswered|out)|skipped|ignored)"),
    _p(r"(?:people|they|visitors)\s+(?:must|have to|should)\s+(?:fill in|answer|tick|give|provide)\s+(?:the\s+)?(?P<target>.+)(?P<flag>)"),
]  # fmt: skip


def _required(draft: dict, m: re.Match):
    flag = m["flag"].strip()
    optional = bool(_OPTIONAL.search(flag)) or re.match(r"left|skipped", flag, re.I) is not None
    for field in find_many(draft["fields"], m["target"]):
        field["required"] = not optional


# "add some flair", "add more personality": a style, not a field
_STYLE = _p(
    r"(?:add|give it|inject|put in)\s+(?:some|more|a bit of|a little|a touch of|extra)\s+"
    r"(?:flair|pizzazz|personality|life|energy|polish|sparkle|warmth|fun|style|charm|oomph|excitement|"
    r"urgency|pop|zing|colou?r|emotion|spice|magic|wow)(?:\s+to\s+(?:it|the form))?"
)

HANDLERS = (
    [(p, _keep) for p in _KEEP]
    + [(p, _form_name) for p in _NAME]
    + _OPTIONS
    + [(p, _multi) for p in _MULTI]
    + [(p, lambda d, m: _multi(d, m, "select")) for p in _SINGLE]
    + [(p, _order) for p in _ORDER]
    + [(p, _kind) for p in _KIND]
    + [(p, _required) for p in _REQUIRED]
)


# "add more options", "add some choices": which ones, to which question?
_WHICH_OPTIONS = _p(rf"add\s+(?:more|some|other|new|extra|a few)\s+(?:{_OPT})")
HANDLERS.insert(0, (_WHICH_OPTIONS, lambda d, m: _which_options(d)))


def _which_options(draft: dict):
    choices = [f for f in draft["fields"] if f["type"] in _CHOICE]
    example = f"add Other to {choices[0]['label']}" if choices else "add a dropdown: A, B, C"
    raise RefineError(f"Say which options to add and where, e.g. '{example}'")


def reads(clause: str) -> bool:
    text = clause.strip()
    return _STYLE.match(text) is not None or any(p.match(text) for p, _ in HANDLERS)


def apply(draft: dict, clause: str, notes: list) -> bool:
    """Apply the clause when one of these reads it; False to let the other handlers try."""
    text = clause.strip()
    if _STYLE.match(text):
        raise RefineError("That is about style, which I cannot change in the form itself")
    for pattern, handler in HANDLERS:
        m = pattern.match(text)
        if m and handler(draft, m) is not False:
            return True
    return False
