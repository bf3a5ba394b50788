"""What a marketer says around an instruction, taken off before it is read (issue 20, stop 29).

A note on a draft carries the why and the how-much-else along with the what: "add an
optional email field so we can follow up", "add a phone number field for urgent jobs",
"screenshot should be optional and app version too", "device should be required, the rest
can stay", "we don't allow pets so drop that question", "social handles can go". Read
whole, the why became part of a new field's label ("Email field so we can follow up") or
the clause was refused. Here the clause is said again without its aside; what is left is
read by the usual readers, so an aside never changes what the instruction does.
"""

from __future__ import annotations

import re

from app.services.llm.local_refine_fallback import said_plainly
from app.services.llm.local_refine_held_abroad import held_abroad

_ADD = r"(?:add|include|also add|also ask for|ask for|ask them for|ask people for|collect|we need|we also need)"
# "… so we can follow up", "… in case they want a reply", "…, that way we know who to call"
_WHY = re.compile(
    rf"^(?P<head>{_ADD}\s+.+?)\s*,?\s+(?P<why>(?:so(?:\s+that)?|in case|just in case|for when|"
    r"that way|to be able to|in order to)\s+.+)$",
    re.I,
)
# "add a phone number field for urgent jobs": "for" after a named field says what it is for
_FOR = re.compile(
    rf"^(?P<verb>{_ADD})\s+(?P<what>(?:an?\s+|their\s+|the\s+)?(?:optional\s+|required\s+)?.+?)\s+"
    r"(?P<kind>field|question|box)\s+for\s+(?P<why>.+)$",
    re.I,
)
# "add a text field for comments": the words after "for" are all the field there is
_NOT_A_SUBJECT = set(
    "a an the their your new extra another optional required mandatory short long big bigger small "
    "large free text textarea paragraph answer dropdown drop-down select multiple choice checkbox "
    "check tick box upload file attachment number date yes/no yes or no".split()
)
# "add a checkbox so they can agree to our hire terms": the visitor's own words, ticked
_BOX_SO = re.compile(
    r"^(?P<head>(?:add|include)\s+(?:an?\s+)?(?:checkbox|check box|tick box|tickbox|box))\s*,?\s+"
    r"so(?:\s+that)?\s+(?:they|people|\w+s)\s+(?:can|could)\s+(?P<act>.+)$",
    re.I,
)
# "screenshot should be optional and app version too": the second field gets the same
_TOO = re.compile(
    r"^(?P<a>.+?)(?P<state>\s+(?:is|are|should be|must be|can be|has to be|needs to be|"
    r"isn't|aren't|is not|are not|shouldn't be|doesn't need to be)\s+[\w ]+?)\s*(?:,\s*|,?\s+and\s+)"
    r"(?:so\s+(?:is|are|should)\s+)?(?:the\s+)?(?P<b>[^,;]+?)(?:\s+(?:too|as well|also))?$",
    re.I,
)
_REST_STAYS = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:the rest|everything else|all the others|the others)\s+"
    r"(?:can|should|may|will)\s+stay(?:\s+as\s+(?:it\s+is|is|they\s+are))?$|"
    r"\s*,?\s*(?:and\s+)?leave\s+(?:the rest|everything else)(?:\s+as\s+(?:it\s+is|is))?$",
    re.I,
)
# "we don't allow pets so drop that question": the field is named in the reason
_SO_DROP = re.compile(
    r"^(?P<why>.+?)\s*(?:,?\s+so|,)\s+(?:please\s+)?(?:drop|remove|delete|lose|hide|skip|take|"
    r"get rid of|bin)\s+(?:that|this|it|the)(?:\s+(?P<what>one|question|field|box|option|answer|choice))?"
    r"(?:\s+(?:off|out|away))?$",
    re.I,
)
# "social handles can go", "the fax number can come out", "budget can be dropped"
_CAN_GO = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+(?:can|could|should)\s+(?:go|come out|be dropped|be removed|be deleted|"
    r"be binned|disappear)(?:\s*,\s*(?:nobody|no one|we|they|it|not|hardly)\b.*)?$",
    re.I,
)
# the visitor ticks the box, so it speaks for them: "confirm they're over 18" → "I'm over 18"
_FIRST_PERSON = (
    (r"\bthey're\b|\bthey are\b", "I'm"),
    (r"\bthey've\b|\bthey have\b", "I have"),
    (r"\bthey\b", "I"),
    (r"\btheir\b", "my"),
    (r"\bthem\b", "me"),
)
# "I'd like the injuries box to be required actually": a wish said as a state
_WISH = re.compile(
    r"^(?:i'd like|i would like|i want|we want|we'd like|we would like|can we have|could we have)\s+"
    r"(?P<x>.+?)\s+to\s+be\s+(?P<y>.+)$",
    re.I,
)
_AFTERTHOUGHT = re.compile(r"\s*,?\s+(?:actually|instead|then|now|after all|too please)$", re.I)
# "order number first please, then email": a please inside the note
_PLEASE_INSIDE = re.compile(r"\s+please(?=\s*,)", re.I)
# "venue/location -> 'Venue address'", "website -> optional": the arrow of a note
_ARROW = re.compile(r"^(?P<x>[^>]+?)\s*(?:->|→|=>)\s*(?P<y>.+)$")
_ARROW_KIND = re.compile(
    r"^(?:an?\s+)?(?P<k>text box|text field|long text|long answer|paragraph|dropdown|drop-down|"
    r"list|number|date|yes/no(?: question)?|yes or no(?: question)?|checkbox|tick ?box|"
    r"multiple choice|radio buttons?|file upload|upload)$",
    re.I,
)
_KIND_FOR_LIST = re.compile(
    r"^(?:an?\s+)?(?P<k>tick ?boxes|check ?boxes|multiple choice|multi-?select|drop-?down|radio buttons|"
    r"single choice)\s+(?:for|with|of|:)\s*(?P<list>[^,]+(?:,[^,]+)+)$",
    re.I,
)
_ARROW_DO = re.compile(
    r"^(?P<v>make|turn|change|set|move|put|rename|remove|drop|delete)\s+(?:it|this|that one)\b",
    re.I,
)
_LABEL_COLON = re.compile(r"^(?P<x>[^:]+?)\s*:\s*(?P<y>.+)$")
_RIGHT_AFTER = re.compile(
    r"\b(?:straight|right|just|directly|immediately)\s+(?=(?:after|before|below|above|under)\b)",
    re.I,
)
_FLAGS = re.compile(r"^(?:optional|required|mandatory)$", re.I)
# "the room choice should say 'Shared room (£350)' and 'Private room (£520)'": its answers
_SAYS_ANSWERS = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+(?:should|could|must|needs to)\s+(?:say|read|show|be)\s+"
    r"(?P<o>(?:['‘“\"][^'’”\"]+['’”\"]\s*(?:,|and|or|,\s*and|,\s*or)?\s*){2,})$",
    re.I,
)
# "… setup help - yes or no", "… (yes/no)": the kind of answer, said as a yes/no reader reads it
_YES_NO_TAIL = re.compile(r"\s*(?:-|–|—|\(|:)?\s*(?:yes or no|yes/no|y/n)\)?$", re.I)
# "the job description could be an upload instead", "how long should also allow 6 months"
_COULD_BE = re.compile(r"^(?P<x>.+?)\s+(?:could|can)\s+be\s+(?P<y>an?\s+.+)$", re.I)
_KIND_AND_FLAG = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+(?:should|must|needs to|has to)\s+be\s+(?P<k>an?\s+[\w -]+?)\s+"
    r"and\s+(?P<f>optional|required|mandatory)$",
    re.I,
)
_ALLOW = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+should\s+(?:also\s+)?(?:allow|accept|let them pick|let them choose)\s+"
    r"(?P<o>.+)$",
    re.I,
)
# "put company and phone after email": each moved, in the order said
_MOVE_SEVERAL = re.compile(
    r"^(?:put|move)\s+(?:the\s+)?(?P<xs>.+?)\s+(?P<rel>after|below|under|before|above)\s+(?:the\s+)?(?P<z>.+)$",
    re.I,
)
# "rename role to fill to 'Job title'": the label holds a "to" of its own
_RENAME_QUOTED_NEW = re.compile(
    r"^(?P<verb>rename|relabel|change)\s+(?:the\s+)?(?P<x>.+)\s+to\s+(?P<new>['‘“\"].+?['’”\"])(?P<rest>.*)$",
    re.I,
)
# "number of warehouses as a number between 1 and 500"
_NUMBER_BETWEEN = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+(?:as|should be|must be|has to be|needs to be)\s+a\s+number\s+(?:between|from)\s+(?P<lo>\d+)\s+"
    r"(?:and|to)\s+(?P<hi>\d+)$",
    re.I,
)
# "preferred viewing times - give them morning, afternoon or evening", "X should offer A, B, C"
_GIVE_ANSWERS = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s*(?:\s-\s|:|—|–|\s+should)\s*(?:give them|offer|list|let them (?:pick|choose) "
    r"(?:from|between)?)\s+(?P<o>[^,]+(?:,\s*[^,]+)+|.+?\s+or\s+.+)$",
    re.I,
)
_DROPDOWN_OF = re.compile(
    r"\b(?P<k>an?\s+(?:dropdown|drop-down|list|choice|select|multiple choice))\s+(?:of|containing|listing)\s+",
    re.I,
)
# "after they submit, say 'Thanks! …'": the thank-you message
_AFTER_SUBMIT = re.compile(
    r"^(?:(?:after|once|when)\s+(?:they|people|someone|visitors|customers)\s+(?:submit|send|sign up|apply|"
    r"book|register)(?:\s+(?:it|the form))?|(?:after|on|upon)\s+(?:submitting|submission|sending)(?:\s+the form)?)"
    r"\s*,?\s*(?:say|show|tell them|display|thank them with)\s*:?\s*"
    r"(?P<t>.+)$",
    re.I,
)
# "how urgent: rename 'No rush' to 'Whenever'", "time slots: swap 16:00 for 17:00"
_FIELD_THEN_OPTION = re.compile(
    r"^(?P<x>[^:]+?)\s*:\s*(?:rename|change|swap|replace)\s+(?P<a>['‘“\"][^'’”\"]+['’”\"]|[^'‘“\"]+?)\s+"
    r"(?:to|for|with|into)\s+(?P<b>.+)$",
    re.I,
)
# "make 'anything else' the last question"
_MAKE_PLACE = re.compile(
    r"^make\s+(?P<x>.+?)\s+the\s+(?P<p>first|last|final|opening)\s+(?:question|field|one|thing)$",
    re.I,
)
# "I'd rather have the contact details first: name, email, phone, then the event stuff"
_FIRST_LIST = re.compile(
    r"^.*?\b(?:first|at the top|on top)\s*:\s*(?P<xs>.+?)(?:\s*,?\s*(?:and\s+)?then\b.*)?$", re.I
)
# "add a third question: 'Can we contact you about your answer?' yes/no"
_NEXT_QUESTION = re.compile(
    r"^(?:add|include)\s+(?:(?:a|an|one)\s+(?:second|third|fourth|fifth|new|another|extra|final|last|more)|a|an|one)\s+"
    r"question(?P<where>\s+(?:after|before|below|above|under|between)\s+[^:'‘“\"]+?|\s+(?:at|to)\s+the\s+(?:end|top|start|bottom))?"
    r"\s*:?\s*(?P<q>['‘“\"].+?['’”\"])\s*,?\s*(?:\((?P<k1>yes/no|yes or no)\)|(?P<k2>yes/no|yes or no))?$",
    re.I,
)
# "ajoute le Massif central aux régions", "añade Cerámica a los cursos": an answer for a choice
_ADD_TO_CHOICE_ABROAD = re.compile(
    r"^(?:ajoute[rz]?|rajoute|añade|agrega|adiciona|acrescenta|aggiungi|voeg|f[üu]ge)\s+"
    r"(?:l'|(?:le|la|les|el|los|las|o|a|os|as|il|lo|gli|de|het|die|der|das|den|eine|einen)\s+)?"
    r"(?:(?:opci[oó]n|option|op[çc][ãa]o|opzione|optie|choix|r[ée]ponse|antwort)\s+)?(?P<o>.+?)\s+"
    r"(?:aux|à la|à l'|au|dans les|dans la|a las|a los|al|a la|às|aos|ao|alle|ai|agli|aan de|bij de|"
    # a question's own words after a bare preposition: "añade 'abril' a ¿cuándo quieres empezar?"
    r"a|à|em|aan|zu|zur|zum|bei)\s+"
    r"(?P<x>[^,;:]+?)(?:\s+(?:toe|hinzu))?$",
    re.I,
)
_GERMAN_ADD = re.compile(
    r"^(?:f[üu]ge\s+)?(?:bei\s+)?(?P<said>[^,;:]+?)\s+(?:hinzuf[üu]gen|hinzu)$", re.I
)
# "…, actually just make it optional", "… on second thought, remove it": the last thought counts
_ACTUALLY = re.compile(
    r"^(?P<first>.+?)(?:\.{2,}|…|[,;.]|\s-)?\s+(?:actually|on second thought|scratch that|no wait|"
    r"come to think of it)[,\s]+(?:just\s+)?(?P<then>.+)$",
    re.I,
)
# "referred by a doctor? if yes, ask for the doctor's name"; "if they were referred by a doctor,
# ask for the doctor's name": a follow-up on the form's own yes/no question
_IF_YES_ASK = re.compile(
    r"^(?P<q>[^?]+)\?\s*(?:if (?:yes|so)|if they say yes|if they do)\s*,?\s*(?:then\s+)?(?:ask|add)\s+(?:for\s+)?(?P<x>(?!(?:what|which|how|who|where|when|why)\b).+)$",
    re.I,
)
_IF_THEY_ASK = re.compile(
    r"^if\s+(?:they|you|the (?:visitor|customer|patient|guest))\s+(?:were|are|have been|have|had|did|do|need|want)?\s*"
    r"(?P<q>[^,]+?)\s*,\s*(?:then\s+)?(?:ask|add)\s+(?:for\s+)?(?P<x>(?!(?:what|which|how|who|where|when|why)\b).+)$",
    re.I,
)
_IF_IS_ASK = re.compile(
    r"^if\s+(?:the\s+)?(?P<f>[^,]+?)\s+is\s+(?P<v>[^,]+?)\s*,\s*(?:then\s+)?(?:ask|add)\s+(?:for\s+)?"
    r"(?P<x>(?!(?:what|which|how|who|where|when|why)\b).+)$",
    re.I,
)
_CAPS_JOIN = re.compile(r"\b(?:AND|OR|BOTH|ALSO|TOO)\b")  # "phone AND email required"
_OPINION = re.compile(r"^(?:i think|i feel|i guess|i reckon|maybe|perhaps|probably)\s*,?\s+", re.I)
_DOUBT = re.compile(
    r"^i\s+(?:don'?t|do not)\s+(?:think|reckon)\s+(?:we|you)\s+(?:really\s+)?need\s+", re.I
)
# "we don't do corporate events anymore (so remove that option)": the answer they no longer offer
_NO_LONGER = re.compile(
    r"^(?:we|i)\s+(?:don'?t|do not|no longer|won'?t|can'?t)\s+(?:do|offer|provide|run|sell|host|take|"
    r"accept|cover|serve|teach|make|ship to|deliver to)\s+(?P<o>.+?)(?:\s+(?:any ?more|now|these days))?"
    r"(?:\s*,?\s*(?:so\s+)?(?:please\s+)?(?:remove|drop|delete|take out|get rid of)\s+(?:that|this|it|the)"
    r"(?:\s+(?:option|answer|choice))?(?:\s+out)?)?$",
    re.I,
)
_MAKE_IT_SO = re.compile(r"^(?:can you\s+|please\s+)?make it so(?: that)?\s+", re.I)
# "voeg een veld toe voor opmerkingen": a field for something, said in Dutch
_DUTCH_FIELD_FOR = re.compile(
    r"^voeg\s+(?:een\s+)?(?:extra\s+)?(?:veld|vraag)\s+toe\s+(?:voor|met)\s+(?:de\s+|het\s+)?(?P<x>[^,;:]+)$",
    re.I,
)
_STOP = {
    "the",
    "a",
    "an",
    "we",
    "our",
    "don",
    "t",
    "do",
    "not",
    "allow",
    "any",
    "so",
    "no",
    "it",
    "is",
}


def plain(text: str, fields: list) -> str:
    """The clause without what was said around the change."""
    text = _second_thought(_CAPS_JOIN.sub(lambda m: m[0].lower(), text), fields)
    text = _OPINION.sub("", text)  # "I think the date should come first, …"
    text = _DOUBT.sub("we don't need ", text)  # "I don't think we need X": a wish, said softly
    answered = _IF_IS_ASK.match(text)  # "if priority is high, ask for a phone number"
    if answered and _fields_in(answered["f"], fields):
        return f"ask for {answered['x']} if {answered['f']} is {answered['v']}"
    asked = _IF_YES_ASK.match(text) or _IF_THEY_ASK.match(text)
    yes_no = (
        [
            f
            for f in (_fields_in(asked["q"], fields) or _holding(asked["q"], fields))
            if _is_yes_no(f)
        ]
        if asked
        else []
    )
    if len(yes_no) == 1:  # "referred by a doctor? if yes, ask for the doctor's name"
        return f"ask for {asked['x']} if {yes_no[0]['label'].rstrip('?')} is yes"
    gone = _NO_LONGER.match(text)
    named = _options_in(gone["o"], fields) if gone else []
    if len(named) > 1:  # "corporate events": Corporate, not the referral answer "Event"
        head = _words(gone["o"].split()[0])
        named = [(f, o) for f, o in named if _words(o) & head]
    if len(named) == 1:  # "we don't do corporate events anymore": that answer goes
        return f"remove {named[0][1]} from {named[0][0]['label']}"
    text = _AFTERTHOUGHT.sub("", _PLEASE_INSIDE.sub("", _REST_STAYS.sub("", text)))
    text = _RIGHT_AFTER.sub("", text)  # "put X straight after the role"
    wish = _WISH.match(text)
    if wish:
        text = f"{wish['x']} should be {wish['y']}"
    noted = _ARROW.match(text) or _LABEL_COLON.match(text)
    wish = noted and _only_label(noted["x"], fields) and said_plainly(text, fields)
    if wish:  # "is it a special occasion -> not needed", "nombre de mots: we count ourselves, drop"
        return wish
    arrow = _ARROW.match(text)
    if arrow and _fields_in(arrow["x"], fields):
        x, y = arrow["x"], _AFTERTHOUGHT.sub("", arrow["y"].strip())
        if _FLAGS.match(y):
            return f"make {x} {y.lower()}"
        if _ARROW_KIND.match(y):  # "how did you find me -> text box" is its kind, not its name
            return (
                f"make {x} {'an' if y[0].lower() in 'aeiou' else 'a'} {_ARROW_KIND.match(y)['k']}"
            )
        chosen = [f for f in _fields_in(x, fields) if f.get("options")]
        if (
            len(chosen) == 1 and len(re.split(r",(?![^()]*\))", y)) >= 2
        ):  # "size → small (…), medium (…)"
            return f"change the options of {chosen[0]['name']} to {y}"
        if _ARROW_DO.match(y):  # "… → make it a text box instead": the change, said of it
            return _ARROW_DO.sub(lambda m: f"{m['v']} {x}", y, count=1)
        return f"rename {x} to {y}"
    colon = _LABEL_COLON.match(text)
    listed = colon and _KIND_FOR_LIST.match(colon["y"].strip())
    held = listed and (_fields_in(colon["x"], fields) or _holding(colon["x"], fields))
    if held and len(held) == 1:  # "fitness goals: tick boxes for lose weight, build muscle, …"
        return f"make {colon['x']} a {listed['k']}: {listed['list']}"
    named = colon and (_fields_in(colon["x"], fields) or _holding(colon["x"], fields))
    if named and len(named) == 1 and _ARROW_DO.match(colon["y"].strip()):
        # "dietary: make it a multi-select with vegetarian, vegan, …": the change, said of it
        said = _ARROW_DO.sub(lambda m: f"{m['v']} {colon['x']}", colon["y"].strip(), count=1)
        return re.sub(r"\s+with\s+(?=[^,]+,)", ": ", said, count=1)
    answers = _SAYS_ANSWERS.match(text)
    named = _fields_in(answers["x"], fields) if answers else []
    if len(named) == 1 and named[0].get("options"):
        listed = re.findall(r"['‘“\"]([^'’”\"]+)['’”\"]", answers["o"])
        return f"change the options of the {named[0]['label']} to {', '.join(listed)}"
    if answers:
        return answers["x"]  # neither a label nor the field's answers: refused, never a label
    if re.match(r"(?:add|ask|include|we need to know|find out)\b", text, re.I):
        text = _YES_NO_TAIL.sub(", yes or no", text)
    text = _DROPDOWN_OF.sub(lambda m: f"{m['k']}: ", text)  # "a dropdown of 18:00, 19:00"
    quoted = _RENAME_QUOTED_NEW.match(text)
    if quoted and any(f["label"].strip(" ?").lower() == quoted["x"].lower() for f in fields):
        return f"{quoted['verb']} '{quoted['x']}' to {quoted['new']}{quoted['rest']}"
    between = _NUMBER_BETWEEN.match(text)
    if between and len(_fields_in(between["x"], fields)) == 1:
        field = _fields_in(between["x"], fields)[0]
        steps = [] if field["type"] == "number" else [f"make {between['x']} a number"]
        return "; ".join([*steps, f"{between['x']} between {between['lo']} and {between['hi']}"])
    give = _GIVE_ANSWERS.match(text)
    if (
        give
        and len(_fields_in(give["x"], fields)) == 1
        and not _fields_in(give["x"], fields)[0].get("options")
    ):
        answers = re.sub(
            r"^(?:the\s+)?(?:following\s+)?(?:choices|options|answers)\s*:?\s*", "", give["o"]
        )
        return f"{give['x']} should be {answers}"
    abroad = _ADD_TO_CHOICE_ABROAD.match(text)
    chosen = [f for f in held_abroad(abroad["x"], fields) if f.get("options")] if abroad else []
    german = _GERMAN_ADD.match(text)  # "Woche 4 hinzufügen": the question's words, then the answer
    if german and not chosen:
        words = german["said"].split()
        for cut in range(len(words) - 1, 0, -1):
            held = [f for f in _holding(" ".join(words[:cut]), fields) if f.get("options")]
            if len(held) == 1:
                abroad, chosen = {"o": " ".join(words[cut:])}, held
                break
    if len(chosen) == 1:
        answer = re.sub(r"\s+(?:toe|hinzu)$", "", abroad["o"].strip()).strip(_QUOTES)
        return f"add the option {answer[:1].upper()}{answer[1:]} to the {chosen[0]['label']}"
    dutch = _DUTCH_FIELD_FOR.match(text)
    if dutch:
        said = dutch["x"].strip()
        kind = (
            "long text"
            if re.match(r"(?:opmerking|toelichting|vragen|bericht|notitie)", said, re.I)
            else "text"
        )
        return f"add a {kind} field called {said[:1].upper()}{said[1:]}"
    first = _FIRST_LIST.match(text)
    listed = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", first["xs"]) if first else []
    if len(listed) >= 2 and all(
        len(_fields_in(x, fields) or _holding(x, fields)) == 1 for x in listed
    ):
        steps = [f"move {listed[0]} to the top"]
        steps += [f"move {b} after {a}" for a, b in zip(listed, listed[1:], strict=False)]
        return "; ".join(steps)
    question = _NEXT_QUESTION.match(text)
    if question:
        kind = "yes or no question" if question["k1"] or question["k2"] else "question"
        # "between phone and urgent" is after phone
        where = re.sub(r"^\s+between\s+(.+?)\s+and\s+.+$", r" after \1", question["where"] or "")
        return f"add a {kind} called {question['q']}{where}"
    after = _AFTER_SUBMIT.match(text)
    if after:
        return f"set the thank-you message to {after['t']}"
    option = _FIELD_THEN_OPTION.match(text)
    if option and _only_label(option["x"], fields):
        return f"change {_quoted(option['a'])} to {_quoted(option['b'])} in {option['x']}"
    place = _MAKE_PLACE.match(text)
    said = place and place["x"].strip(_QUOTES)
    if said and len(_fields_in(said, fields)) == 1:
        where = "the top" if place["p"].lower() in ("first", "opening") else "the end"
        return f"move {said} to {where}"
    several = _MOVE_SEVERAL.match(text)
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", several["xs"]) if several else []
    if len(parts) >= 2 and all(len(_fields_in(p, fields)) == 1 for p in parts + [several["z"]]):
        if several["rel"].lower() in ("before", "above"):
            return "; ".join(f"move {p} before {several['z']}" for p in parts)
        steps, anchor = [], several["z"]
        for part in parts:
            steps.append(f"move {part} after {anchor}")
            anchor = part
        return "; ".join(steps)
    both = _KIND_AND_FLAG.match(text)
    if both and _fields_in(both["x"], fields):  # "steps should be a big box and required"
        return f"{both['x']} should be {both['k']}; make {both['x']} {both['f'].lower()}"
    could = _COULD_BE.match(text)
    if could and _fields_in(could["x"], fields):
        text = f"{could['x']} should be {could['y']}"
    allow = _ALLOW.match(text)
    several = allow and re.match(
        r"(?:more than one|several|multiple|many|two or more)\b", allow["o"], re.I
    )
    if allow and not several and any(f.get("options") for f in _fields_in(allow["x"], fields)):
        return f"add the option {allow['o']} to the {allow['x']}"
    box = _BOX_SO.match(text)
    if box:
        act = re.sub(r"\b(?:our|us)\b", "the", box["act"].strip())
        for said, own in _FIRST_PERSON:
            act = re.sub(said, own, act, flags=re.I)
        return f"{box['head']} called I {act}"
    why = _WHY.match(text)
    if why and not _kind_only(_said(why["head"])):
        return re.sub(r"\s+(?:too|as well|also)$", "", why["head"], flags=re.I)
    said = _FOR.match(text)
    if said and not _kind_only(said["what"]):
        return f"{said['verb']} {said['what']} {said['kind']}"
    too = _TOO.match(text)  # (the clause splitter may have taken the "too" already)
    if too and len(too["b"].split()) <= 4 and _fields_in(too["b"], fields):
        return f"{too['a']} and {too['b']}{too['state']}"
    dropped = _SO_DROP.match(text)
    if dropped and re.match(r"option|answer|choice", dropped["what"] or ""):
        said = _options_in(dropped["why"], fields)
        if len(said) == 1:  # "we don't do birthdays any more so take that option out"
            field, option = said[0]
            return f"remove the option {option} from {field['label'].rstrip('?')}"
    elif dropped:
        named = _fields_in(dropped["why"], fields)
        if len(named) == 1:
            return f"remove {named[0]['label'].rstrip('?')}"
    gone = _CAN_GO.match(text)
    if gone:
        return f"remove {gone['x']}"
    return text


_QUOTES = "'‘’\"“”"


def _quoted(text: str) -> str:
    text = text.strip()
    return text if re.match(r"['‘“\"]", text) else f"'{text}'"


def _words(text: str) -> set[str]:
    """The words of a note or a label, in any language, a final "s" off ("Pets?": {"pet"})."""
    return {w.rstrip("s") for w in re.findall(r"[^\W\d_]+", str(text).lower())}


def _only_label(text: str, fields: list) -> bool:
    """Whether the words are a field's label and nothing else ("is it a special occasion")."""
    said = _words(text) - _STOP - {"i", "the"}
    return any(said == _words(f["label"]) - _STOP for f in fields)


def _second_thought(text: str, fields: list) -> str:
    """ "we don't need the parent name if … actually just make it optional": the change is
    what was said last, "it" the field the first thought named; "make it so X is …": X is …"""
    text = _MAKE_IT_SO.sub("", text)
    m = _ACTUALLY.match(text)
    if not m:
        return text
    named = _fields_in(m["first"], fields) or _holding(m["first"], fields)
    said = [f for f in named if f["label"].lower().rstrip("?") in m["first"].lower()]
    named = said if len(said) == 1 else named  # "the parent name if the student …": Parent name
    if len(named) != 1 and re.search(r"\b(?:it|that|this)\b", m["then"], re.I):
        return text
    label = named[0]["label"].rstrip("?") if named else ""
    return (
        re.sub(r"\b(?:it|that one|this one)\b", label, m["then"], count=1) if label else m["then"]
    )


def _is_yes_no(field: dict) -> bool:
    return len(field.get("options") or []) == 2 and field["type"] in ("select", "radio")


def _kind_only(what: str) -> bool:
    return all(w in _NOT_A_SUBJECT for w in what.lower().split())


def _said(head: str) -> str:
    """What an "add …" asks for, without its verb and the word "field"."""
    what = re.sub(rf"^{_ADD}\s+", "", head.strip(), flags=re.I)
    return re.sub(r"\s+(?:field|question|box)$", "", what, flags=re.I)


def _fields_in(reason: str, fields: list) -> list[dict]:
    """The fields every word of whose label the reason says ("we don't allow pets": "Pets?")."""
    said = _words(reason)
    return [f for f in fields if (own := _words(f["label"]) - _STOP) and own <= said]


def _holding(said: str, fields: list) -> list[dict]:
    """The fields whose label holds every word said ("name": "Full name", "régions":
    "Régions préférées")."""
    words = _words(said) - _STOP
    return [f for f in fields if words and words <= _words(f["label"])]


def _options_in(reason: str, fields: list) -> list[tuple[dict, str]]:
    """The answers of choice fields that the reason names ("birthdays": "Birthday")."""
    said = _words(reason)
    return [
        (field, str(option))
        for field in fields
        for option in field.get("options") or []
        if (own := _words(option) - _STOP) and own <= said
    ]
