"""Words said to the form builder are no field: they are obeyed (round 40a).

A marketer thinks aloud while listing items, and some of the words are orders to whoever builds
the form, not questions for the visitor:

- a retraction ("…, bank details? no actually leave bank details out", "scratch the X",
  "budget - on second thought skip it", "mejor sin fotos", "finalement pas de X", "doch kein
  X", "toch geen X") takes back an item: the item goes, and nothing is added;
- a note to show ("Add a note that submitting doesn't create a client relationship",
  "mention that …", "tell them we'll …", "with a disclaimer: …", "Añade una nota de que …",
  "Füge einen Hinweis hinzu, dass …") is text the visitor reads: the help of the last question;
- a routing remark ("This must go to the DSL straight away", "send these to the sales team",
  "cc the manager") says who handles a submission: no field, and when it must reach someone
  at once the form routes each one to a person;
- an action offered with "or" after the choices ("…, or unsubscribe from all") is one the
  visitor takes: a tick box, not a text answer.

``read_builder_words`` takes them out of the description before its items are read;
``obey_builder_words`` applies them to the finished draft, whose labels are in the marketer's
language, as the retracted words are.
"""

from __future__ import annotations

import re

# what may come before a retraction: the marketer correcting themself
_SECOND_THOUGHT = (
    r"(?:(?:no|nah|nope|hmm+|wait|oh|and|also|plus|ok(?:ay)?|sorry|actually|on second thoughts?|"
    r"thinking about it|come to think of it|en fait|non|finalement|ach|nee|no wait|"
    r"pensándolo bien|pensandolo bien|bueno|mejor dicho|à la réflexion|eigentlich|"
    r"na ja|nein|oder doch|anzi|pensandoci bene|pensando bem)[\s,.!]+)*"
)
_ART = (
    r"(?:(?:the|that|this|those|these|a|an|el|la|los|las|lo de|le|les|l['’]|du|des|de la|"
    r"das|den|die|dem|der|o|os|as|il|lo|gli|de|het)\s+)?"
)
# the item taken back, to the end of its clause (each wording below has its own group)
_ITEM = r"([^,.;:!?()\n]{2,60}?)"
_ITEM_END = r"(?=\s*(?:[,.;:!?)\n]|$|\s[-–—]\s))"
_RETRACTIONS = (
    # "leave bank details out", "leave out the budget"
    rf"leave\s+out\s+{_ART}{_ITEM}{_ITEM_END}",
    rf"leave\s+{_ART}{_ITEM}\s+out\b",
    rf"(?:forget(?:\s+about)?|scratch|ditch|lose|bin|cut|remove|delete|drop|skip|strike)\s+"
    rf"(?:(?:the|that|this)\s+){_ITEM}{_ITEM_END}",
    rf"(?:forget(?:\s+about)?|scratch|ditch)\s+{_ITEM}{_ITEM_END}",
    rf"(?:we\s+)?(?:don['’]t|do not)\s+(?:need|want|ask(?:\s+(?:for|about))?)\s+{_ART}{_ITEM}"
    rf"(?:\s+after all)?{_ITEM_END}",
    rf"(?:no need (?:for|to ask(?:\s+(?:for|about))?)|take out|get rid of)\s+{_ART}{_ITEM}{_ITEM_END}",
    rf"(?:actually|on second thoughts?)[\s,]+no\s+{_ART}{_ITEM}{_ITEM_END}",
    rf"no\s+{_ART}{_ITEM}\s+after all{_ITEM_END}",
    # es / pt / it: "mejor sin fotos", "afinal sem fotos", "anzi niente foto", "olvida el teléfono"
    rf"(?:mejor|melhor|meglio|afinal|al final|anzi)\s+(?:sin|sem|senza|niente|nada de|no)\s+"
    rf"{_ART}{_ITEM}{_ITEM_END}",
    rf"(?:olvida|olvidad|olvide|quita|quitad|quite|esquece|esqueça|tira|lascia perdere|togli|"
    rf"oubliez|oublie|enlevez|enlève|retirez|vergiss|vergessen sie|streich|streiche|"
    rf"vergeet|schrap)\s+{_ART}{_ITEM}{_ITEM_END}",
    # fr: "finalement pas de numéro de licence", "en fait pas de X", "non, pas de X"
    rf"(?:finalement|en fait|non)[\s,]+(?:pas|plus)\s+(?:de|d['’])\s*{_ITEM}{_ITEM_END}",
    # de / nl: "doch kein Geburtsdatum", "lieber ohne Foto", "toch geen telefoon"
    rf"(?:doch|lieber|toch|liever)\s+(?:keine?[nmrs]?|ohne|geen|zonder)\s+{_ITEM}{_ITEM_END}",
)
_BACK = re.compile(
    rf"(?:^|(?<=[.?!])|[,;:]|\s[-–—]\s|\?)\s*{_SECOND_THOUGHT}(?:{'|'.join(_RETRACTIONS)})"
    r"(?:\s+(?:after all|al final|finalement|doch))?[\s!]*(?=[,.;!?)]|$)",
    re.I,
)
# "…, budget - on second thought skip it", "X? actually no, scratch that": the item just said
_BACK_THAT = re.compile(
    rf"(?:[,;:?]|\s[-–—]\s|(?<=[.!]))\s*{_SECOND_THOUGHT}"
    r"(?:(?:skip|scratch|drop|forget|ditch|remove|cut|lose|delete|leave)\s+(?:it|that|this|"
    r"that one|this one)(?:\s+out)?|never ?mind(?:\s+(?:that|it))?|(?:mejor|melhor|meglio)\s+no|"
    r"olv[ií]dalo|qu[ií]talo|esquece(?:\s+isso)?|laissez tomber|laisse tomber|(?:lieber|doch)\s+"
    r"nicht|toch niet|lascia perdere)\b(?=\s*(?:[,;.!]|$))[\s.!]*",
    re.I,
)

_NOTE_LEAD = (
    r"(?:(?:please|also|and|oh and|then)\s+)*(?:(?:make sure|be sure)\s+(?:to|you)\s+)?"
    r"(?:(?:add|include|put|show|display|have)\s+(?:a|an|one)\s+(?:short\s+|small\s+|"
    r"little\s+)?(?:note|line|sentence|message|disclaimer|reminder|text|notice|remark)\s*"
    r"(?:at the (?:bottom|end|top)\s+)?(?:that\s+says|saying|that|to say(?: that)?|explaining"
    r"(?: that)?|stating(?: that)?|:)|"
    r"(?:mention|say|state|explain|make (?:it )?clear|note|point out|stress)\s+that|"
    r"(?:tell|remind)\s+(?:them|people|visitors|customers|everyone)\s+(?:that\s+)?|"
    r"let\s+(?:them|people|visitors|customers|everyone)\s+know\s+(?:that\s+)?|"
    r"(?:the form|it)\s+(?:should|must|needs to)\s+(?:say|mention|state|explain|make clear)"
    r"(?:\s+that)?|"
    r"with\s+(?:a|an|the)\s+(?:note|disclaimer|reminder|notice|line)\s*(?:that|saying|:))|"
    # es / pt
    r"(?:añade|añadid|añadir|agrega|agregue|añada|incluye|incluya|pon|ponga|acrescente|adicione|"
    r"inclua|coloque)\s+(?:una?|um)\s+(?:nota|aviso|línea|linea|frase|mensaje|mensagem|"
    r"observación)\s+(?:de\s+que|que\s+diga\s+que|diciendo\s+que|a dizer que|dizendo que|que|:)|"
    r"(?:menciona|mencione|indica|indique|aclara|aclare|avisa|avisad|explica|explique)\s+"
    r"(?:de\s+)?que|"
    # fr
    r"(?:ajoute|ajoutez|mets|mettez|indique|indiquez)\s+une\s+(?:note|mention|phrase|ligne|"
    r"remarque)\s+(?:indiquant|disant|précisant|precisant|expliquant)?\s*(?:qu['’]|que|:)|"
    r"(?:précisez|precisez|précise|mentionnez|indiquez|rappelez)\s+(?:qu['’]|que)|"
    # it / nl
    r"(?:aggiungi|aggiungete|inserisci|metti)\s+una\s+(?:nota|riga|frase|avvertenza)\s+"
    r"(?:che dice che|che|:)|(?:specifica|specificate|precisa)\s+che"
)
_NOTE = re.compile(
    rf"(?:^|(?<=[.!?])|[,;]|\s[-–—]\s)\s*(?:{_NOTE_LEAD})\s*(?P<note>[^.!?\n]{{3,300}})[.!]?",
    re.I,
)
# de / nl: the note is a subordinate clause, its verb last: said as one ("Bitte beachten Sie, dass …")
_NOTE_CLAUSE = re.compile(
    r"(?:^|(?<=[.!?])|[,;])\s*(?:(?:füge|fügen\s+sie|fuege)\s+(?:noch\s+)?einen\s+(?:kurzen\s+)?"
    r"(?:hinweis|satz|vermerk)\s+(?:hinzu|ein|an)|mit\s+dem\s+hinweis|weise|weisen\s+sie|"
    r"erwähne|erwähnen\s+sie|(?:voeg|zet)\s+(?:een\s+)?(?:opmerking|zin|melding|regel)\s+"
    r"(?:toe|erbij)|vermeld|met\s+de\s+melding)(?:\s+darauf\s+hin)?,?\s+(?P<that>dass|daß|dat)\s+"
    r"(?P<note>[^.!?\n]{3,300})[.!]?",
    re.I,
)
_NOTE_SAID = {
    "dass": "Bitte beachten Sie, dass {}.",
    "daß": "Bitte beachten Sie, dass {}.",
    "dat": "Let op: {}.",
}

# "This must go to the DSL straight away", "send these to the sales team", "cc the manager"
_WHO = r"(?P<who>[^,.;!?()\n]{0,40}?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[^,.;!?()\n]{2,60}?)"
_AT_ONCE = (
    r"straight away|right away|immediately|at once|asap|urgently|without delay|the same day|"
    r"enseguida|inmediatamente|de inmediato|ya mismo|urgentemente|tout de suite|immédiatement|"
    r"immediatement|sans délai|sofort|umgehend|unverzüglich|direkt|meteen|onmiddellijk|direct|"
    r"subito|immediatamente|imediatamente|de imediato|na hora"
)
_ROUTE = re.compile(
    r"(?:^|(?<=[.!?])|[,;]|\s[-–—]\s)\s*(?:(?:and|oh and|also)\s+)?(?:(?:this|these|it|they|"
    r"each one|every one|(?:each|every|any) (?:report|submission|form|entry|one|request)|"
    r"all (?:of )?(?:these|them)|(?:(?:all|new|the)\s+)?(?:submissions|entries|reports|responses|"
    r"answers|requests|enquiries|inquiries|leads|applications|concerns|complaints))\s+"
    r"(?:(?:must|has to|have to|should|needs? to|will|shall|can)\s+)?(?:go|goes|be sent|be "
    r"forwarded|be passed|be routed|get sent|get forwarded|get passed|are sent|are "
    r"forwarded|are passed)\s+(?:straight\s+|directly\s+)?to\s+"
    r"|(?:please\s+)?(?:send|forward|route|email|pass|escalate)\s+(?:these|them|this|it|each one|"
    r"every one|(?:(?:each|every|all|new|the)\s+)?(?:submissions?|entries|entry|responses?|"
    r"requests?|reports?|leads?))\s+(?:straight\s+|directly\s+)?(?:on\s+)?to\s+"
    r"|(?:please\s+)?(?:cc|bcc|copy in)\s+(?![^,.;]*\be-?mail\b)|(?:please\s+)?(?:notify|alert)\s+(?=(?:the|our|my)\s)"
    # es / fr / de / pt / it
    r"|(?:esto|estos|esta|estas|cada (?:uno|una|aviso|informe))\s+(?:tiene que|tienen que|debe|"
    r"deben|ha de)\s+(?:llegar|ir|enviarse|pasar)\s+(?:directamente\s+)?(?:a|al)\s+"
    r"|(?:envía|envíalo|envíalos|envíenlo|manda|mándalo|mándalos|reenvía)\s+(?:esto|estos)?\s*"
    r"(?:a|al)\s+"
    r"|(?:cela|ceci|ça|chaque (?:signalement|demande|réponse))\s+doit\s+(?:aller|être envoyée?|"
    r"arriver|parvenir)\s+(?:directement\s+)?(?:à|au|aux)\s+"
    r"|(?:envoyez|transmettez|transférez)\s+(?:les|ça|cela)?\s*(?:à|au|aux)\s+"
    r"|(?:das|dies|jede meldung|jeder bericht)\s+(?:muss|soll)\s+(?:sofort\s+|direkt\s+|umgehend\s+)?"
    r"(?:an|zu|zur|zum)\s+"
    r"|(?:isto|isso|cada (?:pedido|relato))\s+(?:tem de|tem que|deve)\s+(?:chegar|ir|ser enviado)\s+"
    r"(?:a|ao|à)\s+"
    r"|(?:questo|questi|ogni segnalazione)\s+(?:deve|devono)\s+(?:arrivare|andare|essere inviat[oaie])"
    r"\s+(?:a|al|alla)\s+)"
    rf"{_WHO}(?:\s+(?P<now>{_AT_ONCE}))?(?:\s+(?:gehen|weiterleiten|senden|on (?:each|every) one|"
    r"on (?:every|each) (?:submission|report|entry)|please))?(?=\s*(?:[.!;,\n]|$))[.!]?",
    re.I,
)

# "…, or unsubscribe from all": an action the visitor takes instead of the choices
_OR_ACTION = re.compile(
    r"(?:,|;)\s*(?:or|o|ou|oppure)\s+(?P<act>(?:unsubscribe|cancel|opt[ -]out|delete|remove me|"
    r"close my|stop (?:all|my|receiving)|pause|darme de baja|darse de baja|cancelar|eliminar|"
    r"borrar|me désabonner|se désabonner|me désinscrire|se désinscrire|annuler|supprimer|"
    r"cancelar|apagar|excluir|disiscriversi|annullare|cancellare)\b[^,.;:!?()\n]{0,50}?)"
    r"\s*(?=[,.;!?]|$)",
    re.I,
)

# words that name no item ("the phone question", "la pregunta del teléfono")
_FILLER = set(
    (
        "the a an my your their our of for to and or in on question field box bit part item one "
        "thing please el la los las de del le les du des der die das den dem o os as do da il lo "
        "gli di het een van pregunta campo champ frage feld vraag veld domanda pergunta you have "
        "what is are tu su votre vos ihr ihre je uw we us form this that not no"
    ).split()
)


def read_builder_words(text: str) -> tuple[str, dict]:
    """``text`` without the words said to the builder, and what they say: ``taken_back`` (the
    items retracted, as worded), ``notes`` (text to show the visitor), ``route_to`` (who must
    get each submission at once, or None), ``actions`` (the actions offered with "or", left in
    the text: their item is read as any other, and made a tick box)."""
    said: dict = {"taken_back": [], "notes": [], "route_to": None, "actions": []}

    def back_that(m: re.Match) -> str:
        before = re.split(r"[,;:.?!]|\s[-–—]\s", m.string[: m.start()])[-1].strip()
        if not before:
            return m.group(0)
        said["taken_back"].append(before)
        return _separator(m)

    def back(m: re.Match) -> str:
        item = next(g for g in m.groups() if g)
        if not _words(item) & _words(m.string[: m.start()]):  # "skip the queue": nothing said
            return m.group(0)
        said["taken_back"].append(item)
        return _separator(m)

    def note(m: re.Match) -> str:
        shown = m["note"].strip(" ,;:\"“”'")
        if m.groupdict().get("that"):
            shown = _NOTE_SAID[m["that"].lower()].format(shown)
        said["notes"].append(_sentence(shown))
        return _separator(m)

    def route(m: re.Match) -> str:
        if m["now"] and not said["route_to"]:
            said["route_to"] = m["who"].strip()
        return _separator(m)

    text = _BACK_THAT.sub(back_that, text)
    text = _BACK.sub(back, text)
    text = _NOTE_CLAUSE.sub(note, text)
    text = _NOTE.sub(note, text)
    text = _ROUTE.sub(route, text)
    said["actions"] = [m["act"].strip() for m in _OR_ACTION.finditer(text)]
    text = re.sub(r"\s*,(?:\s*,)*\s*(?=[.;!?]|$)|\s*([,;])(?:\s*[,;])+", r"\1", text)
    return text.strip(" ,;"), said


def _separator(m: re.Match) -> str:
    """What stands for the words taken out: the comma between two items, or nothing."""
    return ", " if m.group(0).lstrip()[:1] in (",", ";", ":", "?", "-", "–", "—") else " "


ROUTED_THANKS = "Thank you — this has been passed straight to the right person."


def routed_kind(kind: dict, who: str | None) -> dict:
    """``kind`` passed to ``who`` at once when the marketer says each submission must reach
    them straight away; ``kind`` itself otherwise."""
    if not who:
        return kind
    return {
        **kind,
        "flow": "direct_route",
        "autonomy": "semi_autonomous",
        "actions": ["send_email", "respond_direct", "escalate"],
        "thanks": ROUTED_THANKS,  # a support kind's "we've opened a ticket" promises a ticket
        "playbook": f"Pass each submission to {who} at once, with a one-line summary; "
        "acknowledge it briefly and never answer the substance yourself.",
    }


def obey_builder_words(config: dict, said: dict) -> None:
    """Each retracted item's field gone (with its follow-ups); each note shown under the
    question it speaks of, or under the last free-text question (the last question without
    one)."""
    fields = config["fields"]
    for item in said["taken_back"]:
        gone = _field_for(fields, item)
        if gone is not None:
            _drop(config, gone["name"])
    for act in said["actions"]:
        box = _field_for(fields, act)
        if box is not None and box["type"] in ("text", "textarea"):
            box.update(type="checkbox", required=False, options=[], max_length=None)
            box.pop("placeholder", None)
    shown = [f for f in fields if f["type"] not in ("hidden", "checkbox", "file")] or fields
    texts = [f for f in shown if f["type"] == "textarea"] or shown
    for note in said["notes"]:  # "we never share your email": under the email; else the message
        under = _field_for(shown, note) or (texts[-1] if texts else None)
        if under is not None:
            under["help"] = " ".join([under.get("help") or "", note]).strip()[:500]


def _drop(config: dict, name: str) -> None:
    """The field ``name`` out of the draft, with the questions shown only after its answer."""
    after = {
        f["name"]
        for f in config["fields"]
        if any(c.get("field") == name for c in (f.get("show_if") or {}).get("all", []))
    }
    config["fields"][:] = [f for f in config["fields"] if f["name"] not in {name, *after}]
    if config.get("steps"):
        for step in config["steps"]:
            step["fields"] = [n for n in step.get("fields", []) if n not in {name, *after}]
        config["steps"] = [s for s in config["steps"] if s["fields"]]


def _field_for(fields: list[dict], item: str) -> dict | None:
    """The field whose label shares the most of its words with ``item``, or None."""
    want = _words(item)
    best, score = None, 0.0
    for f in fields:
        have = _words(f.get("label") or f["name"].replace("_", " "))
        shared = len(want & have)
        if not shared:
            continue
        fit = shared / len(want | have)
        if fit > score:
            best, score = f, fit
    return best


def _words(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return {w.rstrip("s") if len(w) > 3 else w for w in words if w not in _FILLER}


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
