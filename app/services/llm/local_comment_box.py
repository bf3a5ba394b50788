"""A box for comments is one long-text field (round 21d, issue 20).

"A box for comments", "a space to tell us more", "a message box", "une case pour vos
commentaires", "un espacio para observaciones", "ein Feld für Anmerkungen", "um espaço para
comentários": the marketer names the control (a box, a space, a field) and what goes in it.
Read as words, the box became a text field named after it ("Message box", "Space to" +
"More", "Une case pour vos commentaires"), and beside a listed message a second free-text
question.

``read_comment_boxes`` rewrites each such item to what goes in the box ("comments", "tell us
more", "message") before the description is read, and remembers it; ``one_comment_box``, on
the finished draft, makes the field read from it a long text labelled with those words, and
drops it when the list already asks a message (or another long text of the same role): the
box is where that message is written, not a second one.
"""

from __future__ import annotations

import re

from app.services.llm.local_choice_lists import folded

_ARTICLE = r"(?:(?:a|an|the|one|un|une|una|um|uma|ein|eine|einen)\s+)?"
_BOX = (
    r"(?:(?:text |free[- ]text |comments? |message |big |large |little |small )?"
    r"(?:box|space|field|area|section)|case|champ|espace|zone|cuadro|campo|espacio|casilla|"
    r"caixa|espa[çc]o|feld|platz|textfeld)"
)
_FOR = r"(?:for|to|where|pour|para|f[üu]r|zum|zur|o[uù])"
_OWN = r"(?:(?:your|any|their|vos|tes|des|sus|tus|seus|suas|os|as|los|las|les|ihre|eventuelle)\s+)?"
# what goes in the box: comments, remarks, a message, questions, more about the request
_CONTENT = (
    r"(?:additional |other |extra |any other |further )?(?:comments?|remarks?|notes?|messages?|"
    r"questions?|feedback|details|information|info)|tell us (?:more|anything else)|"
    r"(?:say |add )?anything else|write (?:to us|a message)|"
    r"commentaires?|remarques?|pr[ée]cisions|questions?|observaciones|comentarios?|mensajes?|"
    r"dudas|preguntas|anmerkungen|bemerkungen|kommentare?|nachricht(?:en)?|fragen|"
    r"coment[áa]rios?|observa[çc][õo]es|mensagem|mensagens|d[úu]vidas"
)
BOX_FOR = re.compile(
    rf"\b{_ARTICLE}{_BOX}\s+{_FOR}\s+{_OWN}(?P<content>{_CONTENT})\b",
    re.I,
)
# "a message box", "a comments box", "a comment field": the content before the box word
CONTENT_BOX = re.compile(
    r"\b" + _ARTICLE + r"(?P<content>message|comments?|notes?|questions?|feedback)\s+"
    r"(?:box|space|field|area|section)\b",
    re.I,
)
# a listed field that is where the message is written already
_MESSAGE_ROLE = re.compile(
    r"^(?:your )?(?:message|mensaje|mensagem|nachricht|comments?|commentaires?|comentarios?|"
    r"coment[áa]rios?|kommentare?|anmerkungen|notes?|enquiry|inquiry|questions?)\b",
    re.I,
)


def read_comment_boxes(text: str) -> tuple[str, list[str]]:
    """(the description with each comment box written as its content, those contents)."""
    boxes: list[str] = []

    def content(m: re.Match) -> str:
        said = re.sub(r"\s+", " ", m["content"]).strip()
        boxes.append(folded(said))
        return said

    text = BOX_FOR.sub(content, text)
    return CONTENT_BOX.sub(content, text), boxes


def one_comment_box(fields: list, boxes: list[str]) -> None:
    """The field read from each box: one long text, or none beside a listed message."""
    for words in boxes:
        read = [f for f in fields if f["type"] in ("text", "textarea") and _read_from(f, words)]
        if not read:
            continue
        box = read[0]
        fields[:] = [f for f in fields if f is box or f not in read]  # "Space to" + "More"
        others = [
            f
            for f in fields
            if f is not box
            and f["type"] == "textarea"
            and not f.get("show_if")
            and _MESSAGE_ROLE.match(f["label"])
        ]
        if others:
            fields.remove(box)  # the list's message is where the comments go
            continue
        said = box["label"] if len(folded(box["label"])) >= len(words) else words
        box.update(type="textarea", label=said[:1].upper() + said[1:], max_length=5000)


def _read_from(field: dict, words: str) -> bool:
    """The field's label is the box's words, or a piece of them ("More" of "tell us more")."""
    label = folded(field["label"]).rstrip(" ?")
    return bool(label) and (
        label == words or re.search(rf"\b{re.escape(label)}$", words) is not None or words in label
    )
