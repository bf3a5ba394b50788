"""Agreements, confirmations and permissions a description asks for (issue 20, round 13f).

A marketer who writes "a tick box to accept the terms", "I confirm the information is
correct", "parental consent", "photo permission" or "opt in to offers" wants ONE field of
the right kind, not a text box named after the sentence (or nothing at all):

- a statement the person must make to submit (terms, privacy policy, accuracy, rights,
  parental or participant consent) is a required checkbox labelled as that statement in
  the marketer's language ("I accept the terms", "Acepto la política de privacidad");
- a marketing opt-in is the ``consent`` field type (SPEC §19): never required, never ticked
  in advance;
- a photo / media permission is an optional Yes/No question (a "No" is an answer too).

It runs on the finished draft (labels already in the marketer's language): the fields read
from the same piece of the description are replaced, and the engine's marketing box is
dropped when the only "consent" asked for is a parent's, a participant's or a photo one.
"""

from __future__ import annotations

import re

from app.services.forms.consent_field import CONSENT_TYPE
from app.services.llm import local_catalog as catalog
from app.services.llm.local_fields import RefineError, _field_name
from app.services.llm.local_item_asked import without_answer_hint
from app.services.llm.local_list_end import MARKER
from app.services.llm.local_passing_permission import passing_kind, said_permission
from app.services.llm.local_steps import follow_steps
from app.services.llm.local_translate import phrase

# The piece starts where the statement does: "… and a tick box to accept the terms".
_BOX = (
    r"(?:(?:an?|the)\s+)?(?:(?:un)?(?:ticked|checked)\s+|empty\s+|optional\s+)?"
    r"(?:(?:tick|check)[- ]?)?box(?:es)?\s+(?:to|for|that)\s+"
)
_STATEMENT = re.compile(
    r"(?:\bI (?:confirm|declare|certify|accept|agree|consent|understand|acknowledge|have read|am over|am (?:at least|aged))\b"
    # "I give permission for my child to attend", "I authorise my son to take part"
    r"|\bI (?:hereby )?(?:give|grant) (?:my )?(?:permission|consent)\b|\bI (?:authori[sz]e|allow) my\b"
    r"|\b(?:declaration|confirmation|certification|statement|attestation) that\b"
    r"|box(?:es)? (?:to|that) (?=(?:confirm|declare|certify|acknowledge)\b)"  # "tick box to confirm …"
    r"|^(?:please )?(?:confirm|declare|certify) (?:that )?you(?:'re|’re| are)\b"  # "confirm you're over 18"
    r"|\b(?:accept(?:ing|ance of)?|agree(?:ing|ment)? (?:to|with)) (?:the |our |your |their |my )?"
    r"(?:[\w-]+ ){0,3}(?:terms|conditions|t&cs?|t ?& ?c|polic(?:y|ies)|agreement|rules|waiver|code of conduct|contract)\b"
    r"|\bsigned (?:the |a |our )?(?:[\w-]+ )?(?:waiver|agreement|declaration|consent form|code of conduct)\b"
    r"|\b(?:parental|parent(?:'s|s')?|guardian(?:'s|s')?|participant(?:'s|s')?|patient(?:'s|s')?|informed) consent\b"
    r"|\bconsent (?:of|from) (?:a |the )?(?:parents?|guardians?)\b"
    r"|\bconsent to (?:take part|participate|participation|treatment|the processing|data processing|(?:the )?(?:use|processing) of (?:my|their|your) (?:personal )?data)\b"
    # es / pt
    r"|\b(?:acepto|aceito|aceptar|aceitar|acepta|aceita|declaro|confirmo|certifico)\b"
    r"|\bconsentimiento\b|\bconsentimento\b"
    # fr
    r"|\bj'accepte\b|\bje (?:certifie|confirme|déclare|reconnais)\b|\baccepter (?:les|la|le)\b|\bconsentement\b"
    r"|\bconditions générales\b|\bpolitique de confidentialité\b"
    # de
    r"|\bich (?:akzeptiere|bestätige|versichere|stimme|willige)\b|\beinwilligung\b|\bzustimmung\b|\beinverständnis\b"
    r"|\bagb\b|\bdatenschutzerklärung\b)",
    re.I,
)
_MEDIA = re.compile(
    r"\b(?:photo|photograph|picture|image|media|film|filmed|filming|recorded|video|imagem|imagen|"
    r"foto|fotos|bild|gefilmt|fotografiert|filmé|filmado|gravado|grabado|"
    r"droit à l'image|autorisation (?:photo|d'image)|bildrechte?)\w*\b",
    re.I,
)
_PERMISSION = re.compile(
    r"\b(?:permission|consent|release|authori[sz]ation|waiver|ok to|happy for us|may we|"
    r"autorização|autorización|autorizacion|autorisation|droit|einverständnis|einwilligung|"
    r"erlaubnis|freigabe|consentimiento|consentimento|consentement|autorizo|authorise|authorize|allow)\b",
    re.I,
)
_OPT_IN = re.compile(
    r"\bopt[- ]?ins?\b|\bgdpr(?: consent)?\b(?! (?:request|subject|rights?))|"
    r"\bmarketing (?:consent|emails?|opt)|\bemail consent\b|\bsign (?:me|them) up (?:for|to)\b|"
    r"\b(?:newsletter|mailing list|marketing)\b.{0,12}\b(?:box|consent|opt)\b|"
    r"\b(?:box|consent)\b.{0,20}\b(?:newsletter|mailing list|marketing|offers|promotions)\b",
    re.I,
)
# "receive offers by email" is an opt-in only as a choice the person makes ("tick box to
# receive news", "quero receber novidades"); "get our weekly deals newsletter" is the form.
_NEWS = re.compile(
    r"\b(?:receive|get|send (?:me|them)|hear about|receber|recibir|recevoir|erhalten)\b.{0,30}"
    r"\b(?:offers?|news|newsletters?|updates|promotions?|deals|marketing|novidades|novedades|"
    r"ofertas|offres|nouveautés|angebote|neuigkeiten|werbung)\b|"
    r"\b(?:opt-in|einwilligung|zustimmung) (?:für|zu) (?:angebote|werbung|newsletter)",
    re.I,
)
# the box as the visitor ticks it: "yes please send me the weekly marketing tips"
_OWN_WISH = re.compile(
    r"^(?:yes,? (?:please,? )?|please )?(?:send me|keep me (?:posted|updated|in the loop)|"
    r"sign me up|i(?:'d| would) like to (?:receive|get|hear)|i want to (?:receive|get|hear))\b",
    re.I,
)
_CHOICE = re.compile(
    r"\b(?:box|tick|check|opt|consent|want|would like|happy to|yes|quero|quiero|deseo|je veux|"
    r"je souhaite|ich möchte|opt-in|einwilligung|zustimmung)",
    re.I,
)
_PRIVACY_REQUEST = re.compile(
    r"\bwithdraw\w* (?:my |their |your |of )?consent\b|\bgdpr (?:request|subject)|"
    r"\b(?:data )?subject (?:access )?request|\bright to (?:erasure|access|be forgotten)\b|"
    r"\b(?:data )?(?:deletion|erasure|removal) request\b|\bdelete (?:my|your|their) (?:data|account)\b|"
    r"\bprivacy request\b",
    re.I,
)
_HINT = re.compile(  # the engine's opt-in cue, and the words read as it
    r"\bconsent\b|\bgdpr\b|\bopt[- ]?in\b|consentimiento|consentimento|consentement|einwilligung|einverständnis",
    re.I,
)
# A bare noun is a statement only as a whole item ("…, terms and conditions"), never inside
# a sentence ("questions about our terms and conditions", "fee waiver request").
_BARE_STATEMENT = re.compile(
    r"^(?:(?:the|our|your)\s+)?(?:terms(?: and conditions| of (?:service|use|business))?|t&cs?|"
    r"privacy policy|(?:liability |signed )?waiver)$",
    re.I,
)
_BARE_CONSENT = re.compile(r"^(?:a |the )?(?:consent|consent box|gdpr|opt-in)$", re.I)

YES_NO = {
    "en": ["Yes", "No"],
    "es": ["Sí", "No"],
    "fr": ["Oui", "Non"],
    "de": ["Ja", "Nein"],
    "pt": ["Sim", "Não"],
}
_PARENT = {
    "en": "I am the parent or guardian and I give my consent",
    "es": "Soy el padre, la madre o el tutor y doy mi consentimiento",
    "fr": "Je suis le parent ou le tuteur et je donne mon consentement",
    "de": "Ich bin erziehungsberechtigt und gebe mein Einverständnis",
    "pt": "Sou o pai, a mãe ou o tutor e dou o meu consentimento",
}


def pieces(description: str) -> list[str]:
    """The items of the description's field list (after its heading, if any)."""
    _head, colon, rest = description.partition(":")
    body = rest if colon and rest.strip() else description
    out: list[str] = []
    # answers offered in brackets are no items: "frameworks (SOC 2, ISO 27001, GDPR)" asks no
    # GDPR consent (the brackets' commas would cut "GDPR)" out as an item of its own)
    body = re.sub(r"\([^()]*,[^()]*\)", lambda m: m[0].replace(",", " /"), body)
    # "can we quote you? nothing else": the question, then the end of the list
    for part in re.split(rf"[,;\n]|\.(?:\s|$)|\?\s+(?={MARKER})", body, flags=re.I):
        part = re.sub(r"^\s*(?:and|plus|also|with|y|et|und|e)\s+", "", part.strip(), flags=re.I)
        if out and re.match(r"(?:dass|daß|que|qu'|that|ob)\b", part, re.I):
            out[-1] += ", " + part  # "ich bestätige, dass …" is one statement
        elif part:
            out.append(part.strip(" .!"))
    return out


def kind_of(piece: str) -> str | None:
    """``statement``, ``media``, ``marketing`` or ``passing`` (a permission asked in passing,
    "ok to be contacted …") for a piece asking for one, else None."""
    piece = re.sub(r"\s*\([^()]*(?:/[^()]*){2,}\)", "", piece)  # the answers offered: "(…, GDPR)"
    if not _STATEMENT.search(piece) and passing_kind(piece):  # terms stay a statement
        return passing_kind(piece)
    if _MEDIA.search(piece) and _PERMISSION.search(piece):
        return "media"
    if re.search(
        r"\b(?:permission|happy for us) to (?:use|publish|display|feature|share)\b", piece, re.I
    ):
        return "media"
    if (
        _OPT_IN.search(piece)
        or (_NEWS.search(piece) and _CHOICE.search(piece))
        or _BARE_CONSENT.match(piece.strip())
    ):
        return "marketing"
    if _STATEMENT.search(piece) or _BARE_STATEMENT.match(_norm(piece)):
        return "statement"
    return None


def statement(piece: str, lang: str) -> str:
    """The statement the person ticks, in the marketer's words and language."""
    text = re.sub(rf"^{_BOX}", "", piece.strip(), flags=re.I)
    low = text.lower()
    if re.search(
        r"\b(?:parental|parent(?:'s|s')?|guardian(?:'s|s')?) consent\b|consent (?:of|from) (?:a |the )?(?:parent|guardian)",
        low,
    ) or re.search(
        r"consentimiento de (?:los|sus) padres|consentimento dos pais|consentement (?:parental|des parents)|einverständnis der eltern|einwilligung der eltern",
        low,
    ):
        return _PARENT[lang]
    match = _STATEMENT.search(text)
    text = (text[match.start() :] if match else text).strip(" ?¿")  # "do you accept the terms?"
    if lang == "en":
        text = re.sub(r"^please\s+", "", text, flags=re.I)  # "please confirm that you are over 18"
        text = re.sub(
            r"^(?:participant(?:'s|s')?|patient(?:'s|s')?|informed) consent\b",
            "consent",
            text,
            flags=re.I,
        )
        text = re.sub(r"^declaration that\b", "I declare that", text, flags=re.I)
        text = re.sub(
            r"^(?:confirmation|statement|attestation) that\b", "I confirm that", text, flags=re.I
        )
        text = re.sub(r"^certification that\b", "I certify that", text, flags=re.I)
        text = re.sub(  # "tick box to confirm you own the rights": the person speaks
            r"^((?:I )?(?:confirm|declare|certify|acknowledge)(?: that)?) you\b( are\b|'re\b|’re\b)?",
            lambda m: f"{m.group(1)} I{' am' if m.group(2) else ''}",
            text,
            flags=re.I,
        )
        text = _first_person(text)
        text = re.sub(r"^(?:accepting|acceptance of)\b", "accept", text, flags=re.I)
        text = re.sub(r"^(?:agreeing|agreement) (to|with)\b", r"agree \1", text, flags=re.I)
        text = re.sub(r"^signed (?:the |a |our )?", "accept the ", text, flags=re.I)
        if _BARE_STATEMENT.match(text):
            text = re.sub(r"^(?:the|our|your)\s+", "", text, flags=re.I)
        text = re.sub(
            r"^(?=(?:terms|t&c|privacy policy|liability waiver|waiver))",
            "accept the ",
            text,
            flags=re.I,
        )
        text = re.sub(r"^accept the (privacy policy)", r"agree to the \1", text, flags=re.I)
        text = re.sub(
            r"^(accept|agree to|agree with|consent to) (?:our|your)\b", r"\1 the", text, flags=re.I
        )
        if not re.match(r"I\b", text):
            text = "I " + text[0].lower() + text[1:]
        return text
    rewrites = {
        "es": [
            (r"^aceptar\b", "acepto"),
            (r"^acepta\b", "acepto"),
            (r"^consentimiento (?:para|de|a)\b", "doy mi consentimiento para"),
        ],
        "pt": [
            (r"^aceitar\b", "aceito"),
            (r"^aceita\b", "aceito"),
            (r"^consentimento (?:para|de)\b", "dou o meu consentimento para"),
        ],
        "fr": [(r"^accepter\b", "j'accepte"), (r"^consentement (?:à|au|pour)\b", "je consens à")],
        "de": [
            (r"^einwilligung in (.+)$", r"ich willige in \1 ein"),
            (r"^zustimmung zur (.+)$", r"ich stimme der \1 zu"),
            (r"^zustimmung zum (.+)$", r"ich stimme dem \1 zu"),
            (r"^zustimmung zu (.+)$", r"ich stimme \1 zu"),
            (r"^einverständnis (?:mit|zu(?:r|m)?) (.+)$", r"ich bin mit \1 einverstanden"),
        ],
    }
    for pattern, repl in rewrites.get(lang, []):
        text = re.sub(pattern, repl, text, flags=re.I)
    return text[0].upper() + text[1:]


_PRONOUNS = {
    "they are": "I am",
    "they have": "I have",
    "they were": "I was",
    "they": "I",
    "their": "my",
    "them": "me",
    "themselves": "myself",
    "he": "I",
    "she": "I",
    "his": "my",
    "her": "my",
}


def _first_person(text: str) -> str:
    """The person ticks it, so it speaks as them: "they understand their account" → "I understand my account"."""
    pattern = r"\b(?:" + "|".join(sorted(map(re.escape, _PRONOUNS), key=len, reverse=True)) + r")\b"
    return re.sub(pattern, lambda m: _PRONOUNS[m.group(0).lower()], text, flags=re.I)


def _norm(text: str) -> str:
    text = re.sub(rf"^{_BOX}", "", text.strip().lower())
    return re.sub(r"^(?:an?|the)\s+", "", text).strip(" .?")


def span(piece: str, kind: str) -> str:
    """The words of the piece that ask for it: "order number and confirmation that …" →
    "confirmation that …" (the order number stays a field of its own)."""
    cues = {"marketing": (_OPT_IN, _NEWS), "statement": (_STATEMENT,)}.get(kind, ())
    match = next((m for m in (c.search(piece) for c in cues) if m), None)
    if not match:
        return piece
    boxes = list(re.finditer(_BOX, piece[: match.start()], re.I))
    box = boxes[-1] if boxes else None  # the last "tick box to" before the cue belongs to it
    start = box.start() if box and box.end() == match.start() else match.start()
    return piece[start:]


def _from_piece(field: dict, text: str) -> bool:
    """A field the engine read from these words (as its label, or the start or part of them)."""
    label, norm = _norm(field["label"]), _norm(text)
    if field["name"] in ("name", "email", "phone") or not label:
        return False
    if label == norm or field["name"] in (_field_name(norm), _field_name(text)):
        return True
    if re.match(rf"{re.escape(label)}\b", norm) or re.search(rf"\band {re.escape(label)}$", norm):
        # its first words, or the half an "and" split off ("terms and conditions"); an upload
        # only when it says the consent too ("your photo" beside "photo consent" is sent)
        return field["type"] != "file" or kind_of(field["label"]) is not None
    return len(label.split()) >= 2 and label in text.lower()


def _marketing_box(field: dict) -> bool:
    return field["name"] == "consent" and field["type"] in ("checkbox", CONSENT_TYPE)


def as_opt_in(field: dict) -> dict:
    """The catalogue's marketing box as a consent field: an opt-in is never forced."""
    if _marketing_box(field):
        field.update(type=CONSENT_TYPE, required=False, default=None)
    return field


_FORCED = re.compile(r"\b(?:required|mandatory|compulsory|must tick)\b", re.I)
_MARKETING_SAID = re.compile(
    r"\b(?:marketing|newsletters?|mailing list|offers|promotions?|opt[- ]?ins?|news)\b", re.I
)
PRIVACY_STATEMENT = "I agree to my details being stored to answer my request"


def added_box(new: dict, said: str, fields: list) -> dict:
    """The consent box a refinement adds ("add a checkbox for marketing consent"): an opt-in
    to marketing is never required; a box they must tick ("a required GDPR consent box") is
    their agreement to their details being kept to answer them. Other fields unchanged."""
    if not _marketing_box(new):
        return new
    if not _FORCED.search(said):
        return as_opt_in(new)
    if _MARKETING_SAID.search(said):
        raise RefineError(
            "An opt-in to marketing cannot be required; for a box they must tick, say 'add a "
            "required consent box'"
        )
    return _template(
        name=_unique("privacy_consent", fields),
        type=CONSENT_TYPE,
        label=PRIVACY_STATEMENT,
        required=True,
        default=None,
    )


def _template(**values) -> dict:
    """A field with every key a draft's field carries (the marketing box's, overridden)."""
    return {**catalog.FIELDS["consent"]["field"], "options": [], **values}


def _unique(name: str, fields: list[dict]) -> str:
    taken = {f["name"] for f in fields}
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}_{n}", n + 1
    return candidate


# A form that asks a permission ("Parent consent form", "Photo consent form", "formulaire
# d'autorisation") and the words that would make it an opt-in to news after all
_PERMISSION_FORM = re.compile(
    r"\b(?:consent|permission|authori[sz]ation|waiver)\s+(?:form|slip)\b|"
    r"\b(?:photo|media|trip|parental|parent(?:'s|s')?)\s+(?:consent|permission)\s*$|"  # a heading
    r"^(?:parental|parent(?:'s|s'|s)?|guardian(?:'s|s')?|(?:school )?trip|photo|media)\s+(?:consent|permission)\b|"
    r"\b(?:formulaire|formulario|formul[áa]rio|fiche)\s+d[e']\s*(?:consentement|autorisation|"
    r"consentimiento|autorizaci[óo]n|consentimento|autoriza[çc][ãa]o)|einverst[äa]ndnis\w*",
    re.I,
)
_NEWS_ASKED = re.compile(
    r"\b(?:newsletters?|marketing|news|updates|offers|promotions?|mailing list|emails? from us|"
    r"bolet[íi]n|novedades|actualit[ée]s|infolettre|neuigkeiten|novidades)\b",
    re.I,
)


def apply_consent(config: dict, description: str, lang: str | None) -> None:
    """Replace what the engine made of each agreement, confirmation or permission asked for."""
    lang = lang or "en"
    asked = [(p, kind_of(p)) for p in pieces(description)]
    # "Data deletion request (GDPR)": the request's own name, no opt-in asked for
    asked = [
        (p, k) for p, k in asked if k and not (k == "marketing" and _PRIVACY_REQUEST.search(p))
    ]
    fields = config["fields"]
    if _PRIVACY_REQUEST.search(description) and not any(k == "marketing" for _, k in asked):
        fields[:] = [f for f in fields if not _marketing_box(f)]  # withdrawing is not opting in
    heading = re.split(r"[:\n]|\s[-–—]\s", description, maxsplit=1)[0]
    if _PERMISSION_FORM.search(heading) and not _NEWS_ASKED.search(description):
        # "Parent consent form for the school trip": a permission, not an opt-in to emails
        fields[:] = [f for f in fields if not _marketing_box(f)]
    for box in fields:  # the engine's own opt-in box is consent too
        as_opt_in(box)
    if not asked:
        return
    # "parental consent" is not consent to marketing emails: the box its word brought goes
    # (a newsletter's own box stays beside "I confirm I am over 16")
    hinted = any(_HINT.search(p) for p, k in asked if k != "marketing")
    if hinted and all(k != "marketing" for _, k in asked):
        fields[:] = [f for f in fields if not _marketing_box(f)]
    for piece, kind in asked:
        piece = without_answer_hint(piece) if kind == "media" else piece  # "… oui/non"
        piece = re.sub(r"\s*\((?:required|mandatory|compulsory)\)$", "", piece, flags=re.I)
        piece = re.sub(r"^please\s+", "", piece, flags=re.I)  # read as "Confirm": that is this box
        said, whole, piece = piece, _norm(piece), span(piece, kind)
        read = [
            f
            for f in fields
            if (_from_piece(f, piece) or _norm(f["label"]) == whole) and not _marketing_box(f)
        ]
        at = fields.index(read[0]) if read else len(fields)
        fields[:] = [f for f in fields if f not in read]
        if kind == "marketing":
            box = next((f for f in fields if _marketing_box(f)), None)
            if box is None:
                box = _template()
                box["label"] = (phrase(box["label"], lang) if lang != "en" else None) or box[
                    "label"
                ]
                fields.append(box)
            box.update(type=CONSENT_TYPE, required=False, default=None)
            if lang == "en" and _OWN_WISH.match(said.strip()):  # the box in the marketer's words
                wish = re.sub(r"^yes,?\s+please,?\s+", "yes, please ", said.strip(), flags=re.I)
                box["label"] = wish[:1].upper() + wish[1:]
            continue
        if kind == "media":
            label = without_answer_hint(re.sub(rf"^{_BOX}", "", piece, flags=re.I))
            field = _template(
                name=_unique(_field_name(label) or "photo_permission", fields),
                type="select",
                label=label[0].upper() + label[1:],
                required=False,
                options=list(YES_NO[lang]),
            )
        else:  # "ok to be contacted …" (passing): the visitor's own yes, never forced
            passing = kind == "passing"
            label = said_permission(piece, lang) if passing else statement(piece, lang)
            field = _template(
                name=_unique(_statement_name(label), fields),
                type="checkbox",
                label=label,
                required=not passing,
            )
        # a statement closes the form (what the person signs off); a permission keeps its place
        fields.insert(min(at, len(fields)) if kind != "statement" else len(fields), field)
    follow_steps(config)
    _follow_translations(config)


def _follow_translations(config: dict) -> None:
    """Form translations asked for ("in French too") follow the fields: none for a field that
    is gone (a stale one would void them all), the fixed texts for the new ones."""
    names = {f["name"]: f for f in config["fields"]}
    for locale, texts in (config.get("translations") or {}).items():
        by_field = texts.get("fields") or {}
        for name in [n for n in by_field if n not in names]:
            del by_field[name]
        for name, field in names.items():
            if name in by_field:  # a permission read from a text box gets its Yes / No
                if field["type"] == "select" and field["options"] in YES_NO.values():
                    by_field[name].setdefault("options", list(YES_NO[locale]))
                continue
            if field["label"] in _PARENT.values():
                by_field[name] = {"label": _PARENT[locale]}
            elif field["type"] == "select" and field["options"] in YES_NO.values():
                by_field[name] = {"label": field["label"], "options": list(YES_NO[locale])}
            elif _marketing_box(field):
                by_field[name] = {
                    "label": phrase(catalog.FIELDS["consent"]["field"]["label"], locale)
                }


def _statement_name(label: str) -> str:
    """A short key: "parental_consent", "accept_the_terms", "confirm_the_information"."""
    if label in _PARENT.values():
        return "parental_consent"
    label = re.sub(
        r"^I'm happy (?:for you )?to\b|^(?:ich bin mit|ich bin)\b", "", label, flags=re.I
    )
    words = re.sub(r"^(?:ich|je|j'|yo|eu|i)\b\s*", "", label.strip(), flags=re.I).split()[:4]
    return _field_name(" ".join(words)) or "agreement"
