"""An item's answers shaped as a person expects them (round 27b).

* A bare list of answers written with slashes and no noun ("…, delivery address,
  red/white/mixed, …") is its own choice question, labelled by what the answers are ("Wine
  preference", "Size", "Meal choice") or a neutral "Preference": ``bare_answers`` marks it
  where the item is read, ``own_question`` labels it unless the item before names the same
  thing ("hoodie size, XS/S/M/L": the size's answers).
* ``shape_answers`` on the finished draft: an emergency contact's number, in any language,
  is a phone; "would you recommend us" is a yes/no question (the 0-10 "how likely"
  recommendation only when the description says "how likely", "0-10" or "NPS"); an anonymous
  feedback form that lists no email asks none.
"""

from __future__ import annotations

import re

from app.services.llm.local_translate import phrase

# what the answers are → the question's label (and the noun that, said just before, already
# names it: "hoodie size, XS/S/M/L" is one question)
_SIZES = {
    "xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "small", "medium", "large",
    "extra large", "extra small", "x-large", "petite", "regular", "tall", "child", "adult",
    "pequeña", "pequeño", "mediana", "mediano", "grande", "petit", "moyen", "grand",
    "klein", "mittel", "groß", "gross", "pequeno", "médio", "medio",
}  # fmt: skip
_MEALS = {
    "veg", "vegetarian", "vegan", "meat", "fish", "chicken", "beef", "pork", "lamb", "halal",
    "kosher", "pescatarian", "gluten-free", "gluten free", "vegetarisch", "vegetariano",
    "vegetariana", "végétarien", "végétarienne", "fleisch", "fisch", "carne", "pescado", "peixe",
    "viande", "poisson", "pollo", "poulet", "frango", "végétalien", "vegano",
}  # fmt: skip
_WINES = {
    "red", "white", "rosé", "rose", "sparkling", "prosecco", "champagne", "mixed", "rouge",
    "blanc", "rot", "weiß", "weiss", "tinto", "blanco", "branco", "espumoso", "espumante",
    "mousseux", "sekt", "mixte", "gemischt", "mixto", "misto",
}  # fmt: skip
_COLOURS = {
    "red", "white", "blue", "green", "black", "yellow", "pink", "purple", "orange", "grey",
    "gray", "navy", "brown", "silver", "gold",
}  # fmt: skip
_TIMES = {
    "morning", "afternoon", "evening", "night", "lunchtime", "am", "pm", "weekday", "weekend",
    "weekdays", "weekends", "mañana", "tarde", "noche", "matin", "après-midi", "soir",
    "vormittag", "nachmittag", "abend", "morgens", "manhã", "noite",
}  # fmt: skip
_DAYS = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?$|^(?:lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|"
    r"dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)$",
    re.I,
)
_FLAVOURS = {
    "chocolate", "vanilla", "lemon", "strawberry", "carrot", "red velvet", "coffee", "caramel",
    "raspberry", "coconut", "banana", "pistachio", "fruit", "vainilla", "fresa", "limón",
    "chocolat", "vanille", "citron", "fraise", "schokolade", "zitrone", "erdbeere",
    "baunilha", "morango", "limão",
}  # fmt: skip


def _kind(options: list[str]) -> tuple[str, str]:
    """(label, the noun that names it) for what the answers are."""
    said = [o.strip().lower() for o in options]
    if all(o in _SIZES for o in said):
        return "Size", "size"
    if sum(o in _MEALS for o in said) >= 2:
        return "Meal choice", "meal|menu|food|dish|main|course"
    if all(o in _COLOURS for o in said):
        return "Colour", "colou?r"
    if sum(o in _WINES for o in said) >= 2 and not all(o in _COLOURS for o in said):
        return "Wine preference", "wine"
    if all(o in _TIMES for o in said):
        return "Preferred time", "time|slot|session"
    if all(_DAYS.match(o) for o in said):
        return "Preferred day", "day"
    if sum(o in _FLAVOURS for o in said) >= 2:
        return "Flavour", "flavou?r|cake|sponge"
    return "Preference", "preference|preferred|choice|option|type|kind|style"


def bare_answers(raw: str, item: dict | None) -> dict | None:
    """ "red/white/mixed" alone between commas: answers with no noun, marked as such (the
    bracketed "(yes/no)" read apart from its noun stays the item before's)."""
    if item and item.get("phrase") == "choice" and "/" in raw and "(" not in raw:
        item["_bare"] = True  # written as answers: "Road", "E-bike" on either question
        item["options"] = [o[:1].upper() + o[1:] for o in item["options"]]
    return item


def own_question(item: dict, before: dict | None) -> bool:
    """True (and the item labelled by its answers) when a bare answer list is its own
    question; False when the item before names what the answers are ("hoodie size")."""
    if not item.pop("_bare", False):
        return False
    options, head = list(item["options"]), ""
    last = options[-1].split() if options else []
    if len(last) == 2 and all(len(o.split()) == 1 for o in options[:-1]):
        # "small/medium/large dog": the noun after the last answer is every answer's
        if _kind([*options[:-1], last[0]])[0] in ("Size", "Colour", "Flavour"):
            options, head = [*options[:-1], last[0]], last[1]
    label, noun = _kind(options)
    if head:
        label = f"{head.capitalize()} {label.lower()}"
    if (
        before is not None
        and not before["options"]
        and re.search(rf"\b(?:{noun})", before["phrase"])
    ):
        return False
    # "preferred time" would be the booking's stock slot, dropped when no time is asked
    item["phrase"] = {"Preferred time": "time of day", "Preferred day": "day of the week"}.get(
        label, label.lower()
    )
    item["label"] = label
    item["options"] = [o[:1].upper() + o[1:] for o in options]
    return True


# ---------------------------------------------------------------------------- the finished draft
# an emergency contact's number, in the five languages ("Notfallnummer", "numéro d'urgence")
_EMERGENCY = re.compile(
    r"\bemergency\b.*\b(?:number|phone|telephone|tel|mobile|contact)\b|\bnotfall(?:nummer|telefon|"
    r"kontakt|handy)|\b(?:n[uú]mero|tel[eé]fono|contacto|contato|telefone|num[eé]ro|t[eé]l[eé]phone|"
    r"contact)\s+(?:de\s+|d'|en\s+cas\s+d'|em\s+caso\s+de\s+|en\s+caso\s+de\s+)"
    r"(?:emergencia|emerg[eê]ncia|urgence)",
    re.I,
)
# "emergency contact name", "nombre del contacto de emergencia": who, not their number
_WHO = re.compile(
    r"\b(?:name|nombre|nom|nome|relationship|relation|relaci[oó]n|lien|parentesco|beziehung|"
    r"email|e-mail|correo|address|direcci[oó]n|adresse|morada)\b|\bname\b|name$",
    re.I,
)
_PHONE_WORD = r"(?:phone|telephone|tel|telefon|tel[eé]fono|t[eé]l[eé]phone|telefone)"
# "would you recommend us": yes or no, unless the marketer asked how likely, on a 0-10 scale
_HOW_LIKELY = re.compile(
    r"how likely|\bnps\b|net promoter|\b0\s*(?:-|–|to)\s*10\b|\bout of 10\b|"
    r"probabilidad|probable|probabilit|wahrscheinlich|probabilidade",
    re.I,
)
_WOULD_RECOMMEND = re.compile(r"\bwould you recommend ([^,.;:?()]*)", re.I)
_LISTED = re.compile(r"\s*\??\s*\(([^()]+)\)")
# "el estilo que les gusta", "les couleurs qu'ils préfèrent": the noun names the question
_LIKED_CLAUSE = re.compile(
    r"^(?:(?:el|la|los|las|le|les|o|a|os|as|der|die|das)\s+)?(.+?),?\s+(?:que\s+(?:le|les|te|nos|lhes)?"
    r"\s*(?:gustan?|prefier[ea]n?|preferem?|aiment|pr[eé]f[eè]rent|amam?|quier[ea]n?|querem?)|qu'(?:ils|elles|il|elle|on)\s+"
    r"(?:aiment?|pr[eé]f[eè]rent?|veulent|veut)|de\s+que\s+gostam?|die\s+(?:sie|du|ihr)\s+(?:mögen|mag|bevorzugen|wollen|"
    r"lieben))$",
    re.I,
)
# "recomendaria-nos", "nous recommanderiez-vous", "würden Sie uns weiterempfehlen": yes or no
_RECOMMEND_ASKED = re.compile(
    r"^(?:¿\s*)?(?:(?:nos|nous)\s+)?recomenda(?:r)?[ií]a|recommanderiez|^(?:würden|würdest)\s.*empfehlen",
    re.I,
)
_RECOMMEND = re.compile(r"recomm?end|recomiend|recommand|empfehl", re.I)
_ANONYMOUS = re.compile(r"\banonym|\banónim|\banônim|\banonim", re.I)
_EMAIL_WORD = re.compile(r"e-?mail|correo|courriel|\bmail\b", re.I)


def _preferred(label: str) -> str:
    """ " preferido" after the noun of "el día que prefieren" (es, pt: "Día preferido")."""
    noun = re.match(r"^(?:(el|la|los|las|o|a|os|as)\s+)?(\S+)", label, re.I)
    if not re.search(r"\bque\s+(?:\w+\s+)?pref(?:er|ier)", label, re.I) or not noun:
        return ""
    article, word = (noun.group(1) or "").lower(), noun.group(2).lower()
    female = article in ("la", "las", "a", "as") if article else word.endswith(("a", "as"))
    female = female and word not in ("día", "dia", "días", "dias", "tema", "temas", "programa")
    return " preferid" + ("a" if female else "o") + ("s" if word.endswith("s") else "")


def _emergency_phones(fields: list, original: str) -> None:
    for f in fields:
        said = f"{f['label']} {f['name'].replace('_', ' ')}"
        if f["type"] != "text" or not _EMERGENCY.search(said) or _WHO.search(f["label"]):
            continue
        if re.search(rf"{re.escape(f['label'])}\s*\([^)]*(?:{_WHO.pattern})", original, re.I):
            continue  # "emergency contact (name and phone)": a person, asked whole
        f.update(type="phone", max_length=None)
        # "Notfallkontakt (Telefon)": the bracket says how, it is no second phone field
        bracket = re.search(rf"{re.escape(f['label'])}\s*\(\s*({_PHONE_WORD})\s*\)", original, re.I)
        twin = next(
            (o for o in fields if o is not f and o["type"] == "phone" and bracket
             and o["label"].strip().lower() == bracket.group(1).lower()),
            None,
        )  # fmt: skip
        if twin is not None and not re.search(
            rf"(?:^|[,:;]\s*){_PHONE_WORD}\s*(?:[,;.]|$)", original, re.I
        ):
            fields.remove(twin)


def _recommend_yes_no(fields: list, original: str) -> None:
    said = _WOULD_RECOMMEND.search(original)
    if not said or _HOW_LIKELY.search(original):
        return
    for f in fields:
        if f["name"] == "nps" and f["type"] == "number":
            whom = said.group(1).strip() or "us"
            listed = _LISTED.match(original, said.end())  # "(yes, no, not sure)": as listed
            answers = (
                [a.strip().capitalize() for a in re.split(r",|/|\bor\b", listed[1])]
                if listed
                else []
            )
            f.update(
                name="recommend_us",
                type="select",
                label=f"Would you recommend {whom}?",
                options=[a for a in answers if a] if len(answers) > 1 else ["Yes", "No"],
                min=None,
                max=None,
                help="",
                required=False,
            )


def _foreign_recommend(fields: list, original: str, lang: str) -> None:
    if _HOW_LIKELY.search(original):
        return
    for f in fields:
        label = f["label"].strip().rstrip("?").strip()
        if f["type"] in ("text", "number") and _RECOMMEND_ASKED.search(label):
            mark = " ?" if lang == "fr" else "?"
            f.update(
                type="select",
                label=("¿" if lang == "es" and "¿" not in label else "")
                + (label[:1].upper() + label[1:] + mark),
                options=[phrase("Yes", lang), phrase("No", lang)],
                min=None,
                max=None,
                max_length=None,
                help="",
                required=False,
            )


def shape_answers(config: dict, original: str, lang: str | None) -> None:
    """Answers shaped as a person expects them, on the finished draft (in place)."""
    fields = config["fields"]
    _emergency_phones(fields, original)
    stock = next((f for f in fields if f["name"] == "nps" and f["type"] == "number"), None)
    if stock is not None and any(
        f is not stock
        and f["type"] == "number"
        and f.get("max") == 10
        and _RECOMMEND.search(f["label"])
        for f in fields
    ):  # "¿qué probabilidad hay de que nos recomiende (0-10)?": theirs, not the stock one too
        fields.remove(stock)
    if not lang:
        _recommend_yes_no(fields, original)
    else:
        _foreign_recommend(fields, original, lang)
    for f in fields if lang else []:
        if lang == "es" and f["label"] == "Talla" and "Grande" in (f.get("options") or []):
            f["label"] = "Tamaño"  # a pizza's, a box's size; "Talla" is a garment's (S, M, L)
        liked = _LIKED_CLAUSE.match(f["label"].strip())
        if liked:
            said = liked.group(1)[:1].upper() + liked.group(1)[1:]
            f["label"] = said + _preferred(f["label"])
    if (
        config["flow_id"] in ("notify_only", "support_triage")
        and _ANONYMOUS.search(original)
        and not _EMAIL_WORD.search(original)
    ):  # an anonymous survey that lists no email asks none
        fields[:] = [f for f in fields if f["type"] != "email" or f["required"]]
