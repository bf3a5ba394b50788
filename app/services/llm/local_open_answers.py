"""Open questions are answered in a box (round 35c, issue 20).

The rule a marketer would state: a question that asks the visitor to explain, describe or
give an opinion is written in a text box, in any of the five languages:

- why … ("why are you a good fit", "¿por qué quieres ser voluntario?", "pourquoi …",
  "warum möchten Sie teilnehmen", "porque quer …");
- what we do well, what we could do better or change ("what do we do well", "what could we
  have done differently", "¿qué podríamos mejorar?", "que pourrions-nous améliorer",
  "was können wir besser machen", "o que podemos melhorar");
- what the visitor liked, enjoyed or thought ("what do you enjoy most about the gym",
  "¿qué es lo que más le gustó?", "qu'avez-vous le plus apprécié", "was hat Ihnen am besten
  gefallen", "o que mais gostou");
- how something helped or changed things for them, how their experience was, and an
  item that asks them to describe ("how has our product helped you", "briefly describe
  your situation");
- what the visitor would like, hopes or expects ("what would you like us to build", "what are
  you hoping to get out of it", "qu'aimeriez-vous apprendre", "o que espera aprender").

A question asking for a short fact (a budget, a name, a number, a date, a size, how many,
how they heard of us) keeps its type, and a question with listed answers keeps its choices:
only a one-line text field becomes a box. ``open_answer`` reads a label;
``local_answer_types.answer_types`` applies it beside its wishes rule (one rule: wording
that asks for words gets a box). An open question left without its question mark gets one.
"""

from __future__ import annotations

import re

_A = r"[’']"  # both apostrophes
_OPEN = re.compile(
    # why: a reason, an explanation
    r"^(?:why|por qu[eé]|pourquoi|warum|weshalb|wieso|porqu[eê]|por que)\b|"
    # what we do well, what we could do better or change
    r"^what (?:do|did|does|could|should|can|would|might) (?:we|you|they) (?:have )?"
    r"(?:do|done)? ?(?:well|better|differently)\b|"
    r"^(?:what|how) (?:could|can|should|might|would) we (?:improve|change|add|do better)\b|"
    r"^what (?:would you|should we) (?:change|improve)\b|"
    # what they liked, enjoyed, thought; what made them come; the highlight
    r"^what (?:do|did) you (?:like|love|enjoy|value|dislike|think|feel|remember)\b|"
    r"^what (?:was|were) (?:the|your) (?:highlights?|best|worst|most|least)\b|"
    r"^what (?:made|brought|brings|attracted|drew|led) you\b|"
    # what they would like, hope or expect
    r"^what would (?:you like|make you|help you)\b|"
    r"^what (?:are|were) you (?:hoping|looking to|expecting|aiming)\b|"
    r"^what (?:do|did) you (?:hope|want|expect|wish) (?:to|from|us|we)\b|"
    # what changed for them, how it went; asked to describe ("briefly describe your situation")
    r"^how (?:has|have|did|does|do|will|would|could|can) (?:[\w']+ ){1,4}?(?:help|helped|"
    r"change|changed|affect|affected|improve|improved|benefit|benefited|benefitted)\b|"
    r"^how (?:has|have|was|were|is) (?:your|the) (?:experience|stay|visit|time)\b|"
    r"^(?:briefly|please|in (?:a few|your own) words,?) (?:describe|explain|tell us)\b|"
    # Spanish
    r"^qu[eé] (?:podr[ií]amos|podemos|deber[ií]amos|debemos) (?:mejorar|cambiar|hacer mejor)\b|"
    r"^qu[eé] hacemos bien\b|^c[oó]mo (?:podr[ií]amos|podemos) mejorar\b|"
    r"^qu[eé] (?:es lo que )?(?:m[aá]s |menos )?(?:le|te|les) (?:gust[oó]|gusta|ha gustado|"
    r"encant[oó]|gustar[ií]a)\b|^qu[eé] (?:espera|esperas|desea|deseas) (?:aprender|lograr|conseguir)\b|"
    # French
    rf"^qu{_A}(?:avez|as)-(?:vous|tu) (?:le plus |le moins |particuli[eè]rement )?"
    r"(?:appr[ée]ci[ée]|aim[ée]|pens[ée])\b|"
    r"^que (?:pourrions|pouvons|devrions|devons)-nous (?:am[ée]liorer|changer|mieux faire|faire mieux)\b|"
    r"^comment (?:pourrions|pouvons)-nous (?:nous )?am[ée]liorer\b|"
    rf"^qu{_A}(?:aimeriez|attendez|esp[ée]rez|souhaiteriez)-vous\b|"
    r"^qu['’]est-ce qui vous a (?:plu|amen[ée]|motiv[ée])\b|"
    # German
    r"^was (?:k[öo]nnen|k[öo]nnten|sollten|m[üu]ssen) wir (?:besser machen|verbessern|"
    r"[äa]ndern|anders machen)\b|^was machen wir gut\b|"
    r"^was hat (?:ihnen|dir|euch) (?:am besten |besonders |am meisten |nicht )?gefallen\b|"
    r"^was (?:m[öo]chten|w[üu]rden) sie (?:gerne |gern )?(?:lernen|erreichen|verbessern|[äa]ndern)\b|"
    r"^was (?:erwarten|erhoffen|w[üu]nschen) sie sich\b|"
    # Portuguese
    r"^o que (?:podemos|poder[ií]amos|devemos|dever[ií]amos) (?:melhorar|mudar|fazer melhor)\b|"
    r"^o que fazemos bem\b|^como (?:podemos|poder[ií]amos) melhorar\b|"
    r"^o que (?:mais |menos )?(?:gostou|gostaste|gostaram|achou)\b|"
    r"^o que (?:espera|esperas|gostaria|pretende) (?:de )?(?:aprender|alcan[çc]ar|conseguir)\b",
    re.I,
)
# a short fact, whatever the question's opening: kept on its line (or its number, its date)
_SHORT_FACT = re.compile(
    r"\b(?:budget|names?|number|how many|how much|date|day|time|size|e-?mail|phone|address|"
    r"postcode|zip|age|price|cost|hear about|find us|found us|presupuesto|nombre|n[uú]mero|"
    r"fecha|tel[eé]fono|nom|num[ée]ro|prix|t[ée]l[ée]phone|datum|anzahl|wie viele|preis|"
    r"telefon|or[çc]amento|nome|quant[oa]s|data|telefone)\b",
    re.I,
)


# an item written as a request to describe is no question: no question mark
_TOLD = re.compile(r"^(?:briefly|please|in (?:a few|your own) words,?) ", re.I)


def open_answer(label: str) -> bool:
    """Whether ``label`` asks the visitor to explain, describe or give an opinion."""
    said = re.sub(r"\s+", " ", label).strip(" ?¿:")
    return bool(_OPEN.match(said)) and not _SHORT_FACT.search(said)


def asked_open(field: dict, lang: str | None) -> None:
    """An open question's label ends as a question ("Qu'avez-vous le plus apprécié ?")."""
    label = (field.get("label") or "").rstrip()
    if label and not label.endswith("?") and not _TOLD.match(label):
        spaced = " ?" if lang == "fr" else "?"
        opening = "¿" if lang == "es" and not label.startswith("¿") else ""
        field["label"] = f"{opening}{label}{spaced}"
