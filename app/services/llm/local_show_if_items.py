"""Conditions written inside a list of fields (SPEC §17 ``show_if``; see ``local_show_if``).

Marketers put a follow-up next to the field it belongs to, in the list itself:
"…, which competitor, if they switched; and if other, please specify",
"how did you hear about us (…), if other please specify, and a rating",
"if yes, which meal (meat, fish, vegetarian)", "the number of children, for family
memberships", "the university if student". ``inline_rules`` reads each item of the
list: an "if …" item governs the item next to it (the one after it when it opens the
list or follows a semicolon, else the one before it), a trailing "… if …" governs its
own item, "if other, please specify" asks for details. The condition item leaves the
list (it is not a field); the target stays, so the field reader still creates it.
A condition about what someone did ("if they switched", "if it arrived damaged") is
only read when it names an answer the description offers (so "if you bring one" is
left alone rather than turned into a strange question).
"""

from __future__ import annotations

import re

from app.services.llm.local_condition_items import AGE, asks_age

# "if …" (a bare "when …" item is a question: "when their contract ends")
_IF = re.compile(
    r"^(?:and\s+|then\s+|but\s+|or\s+)?(?:(?:only\s+)?if|only\s+when|in case)\s+(?P<cond>.+)$", re.I
)
# "for family memberships", "for students": a plural group, no article ("for a travel blog"
# says what the form is for)
_FOR = re.compile(
    r"^(?:and\s+)?(?:but\s+)?(?:only\s+)?for\s+(?!(?:a|an|the|our|my|your|their|each|every|all)\b)"
    r"(?P<cond>[\w'-]+(?:\s+[\w'-]+){0,2}s)$",
    re.I,
)
# "asking if they are A or B" is a question, not a condition on another field
_ASKS = re.compile(r"\b(?:ask|asks|asking|know|find out|check|see|wonder\w*|whether)$", re.I)
_TRAIL = re.compile(
    r"^(?:and\s+|then\s+|also\s+)?(?P<target>[^()]+?(?:\([^)]*\)[^()]*?)?),?\s+(?:but\s+)?(?:only\s+)?"
    r"(?:if|only when)\s+(?P<cond>.+)$",
    re.I,
)
_SPECIFY = re.compile(
    r"^(?:please\s+)?(?:ask\s+(?:them\s+)?(?:to\s+)?)?(?:specify|explain|give (?:more )?details|tell us more)\b",
    re.I,
)
_IF_SPECIFY = re.compile(
    r"^(?P<cond>.+?),?\s+(?:please\s+)?(?:ask\s+(?:them\s+)?(?:to\s+)?)?(?:specify|explain|"
    r"give (?:more )?details|tell us more)\b",
    re.I,
)
_FOLLOW_WORD = re.compile(r"specify|explain|give (?:more )?details|tell us more", re.I)


def _follow_word(text: str) -> str:
    """The follow-up as asked ("explain", "give details"): it names the follow-up's label."""
    return _FOLLOW_WORD.search(text).group(0).lower()


# The audiences every marketer splits on (local_show_if.AUDIENCES asks the question).
AUDIENCE = re.compile(
    r"(?:a |an )?(?:business(?:es)?|corporate|commercial|trade|professional|private|individuals?|"
    r"consumers?|residential|existing|returning|first[- ]time)(?: (?:customers?|clients?|accounts?))?",
    re.I,
)
_PRONOUN = re.compile(r"^(?:they|it|you|he|she|we|the \w+)\s+(?P<rest>.+)$", re.I)
_LEADING = re.compile(r"^(?:and|then|also|plus)\s+", re.I)
_STOP = {
    "they", "them", "their", "were", "was", "have", "has", "had", "will", "would", "with",
    "from", "that", "this", "then", "chose", "choose", "picked", "arrived", "came", "been",
    "your", "you", "one", "some", "any",
}  # fmt: skip


def option_words(text: str) -> set[str]:
    """The words of every answer the description offers: in brackets ("(damaged, other)")
    and either side of an "or" ("collection or delivery")."""
    inner = " ".join(re.findall(r"\(([^)]*)\)", text))
    inner += " " + " ".join(" ".join(m) for m in re.findall(r"(\w+) or (\w+)", text))
    return {w for w in re.findall(r"[a-z][a-z'-]+", inner.lower())}


def names_an_option(cond: str, offered: set[str]) -> bool:
    """Whether a word of ``cond`` is (the stem of) a word of an offered answer:
    "switched" ~ "switched", "referred" ~ "referral", "damaged" ~ "damaged"."""
    words = [w for w in re.findall(r"[a-z][a-z'-]+", cond.lower()) if w not in _STOP]
    return any(same_stem(w, o) for w in words for o in offered)


def offers(item: str, cond: str) -> bool:
    """Whether ``item`` ("did you attend (yes, no)") offers the answer ``cond`` names."""
    words = option_words(item)
    if re.fullmatch(r"(?:yes|so)", cond.strip(), re.I):
        return "yes" in words
    if re.fullmatch(r"(?:no|not)", cond.strip(), re.I):
        return "no" in words
    return names_an_option(cond, words)


def same_stem(a: str, b: str) -> bool:
    if a == b:
        return len(a) >= 3
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 5 and n >= min(len(a), len(b)) - 3


def _split(body: str) -> list[tuple[str, str]]:
    """[(separator before, item)] at the top-level commas, semicolons and colons."""
    pieces, depth, start, sep = [], 0, 0, ""
    for i, ch in enumerate(body):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;:":
            pieces.append((sep, body[start:i].strip()))
            sep, start = ch, i + 1
    pieces.append((sep, body[start:].strip()))
    return [(s, item) for s, item in pieces if item]


def _target(item: str) -> str:
    item = _LEADING.sub("", item.strip())
    item = re.sub(r"\s*\([^)]*\)", "", item)
    # "if yes, any dietary needs": the field the reader makes of it is "Dietary needs"
    item = re.sub(r"^(?:(?:the|a|an|any|their|your|its|his|her)\s+)+", "", item, flags=re.I)
    return item.strip(" .")


def _targets(item: str) -> list[str]:
    """ "its make and mileage", "how many and when": each short part is a follow-up of its
    own (the field reader makes each a field); a longer phrase stays one."""
    whole = _target(item)
    if "(" in item:
        return [whole]
    parts = [_target(p) for p in re.split(r"\s+and\s+", whole) if p.strip()]
    if len(parts) > 1 and all(1 <= len(p.split()) <= 4 for p in parts):
        return parts
    return [whole]


def inline_rules(sentence: str, text: str, readable) -> tuple[str, list[tuple[str, str]]] | None:
    """(the sentence without its condition items, [(target, condition)]), or None when no
    item of the list is a condition. ``readable(cond)`` says whether a condition has a
    shape the rule reader knows; ``text`` is the whole description (its offered answers)."""
    body = sentence.strip()
    end = re.search(r"[.!?;]*$", body).group(0)
    body = body[: len(body) - len(end)] if end else body
    if not re.search(r"\b(?:if|when|for)\b", body, re.I):
        return None
    offered = option_words(text)

    def ok(cond: str) -> bool:
        """A condition on an answer the description offers ("if other", "if student",
        "if they switched", "if yes"); not a question of its own ("if a tail lift is
        needed", "when their contract ends"), a choice asked, or what we do."""
        cond = cond.strip().strip('.!?"“”')
        if "(" in cond or re.search(r"\s+or\s+", cond) or re.match(r"^we\b", cond, re.I):
            return False
        if re.fullmatch(r"(?:yes|so|no|not)", cond, re.I):
            return True
        if AUDIENCE.fullmatch(cond):  # "if corporate": the business-or-private question
            return True
        if AGE.fullmatch(cond):  # "parent's name if under 16": on the age the list asks
            return asks_age(text)
        if not names_an_option(cond, offered):
            return False
        return bool(_PRONOUN.match(cond)) or readable(cond)

    pieces, kept, rules, i, dropped = _split(body), [], [], 0, False
    while i < len(pieces):
        sep, item = pieces[i]
        core = _LEADING.sub("", item)
        m = _IF.match(core) or _FOR.match(core)
        cond = m["cond"] if m else ""
        follow = _IF_SPECIFY.match(cond) if m and _IF.match(core) else None
        if follow and ok(follow["cond"]):  # "if other please specify"
            rules.append((_follow_word(cond), follow["cond"]))
            i += 1
            continue
        if m and ok(cond):
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            # The condition reads the item before when that item offers the answer
            # ("property type (…, other), if other, what type"), or when it opens the list
            # ("if yes, which meal (…)"): then it shows the item after it.
            opens = sep in ("", ";", ":") or not kept
            offered_before = bool(kept) and offers(kept[-1][1], cond)
            shows_next = (
                nxt is not None
                and nxt[0] == ","
                and (opens or offered_before)
                and not (
                    _IF.match(_LEADING.sub("", nxt[1])) or _FOR.match(_LEADING.sub("", nxt[1]))
                )
            )
            if shows_next:
                if _SPECIFY.match(nxt[1]):  # "if other, please specify"
                    rules.append((_follow_word(nxt[1]), cond))
                    i += 2
                    continue
                # "if yes, which meal (…)", "for VIP tickets, the name of your guest"; "if
                # yes, its make and mileage": every follow-up named is shown on the answer
                if re.match(r"(?:we|we'll|we will|we'd|i|i'll|our team)\b", nxt[1].strip(), re.I):
                    i, dropped = i + 2, True  # "if not, we'll send options": what we do
                    continue
                follow = [nxt]
                if (
                    not kept
                    and sep == ""
                    and " and " not in f" {nxt[1]} "
                    and re.fullmatch(r"(?:yes|so|no|not)", cond.strip(), re.I)
                ):
                    # "if yes, its make, model and mileage": a sentence opening with "if yes"
                    # runs to the "and" that closes the follow-ups ("if yes, how many a day,
                    # height, weight" shows one)
                    group = []
                    for later in pieces[i + 2 : i + 5]:
                        if re.search(r"\b(?:if|unless|only|when)\b|[(?]", later[1], re.I):
                            break  # an item with a condition or answers of its own
                        group.append(later)
                        if re.search(r"(?:^|\s)and\s", later[1], re.I):
                            follow += group
                            break
                for piece in follow:
                    rules += [(t, cond) for t in _targets(piece[1])]
                    kept.append((piece[0] if piece is not nxt else sep, piece[1]))
                i += 1 + len(follow)
                continue
            if kept and sep == "," and not offered_before:
                # "which competitor, if they switched"; "the number of children, for family
                # memberships"
                rules.append((_target(kept[-1][1]), cond))
                i += 1
                continue
        m = None if _IF.match(core) else _TRAIL.match(core)
        if (
            m
            and len(_target(m["target"]).split()) <= 6
            and not _ASKS.search(m["target"].strip())
            and ok(m["cond"])
        ):
            # "the university if student"; "(…, other) - please specify if other"
            head, dash, tail = m["target"].rpartition(" - ")
            if dash and _SPECIFY.match(tail.strip()):
                rules.append(("specify", m["cond"]))
                kept.append((sep, head))
            elif _SPECIFY.match(m["target"].strip()):
                rules.append(("specify", m["cond"]))
            else:
                rules.append((_target(m["target"]), m["cond"]))
                kept.append((sep, m["target"]))
            i += 1
            continue
        kept.append((sep, item))
        i += 1
    # "topic (…) and, if other, …": the conjunction left before a condition taken out
    kept = [(sep, re.sub(r"\s+(?:and|or|then)$", "", item, flags=re.I)) for sep, item in kept]
    if not rules and not dropped:
        return None
    rebuilt = ""
    for sep, item in kept:
        rebuilt += f"{sep} {item}" if rebuilt else item
    if ":" not in rebuilt:  # "Booking for our salon - name, …": the heading ends at the dash
        rebuilt = re.sub(r"\s[-–—]\s", ": ", rebuilt, count=1)
    if (
        rebuilt
        and ":" not in rebuilt
        and not re.match(r"^(?:ask|show|include|collect)\b", rebuilt, re.I)
    ):
        rebuilt = "Ask for " + _LEADING.sub("", rebuilt)  # the field reader reads what follows
    return (rebuilt + "." if rebuilt else ""), rules
