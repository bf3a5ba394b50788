"""What a lead asks for or says they do not have yet, in the six languages leads write in.

A lead comparing vendors is evaluating (a buyer, not yet deciding); "no fixed timeline yet"
says there is none, so the scorer counts no timeline and the reply does not ask for one;
"how much is it?" is a price question the reply answers by promising the plans. Read by
``local_scoring`` (the score and its reason) and ``local_agent`` (the reply).
"""

from __future__ import annotations

import re

from app.services.llm.local_lead_cues import says

COMPARING_RE = re.compile(
    r"\bcompar(?:ing|e) (?:you|your (?:\w+ )?(?:product|tool|platform|plans?|pricing|offer)\b|"
    r"(?:a few |several |some |two |three |four |\w+ )?(?:vendors|tools|options|providers|solutions|"
    r"platforms|alternatives|suppliers|offers)\b)|\bshort-?list(?:ing|ed)?\b|\bweighing up\b|"
    r"\b(?:gathering|getting|collecting|comparing) (?:a few |some |several |\w+ )?quotes\b|"
    r"\b(?:looking at|talking to|speaking (?:to|with)) (?:a few|several|two|three|four|some) (?:other )?"
    r"(?:options|tools|vendors|providers|suppliers|solutions|companies)\b|"
    # "wir vergleichen drei Anbieter", "estamos comparando", "nous comparons plusieurs outils",
    # "stiamo confrontando", "we vergelijken", "a comparar"
    r"\bvergleichen\b|\bcomparando\b|\bcomparamos\b|\bcomparons\b|\bon compare\b|\ba comparar\b|"
    r"\bconfrontando\b|\bconfrontiamo\b|\bvergelijken\b|\bstiamo valutando\b|"
    r"\b(?:estamos |nous |wir )?(?:evaluando|[ée]valuons|evaluieren|avaliando)\b",
    re.I,
)
# A timeline they say they do not have: its words are no timeline ("no deadline set yet").
NO_TIMELINE_RE = re.compile(
    r"\bno (?:fixed |firm |set |real |specific |hard |particular |clear |definite )?(?:timeline|timeframe|"
    r"time ?frame|deadline|date|start date|go-live date|schedule)(?: (?:set|fixed|decided|yet|in mind))*\b|"
    r"\b(?:timeline|timing|deadline|date)(?: is)? (?:not|isn'?t) (?:yet )?(?:fixed|set|decided|defined|clear)\b|"
    r"\bkein(?:en|e)? (?:festen? |konkreten? |genauen? )?(?:termin|zeitplan|zeitrahmen|datum|deadline|frist)\b|"
    r"\b(?:einen |ein )?(?:festen?|konkreten?|genauen?) (?:termin|zeitplan|zeitrahmen|datum) gibt es (?:noch )?nicht\b|"
    r"\bsin (?:una )?(?:fecha|plazo|calendario)(?: (?:fij[ao]|definid[ao]|concret[ao]|cerrad[ao]))?\b|"
    r"\bpas (?:de|encore de) (?:date|calendrier|d[ée]lai|[ée]ch[ée]ance)(?: (?:fixe|pr[ée]cise?|d[ée]finie?))?\b|"
    r"\bsem (?:data|prazo)(?: (?:definid[oa]|fix[oa]|marcad[oa]))?\b|"
    r"\b(?:nessuna|senza(?: una)?) (?:data|scadenza)(?: (?:fissa|precisa|definita))?\b|"
    r"\bgeen (?:vaste |concrete )?(?:deadline|datum|planning|termijn)\b",
    re.I,
)
# A price question in English; in es/fr/de/pt/it/nl the gloss says "price".
PRICE_QUESTION_RE = re.compile(
    r"\bhow much (?:is|does|do|would|will|are|for|per|to)\b|\bhow much\?|"
    r"\bwhat(?:'s| is| are| does| do| would)(?: it| the| your)? (?:price|prices|pricing|cost|costs|charge)\b|"
    r"\bwhat do you charge\b|\bwhat (?:does|would) (?:it|this|that) cost\b|"
    # "what would a booking form for my physio practice website cost?"
    r"\bwhat (?:does|would|will) (?:a|an|one) (?:[\w-]+ ){1,8}?cost\b|"
    # "would like to know what an enquiry form costs", "how much a booking form is"
    r"\b(?:know|ask|wondering|tell me) (?:what|how much) (?:a|an|one|the) (?:[\w-]+ ){1,4}?(?:costs|would cost|is)\b|"
    # a question that is a price: "Pricing?", "Pricing for the Enterprise plan?"
    r"(?:^|[.!?]\s+)(?:pricing|prices?|costs?)\b[^.!?]{0,60}\?",
    re.I,
)


def without_no_timeline(text: str) -> str:
    """The text with "no fixed timeline" blanked out (same length: positions still hold)."""
    return NO_TIMELINE_RE.sub(lambda m: " " * len(m.group(0)), text)


def asks_price(text: str) -> bool:
    return bool(PRICE_QUESTION_RE.search(text)) or says(text, "price")
