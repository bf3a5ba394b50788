"""One listed item of a description → a field: its phrase, label, options and type.

``_item("number of guests (2-4, 5-8, 9+)")`` → a phrase, its options and whether
it was said to be required or optional; ``field_type`` and ``label_for`` turn
the phrase into a typed, labelled field. ``local_extract`` finds the lists.
"""

from __future__ import annotations

import re

from app.services.llm.local_answer_kinds import MEASURED as UNIT_SAID
from app.services.llm.local_bracket_types import ADDRESS_WORDS, bracket_type
from app.services.llm.local_clauses import answers_without_lead_verb, clause_item, split_items
from app.services.llm.local_domain import concept_for
from app.services.llm.local_field_shapes import ABOUT_FILE, SCALE_RE, aspect_scaled, rated
from app.services.llm.local_field_typos import correct_field_words
from app.services.llm.local_lead_options import IDIOM
from app.services.llm.local_standalone_answers import stands_alone
from app.services.llm.local_stray import strip_qualifier
from app.services.llm.local_when_asked import SPAN_OF_TIME, account_asked, when_asked
from app.services.llm.local_yes_no import yes_no_item

LEAVE_VERB = r"leave(?!\s+(?:types?|requests?|balance|reason)\b)"  # not "leave type"
STOP = re.compile(
    r"\s(?:so that|so we|so they|because|in case|which|that we|to help|for our|for the team|"
    r"(?:they|you|we) (?:use|have|want|need|own|currently use|like|prefer|love)|"
    r"if they have|if known|if any|if applicable|where possible|when possible)\b.*$",
    re.I,
)
LEADING = re.compile(
    r"^(?:(?:and|or|also|then|just|only|the|their|a|an|any|some|our|your|his|her|its|which|whether|"
    r"optionally|optional|required|mandatory|essential|maybe|possibly|ideally|e\.g\.|like|roughly|approximately|"
    rf"a couple of|a few|{LEAVE_VERB}|tell us(?!\s+(?:about|more)\b)|give|pick(?!\s+up\b)|choose|enter|provide|send|specify|add|short|brief|"
    # "an optional field for their postcode": the field is the postcode
    r"(?:extra |separate )?(?:field|box|question) (?:for|asking for|about|with))\s+)+",
    re.I,
)
TRAILING = re.compile(
    r"(?:\s+(?:optional|optionally|required|too|only|as well|please|pls|etc\.?|if possible|is essential|"
    r"are essential|is required|are required|is optional|are optional|would be useful|would help|"
    r"as an? (?:optional )?extra|as optional|if they like|if they want|nothing else|that'?s (?:it|all)|"
    r"(?<!question\s)(?<!questions\s)at the (?:end|bottom)|"
    r"optional|required|mandatory|essential))+$",
    re.I,
)
NOT_A_FIELD = re.compile(
    r"\bfor (?:a|an|our|my)\b|\b(?:enquiry|enquiries|inquiry|registration|"
    r"application|applications|signups?|rsvp|waitlist|newsletter|webinar|survey|we|i|us|our|you|they|them|it|form|forms|site|something|nothing|anything|"
    r"want|wants|would|could|should|like|need|needs|make|made|get|gets|set|setup up|please|thanks|"
    r"fancy|simple|short|long|quick|easy|too|very|really|honestly|mostly|usually|sometimes|lot|lots|"
    r"loads|whatever|via|then)\b",
    re.I,
)
# Words that keep a phrase as a field even with a pronoun in it ("what's wrong", "why do you…").
# A question put to the visitor: "what do you want to …", "what are you hoping to …",
# "what's stopped you …", "how would you like …"
YOUR_QUESTION = re.compile(
    r"^(?:what|why|how|which|where|when)(?:'s| is| has| have| do| did| does| are| were| would| "
    r"will| can| could| should)?\s+(?:\w+\s+)?(?:you|your)\b|"
    # "where in the shop do you think you left it", "which part of the park were you in": a
    # place named before the question's verb
    r"^(?:where|which|what)\s+(?:[\w'-]+\s+){1,5}?(?:do|did|does|are|were|was|is|have|had)\s+"
    r"(?:you|your|it|they)\b",
    re.I,
)
# A question in the marketer's own language, which the glossary left as said ("en qué parte
# de la tienda crees que lo dejaste", "dans quelle partie du parc étiez-vous", "in welchem Teil
# des Parks waren Sie", "em que parte da loja acha que deixou"): asked whole, as a question
FOREIGN_QUESTION = re.compile(
    r"^(?:(?:en|de|a|por|para|desde|em|no|na|dans|à|au|par|pour|in|an|auf|bei|mit|von|zu|aus)\s+)?"
    r"(?:qu[ée]|cu[aá]l(?:es)?|d[óo]nde|quel(?:le)?s?|lequel|laquelle|où|welche[mnrs]?|wo|wann|"
    r"qual|quais|onde|quando)\s+\S+\s+\S+",
    re.I,
)
QUESTION = re.compile(
    r"^(?:what|why|how|when|where|which|who|describe|details?|description|tell us (?:about|more))\b|"
    r"^(?:do|does|are|is|have|has|will|would|can) (?:they|you|he|she)\b|^anything\b|what'?s wrong|what went wrong|"
    r"what happened",
    re.I,
)
# The form's own act, written where a list starts ("Payroll services: request pricing
# with …", "let companies ask us for a quote. Fields: …", "companies can request a
# proposal - …"): what the visitor does with the form, not a question on it.
FORM_ACT = re.compile(
    r"^(?:(?:let|allow|enable|invite|help)\s+(?:\w+\s+){0,2}?(?:companies|businesses|people|prospects|"
    r"customers|clients|visitors|users|firms|them|buyers)\b|(?:\w+\s+){0,2}(?:can|may|should|could|will)\s+"
    r"(?:request|ask|get|apply|book|order|enquire|submit)\b|(?:request|get|ask (?:us )?for|want)\s+"
    r"(?:a |an |our |your |their |some )?(?:free |no-obligation |tailored |formal )?(?:quote|quotation|"
    r"proposal|pricing|prices?|tender(?: pack)?|estimate|callback|call back|demo)s?$)",
    re.I,
)
# A field noun with what it is of ("a short description of the products you'll show", "a
# link to slides or a video of a previous talk"): the noun names the field, so the words
# after it may be long, hold a pronoun or an "or" and still be one field.
HEADED = re.compile(
    # "length of set in minutes", "running time of the film": a duration names its field
    r"^(?:length|duration|running time|run ?time|playing time|"
    r"description|summary|overview|outline|explanation|links?|urls?|photos?|pictures?|list|"
    r"details|copy|samples?|examples?|recordings?|videos?)\s+(?:of|to|for|about|on|showing|from)\s+\S",
    re.I,
)
CONNECTIVE = re.compile(r"^(?:(?:and|or|also|then|but|plus(?!\s+ones?\b))(?:\s+|$))+", re.I)
_FILLER = re.compile(r"\b(?:already|too|also|want|wants|like|prefer|would|as well)\b", re.I)
REQUIRED_WORDS = re.compile(r"\b(?:required|mandatory|essential|must)\b", re.I)
OPTIONAL_WORDS = re.compile(
    r"\b(?:optional|optionally|if (?:they have|known|any|possible|they like|they want))\b", re.I
)

DATE_WORDS = re.compile(
    r"\b(?:date|dates|day|deadline|birthday|dob|birth|check-?in|check-?out)\b|^(?:arrival|"
    r"departure|llegada|salida|arriv[ée]e|d[ée]part|ankunft|abreise|chegada|partida)$",
    re.I,
)
NUMBER_WORDS = re.compile(
    r"^(?:number of|no\.? of|how many|how long)\b|\b(?:count|quantity|headcount|mileage|age|square footage|"
    r"sq ?ft|word count|bedrooms|seats|chairs|desks|attendees|travell?ers|guests|spots|workers|users|kg|"
    r"children(?!'s)|kids(?!')|infants|"
    r"amount|value(?! proposition| for money)|year|years|(?:group|party|class|audience|crowd|household) size|passengers|adults|diners|delegates|participants|"
    # "experiencia en años", "années d'expérience", "Berufserfahrung in Jahren": years, counted
    r"a[ñn]os|ann[ée]es|jahren?)\b",
    re.I,
)
# A bare plural of things counted, as a sizing question ("sites", "guards per night",
# "monthly volume"): a number.
COUNTED = re.compile(
    r"^(?:\w+ )?(?:sites|locations|offices|branches|stores|shops|guards|employees|staff|devices|"
    r"endpoints|workstations|computers|laptops|vehicles|lifts|elevators|buildings|units|rooms|"
    r"licen[cs]es|tickets|calls|orders|covers)(?: (?:per|a|each) \w+)?$|"
    r"^(?:(?:monthly|weekly|daily|annual|yearly) )?(?:ticket |call |order |contact )?volume(?: per \w+)?$",
    re.I,
)
URL_WORDS = re.compile(
    rf"\b(?:{ADDRESS_WORDS}|photos?|pictures?|images?|drawings?|receipt|cv|resume|portfolio)\b",
    re.I,
)
# What the visitor wants, hopes or is held back by: answered in their own words
HOPES = re.compile(
    r"^(?:what|why|how)\b(?!.*\b(?:how many|how much|budget|price|cost)\b).*\b(?:want|wants|"
    r"hope|hoping|hoped|looking for|trying|aim|aiming|wish|stopped|stopping|holding|held|help(?! with)|"
    r"kept|keeping|achieve|expect|expecting|goals?|struggling|change|benefit|impact|describe)\b",
    re.I,
)
LONG_WORDS = re.compile(
    r"^(?:why|describe|description|details|tell|explain)\b|what'?s wrong|what went wrong|what happened|"
    r"\b(?:comments?|suggestions?|question|questions|issue|problem|feedback|notes|details|"
    r"description|motivation|what work|pain points?|current setup|what they want|better|improve|broken|"
    r"essays?|statements?|note|letters?|stor(?:y|ies)|bio|summary|abstract|poems?|lyrics|"
    r"(?:project|elevator|sales|written) pitch|saw|heard|witnessed|noticed|"
    r"not working|isn'?t working|needs? fixing|went wrong|happened|looks? like|"
    # "what needs doing", "what the job is": the work a customer wants done, in their words
    r"needs? doing|jobs? (?:is|are|needs? doing)|work (?:is|needed|needs? doing))\b",
    re.I,
)
# Content the visitor writes out as a list or a few paragraphs ("ingredients", "method",
# "agenda", "synopsis", "track list", "speaker bio"): long text, even when a word in it
# would type it otherwise ("agenda for the day" is no date). "payment method" is no recipe.
CONTENT = re.compile(
    r"\b(?:ingredients?(?: list)?|list of ingredients|agenda|synopsis|synopses|outline|blurb|"
    r"biography|bio|abstract|running order|order of (?:service|play|events|the day|ceremony)|"
    r"tracklists?|tracklisting|playlists?|lyrics|transcript)\b|"
    # "track list", "music list", "guest list": a list to write out (not a mailing list)
    r"\b(?!(?:mailing|waiting|wait|price|short|check|email|distribution)\b)[\w-]+ lists?$|"
    r"^(?:the )?(?:method|preparation|directions|instructions)$|"
    r"\b(?:cooking|recipe|preparation) (?:method|steps|instructions)\b|^(?:method|preparation) steps$",
    re.I,
)
# A reason or an opinion is written out ("main reason for your score", "the best part of
# the day", "what you liked most"): long text, never a date ("day"), a rating ("score") or
# a number.
OPINION = re.compile(
    r"^(?:the |your |their |my )?(?:main |primary |biggest |key |real |other )?reasons?\b|"
    r"\b(?:best|worst|favou?rite|most useful|least useful|most enjoyable)\b(?:\s+\w+){0,2}?\s+"
    r"(?:part|thing|bit|moment|aspect|feature|memory)s?\b|\bhighlights?\b|"
    r"\b(?:liked|loved|enjoyed|disliked|hated|valued|missed)(?:\s+\w+)?\s+(?:most|least|best)\b|"
    r"\b(?:liked|loved|enjoyed|disliked)\s+(?:most|least|best)\b|^what made (?:you|them)\b",
    re.I,
)
WHEN_HAPPENED = re.compile(
    r"^when (?:it|this|that|the \w+|did|was|were|they) ?\w* (?:happen|happened|occurred|started|bought|"
    r"arrived?|delivered|received|noticed|broke|began|purchased|took place|came)\b|^when (?:it|this) happened\b",
    re.I,
)
# "date it was delivered", "day it arrived", "time it started", "date the leak began": the
# date of an event, named with a clause ("it" is no chatter here)
DATE_IT = re.compile(
    r"^(?:the )?(?:date|day|time)\s+(?:it|this|that|they|you|we|the \w+)\s+"
    r"(?:was |were |first |last )?(?:\w+ed|happened|began|begun|broke|broken|came|went|arrived|"
    r"started|took place|occurred|got \w+|\w+en|bought|sold|left|fell|stopped)\b",
    re.I,
)
# "hourly rate", "day rate", "rate per word", "price per night": a price for a unit of work
# (a number), not a rating and not a date ("day")
PRICE_UNIT = re.compile(
    r"\b(?:hourly|daily|day|weekly|nightly|monthly|per-hour|per-word|half-day)\s+(?:rate|fee|price)s?\b|"
    r"\b(?:rate|fee|price|charge|cost)s?\s+(?:per|an?|by the)\s+(?:word|hour|night|day|week|month|"
    r"page|minute|session|lesson|class|visit|walk|head|person|guest|unit|item|km|mile|shift|"
    r"\d[\d,]* words)\b|\bunit (?:price|cost)s?\b",
    re.I,
)
# A duration said in a unit: "length of set in minutes", "course length in hours"
DURATION_IN_UNITS = re.compile(
    r"\b(?:length|duration|running time|run ?time|how long)\b.*\b(?:in|of) "
    r"(?:minutes|mins|hours|hrs|days|weeks|seconds)\b|^(?:hours|minutes|mins|hrs|nights|days)\b.*\b(?:per|a|each) (?:day|night|week|month)\b",
    re.I,
)
# "phone model", "mobile brand": a thing about the phone, not a number to call
THING_OF = re.compile(
    r"\b(?:model|make|brand|type|case|screen|colou?r|storage|os|version|apps?)$", re.I
)
# "emergency contact" alone is their number; "emergency contact name" is a name
PHONE_WORDS = re.compile(
    r"\b(?:phone|mobile|telephone|contact number|emergency contact(?! names?\b))\b", re.I
)
IDENTIFIER = re.compile(r"\b(?:\w+ )?(?:number|no\.?|id|#|reference|code)$", re.I)


FIELD_NOUN = re.compile(
    r"\b(?:name|names|number|date|dates|time|times|day|size|sizes|type|types|details|address|e-?mail|phone|"
    r"link|url|budget|quantity|amount|reason|level|year|age|area|model|make|version|id|reference|code|"
    r"preference|count|location|region|country|city|postcode|zip|notes|description|comments?|question|"
    r"rating|title|price|weight|volume|length|duration|frequency|deadline|package|service|category|"
    r"condition|mileage|registration|breed|species|treatment|subject|platform|module|language|"
    r"availability|experience|portfolio|cv|resume|linkedin|website|guests|people|travell?ers|workers|"
    r"users|seats|desks|chairs|bedrooms|headcount|occasion|allerg\w+|dietary|venue|destination|wrong|"
    r"happened|session|sessions|class|course|stylist|property|insurance|injury|medication|branch|"
    r"invoice|order|serial|account|firmware|router|endpoint|error|material|design|colou?r|text|wording|"
    r"shift|salary|role|roles|brands?|university|school|grade|graduation|outlet|receipt|category|"
    r"provider|supplier|vendor|system|systems|software|tools?|"
    r"motivation|turnover|revenue|income|bill|month|week|goals?|why|what|how)\b",
    re.I,
)
# "Name and email are required." / "The language pair is optional."
STATEMENT = re.compile(
    r"^(?:the |their |a |an )?([\w' -]{2,60}?) (?:is|are) (optional|required|mandatory|essential)\b",
    re.I,
)
MULTI = re.compile(
    r"^(?:multiple[- ]choice|multi-?select|pick (?:any|several)|tick all)\s*:?\s*", re.I
)
TRAILING_YES_NO = re.compile(
    r"^(.*?\S)[\s?:–—-]*\(?\b(?:yes\s*(?:/|or)\s*no|y\s*/\s*n)\)?[?.]?$", re.I
)
YES_NO_BRACKET = re.compile(r"(?:yes|y)\s*(?:/|or)\s*(?:no|n)|no\s*/\s*yes", re.I)
NEEDS = re.compile(
    r"(?:[a-z-]+ ){1,2}(?:needs|requirements|issues|concerns|restrictions|adjustments)", re.I
)
YES_NO = re.compile(r"^(?:do|does|are|is|have|has|will|would|can) (?:they|you|he|she)\b", re.I)
BRACKET_LIST = re.compile(
    r"\((?:please )?(?:specify|include|including|incl\.?|ask(?:ing)? for|with|e\.g\.?|i\.e\.?)\s+([^)]+)\)|"
    r"\(([^),]+?)\s+(?:too|as well|also)\)",
    re.I,
)


# "(file upload)", "(attach)", "(please attach)", "(upload, optional)", "(PDF)", "(PDF or Word)",
# "(attach up to 5)", "(upload images)", "(jpg/png)"
_FORMATS = r"pdfs?|docx?|word|jpe?g|png|gif|heic|images?|photos?|pictures?|scans?|files?|documents?"
_COUNT = r"(?:\s+(?:up to|max(?:imum)?|at most|no more than)\s+\d+(?:\s+\w+)?)?"
UPLOAD_CUE = re.compile(
    rf"^(?:please\s+)?(?:(?:as\s+)?an?\s+)?(?:(?:{_FORMATS})\s+)?"
    rf"(?:upload(?:ed)?|attach(?:ed|ment)?|to (?:attach|upload))(?:\s+(?:an?\s+)?(?:{_FORMATS}))?{_COUNT}$|"
    rf"^(?:as\s+)?(?:an?\s+)?(?:{_FORMATS})(?:\s*(?:or|/|,)\s*(?:{_FORMATS}))*(?:\s+(?:file|upload))?{_COUNT}$",
    re.I,
)
_FLAG = re.compile(
    r"\b(?:optional|required|mandatory|if any|if available|if possible|if they have (?:one|any)|"
    r"if applicable)\b",
    re.I,
)


# A deadline named by what must happen by then: "needed by date", "deliver by", "respond by",
# "ready by (date)". Not "referred by" or "paid by" (a person, a means).
DEADLINE = re.compile(
    r"(?:(?:the|a|your|their)\s+)?((?:(?:date|day|when)\s+)?(?:(?:need|want) (?:it|them|this)(?: back)?|needed(?: back)?|required|wanted|due|deliver(?:ed|y)?|respond|"
    r"reply|answer(?:ed)?|complete(?:d)?|finish(?:ed)?|ready|done|start(?:ed)?|arrive|return(?:ed)?|"
    r"submit(?:ted)?|ship(?:ped)?|install(?:ed)?|decide|decision|launch(?:ed)?|(?:go(?:ing)?\s+)?live|collect(?:ed|ion)?|"
    r"move in|moved in|in place|sorted|fixed))\s+by(?:\s+(?:date|when|which date|what date))?",
    re.I,
)


def _upload_cue(inner: str) -> tuple[str, str] | None:
    """("upload:<the words in brackets>", the flags said with it) when the brackets ask for
    a file: an upload word or file formats, with at most a flag ("optional") beside them."""
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", inner) if p.strip()]
    flags = " ".join(m.group(0) for p in parts for m in _FLAG.finditer(p))
    bare = [
        re.sub(r"\s+", " ", _FLAG.sub(" ", re.sub(r"\s+only$", "", p, flags=re.I))).strip()
        for p in parts
    ]
    bare = [p for p in bare if p]
    if not bare or not all(UPLOAD_CUE.match(p) for p in bare):
        return None
    return "upload:" + " ".join(bare), " " + flags


# A measure over a period, in the five languages ("per month", "por mês", "par an", "pro Jahr",
# "monthly", "mensual")
MEASURED = re.compile(
    r"\b(?:per|each|every|por|par|pro|al|au|im|ao)\s+(?:day|week|month|year|night|hour|quarter|"
    r"d[ií]a|semana|mes|m[eê]s|a[ñn]o|ano|jour|semaine|mois|an|ann[ée]e|trimestre|tag|woche|monat|"
    r"jahr|quartal)\b|\b(?:monthly|weekly|yearly|annual|mensual|mensal|mensuel(?:le)?|semanal|"
    r"anual|annuel(?:le)?|monatlich(?:e[nrs]?)?|j[äa]hrlich(?:e[nrs]?)?)\b",
    re.I,
)


# "está dañado, roto or incompleto" (the glossary's "or"), "est-il abîmé, volé ou perdu"
_OR_SPLIT = r",\s*(?:(?:or|o|ou|oder)\s+)?|\s+(?:or|o|ou|oder)\s+"
STATE_ABROAD = re.compile(
    r"^(?:est[aá]|estaba|fue|foi|estava|est-(?:il|elle)|[ée]tait-(?:il|elle)|ist (?:es|er|sie)|"
    r"war (?:es|er|sie))\s+((?:[\w'-]+, )+[\w'-]+,? (?:or|o|ou|oder) [\w'-]+)$",
    re.I,
)


def _items(segment: str) -> list[str]:
    """Split a list, keeping "(A, B, C)" options and "A, B or C" choices with their item."""
    return split_items(segment)


def _capital(option: str) -> str:
    """ "too pricey" → "Too pricey" (an answer reads as a sentence); "iPhone" stays."""
    first = option.split()[0] if option.split() else ""
    return option[:1].upper() + option[1:] if first.islower() else option


# An act of booking at the end of a list ("book a time", "pick a slot", "schedule a call",
# "choose a convenient date"): the form asks when, not for the act's words
SLOT_ACT = re.compile(
    r"(?:book|pick|choose|select|schedule|reserve|arrange|find|suggest|propose)\s+"
    r"(?:a|an|your|the|their)\s+(?:(?:convenient|suitable|good|preferred|free|first)\s+)?"
    r"(time ?slot|slot|time|date|day|call|call-?back|appointment|meeting|session|visit|"
    r"consultation|demo|viewing)s?",
    re.I,
)


# Asking the visitor's permission in es/fr/de/pt ("podemos contactarle", "pouvons-nous vous
# rappeler", "dürfen wir Sie anrufen", "podemos entrar em contato"): a yes/no question
MAY_WE_ABROAD = re.compile(
    r"(?:podemos|podr[íi]amos|poder[íi]amos|posso|puedo|pouvons-nous|pourrions-nous|puis-je|"
    r"peut-on|on peut|d[üu]rfen wir|d[üu]rften wir|k[öo]nnen wir|k[öo]nnten wir|darf ich)\s+\w",
    re.I,
)


# A field noun and what it is for: "address to post it to", "email to send the invoice to",
# "name to put on the certificate" — one field, labelled with all of it ("Address to")
NOUN_TO = re.compile(
    r"^(?:[\w-]+ )?(?:address|e-?mail(?: address)?|postcode|name|number|account)\s+to\s+"
    r"(?!be\b)[a-z]+\b(?:\s+[\w'-]+){0,5}$",
    re.I,
)
# A yes/no question asking whether something is all right ("ok for us to …", "is it ok to …
# if …", "happy for us to …"): read whole, its condition included
_OK_ASKED = re.compile(
    r"^(?:is it|is that|would it be|ok|okay|all right|alright|fine|happy)\b(?:\s+(?:ok|okay|fine))?"
    r"\s+(?:for|to|with|if)\b",
    re.I,
)


# "which bin was missed", "which body part hurts": a question with its verb, not a noun
WHICH_ASKED = re.compile(
    r"^\s*(?P<q>which\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?\s+(?:was|were|is|are|has|have|had|did|does|"
    r"hurts?|needs?|suits?|interests?|applies|apply|works?|went|broke|failed)\b[^()]*?)\s*(?:\(|\?|$)",
    re.I,
)


def _item(raw: str, listed: bool = False) -> dict | None:
    """One item (``_read_item``), and a "which X was Y" question keeps its question."""
    item = _read_item(raw, listed)
    asked = WHICH_ASKED.match(raw)
    said_as = (item or {}).get("label") or ""
    if item and "fields" not in item and asked and not said_as.lower().startswith("which"):
        said = re.sub(r"\s+", " ", asked["q"]).strip()
        item = {**item, "label": said[:1].upper() + said[1:] + "?"}
    return item


def _read_item(raw: str, listed: bool = False) -> dict | None:
    """One item; ``listed``: it stands in a sentence that is only a list, so it names a
    field even with chatter words in it ("hours the cat would be alone")."""
    text = CONNECTIVE.sub("", raw.strip().strip(".!?\"'“”‘’ "))
    asked = bool(re.search(r"\?[\s\"'“”‘’]*$|^\s*¿", raw))  # "pets?", "¿vivienda en propiedad?"
    permission = bool(MAY_WE_ABROAD.match(raw.strip()))  # "podemos entrar em contato"
    asked = asked or permission
    if (FORM_ACT.match(text) and not asked) or YES_NO_BRACKET.fullmatch(text.strip()):
        return None  # "¿llegó a tiempo? sí/no": the answers of the question before, no item
    # "account number if you have one": optional, and the qualifier is no part of the label
    text, qualified = strip_qualifier(text)
    slot = SLOT_ACT.fullmatch(text.strip())
    if slot:  # "book a time", "pick a slot", "choose a date": when the visitor would like it
        word = "date" if re.match(r"da(?:te|y)", slot.group(1), re.I) else "time"
        return {
            "phrase": f"preferred {word}",
            "label": f"Preferred {word}",
            "options": [],
            "required": not qualified and bool(REQUIRED_WORDS.search(raw)),
            "optional": qualified,
            "hint": "",
        }
    deadline = DEADLINE.fullmatch(text.strip())
    if deadline:  # "needed by date", "deliver by", "respond by": a date labelled "Needed by"
        said = re.sub(r"^(?:need|want) (?:it|them|this)", "needed", deadline.group(1), flags=re.I)
        return {
            "phrase": f"{said.lower()} by",
            "label": f"{said[:1].upper()}{said[1:]} by",
            "options": [],
            "required": not qualified and bool(REQUIRED_WORDS.search(raw)),
            "optional": qualified,
            "hint": "date",
        }
    options, hint, yes_no_asked, listed_answers = [], "", False, False
    text = BRACKET_LIST.sub("", text)
    # "on a scale of 1 to 10 how would you rate us": the question, then its scale
    text = re.sub(
        r"^(on a scale (?:of |from )?\d{1,2}\s*(?:to|-|–)\s*\d{1,3}),?\s+(.+)$",
        r"\2 \1",
        text,
        flags=re.I,
    )
    paren = re.search(r"\(([^)]*)\)", text)
    flags, unit = "", ""
    if paren:
        inner = paren.group(1).strip()
        text = (text[: paren.start()] + " " + text[paren.end() :]).strip()
        cue = _upload_cue(inner)
        if cue is not None:  # "any evidence (file upload)", "budget breakdown (PDF)"
            hint, flags = cue
        elif bracket_type(inner):  # "(link)", "(dropdown)", "(pick a date)": the type, said
            hint = bracket_type(inner)
        elif re.search(r"\b(?:whatever|etc|e\.g|for example|such as)\b", inner, re.I):
            hint = "examples:" + inner
        elif re.fullmatch(r"optional", inner, re.I):
            hint = "optional"
        elif re.fullmatch(r"required|mandatory|compulsory|must", inner, re.I):
            flags = " required"  # "phone (required)": the bracket was dropped, its word lost
        elif UNIT_SAID.fullmatch(inner):  # "annual electricity use (kWh)": the unit stays said
            unit = inner
        elif YES_NO_BRACKET.fullmatch(inner):  # "app installed (yes/no)": a yes/no question
            options, yes_no_asked = ["Yes", "No"], True
        elif MULTI.match(inner):
            hint = "multiselect"
            inner = MULTI.sub("", inner)
            options = [o.strip() for o in re.split(r"\s*[,/]\s*|\s+or\s+", inner) if o.strip()]
        elif ("," in inner or "/" in inner) and _names_fields(text[: paren.start()], inner):
            return {"fields": [i for i in (_item(p) for p in _items(inner)) if i]}
        elif "," in inner or "/" in inner or re.fullmatch(r"[\w' -]{1,30} or [\w' -]{1,30}", inner):
            # "(parking, showers, 24/7 access)", "(business hours or 24/7)": with commas or an
            # "or", a slash is part of an answer
            or_said = "," in inner or re.search(r"\s+or\s+", inner)
            cut = r"\s*,\s*|\s+or\s+" if or_said else r"\s*/\s*|\s+or\s+"
            options = [o.strip() for o in re.split(cut, inner) if o.strip()]
            listed_answers = "," in inner  # "(a, b, c)"; "a or b" is one of them
    options = [_capital(o) for o in options]
    if permission and not options:  # asking leave to do something is answered yes or no
        options, yes_no_asked = ["Yes", "No"], True
    scale = paren.group(0) if paren and not options and SCALE.fullmatch(paren.group(0)) else ""
    if STATEMENT.match(text):
        flag = STATEMENT.match(text).group(2).lower()
        parts = [p for p in re.split(r"\s*,\s*|\s+and\s+", STATEMENT.match(text).group(1)) if p]
        if len(parts) > 1:
            return {"fields": [i for i in (_item(f"{p} {flag}") for p in parts) if i]}
    # "was anyone injured yes or no", "do you need it sliced y/n": the question, answered so
    said_yes_no = None if options else TRAILING_YES_NO.match(text)
    if said_yes_no:
        text, options, yes_no_asked = said_yes_no.group(1), ["Yes", "No"], True
    foreign_asked = FOREIGN_QUESTION.match(text) is not None
    question = QUESTION.search(text) is not None or permission or foreign_asked
    required = bool(REQUIRED_WORDS.search(text + flags)) and not OPTIONAL_WORDS.search(text + flags)
    optional = bool(OPTIONAL_WORDS.search(text + flags)) or hint == "optional" or qualified
    required = required and not qualified
    # "podemos deixar com o porteiro se não houver ninguém (sim/não)": leave asked with its
    # condition, whole
    whole = yes_no_asked and (_OK_ASKED.match(text.strip()) or permission)
    if whole and 4 <= len(text.split()) <= 16:
        # "ok for us to leave it with a neighbour if you're out (yes/no)", "is it ok to clean
        # the back windows if the gate is open (yes/no)": the whole question is the label
        said = re.sub(r"\b(?:ok|okay)\b", "OK", re.sub(r"\s+", " ", text.strip(" ?.,")), flags=re.I)
        return {
            "phrase": " ".join(w for w in re.findall(r"[\w'-]+", said.lower()) if len(w) > 3)[:60],
            "label": (said[:1].upper() + said[1:] + "?")[:200],
            "options": options,
            "required": required,
            "optional": optional,
            "hint": "",
            "clause": True,
        }
    state = STATE_ABROAD.match(text.strip(" ?¿"))
    if state and not options:  # "¿está dañado, roto o incompleto?": one question, its answers
        said = re.sub(r"\s+", " ", text.strip(" ?¿"))
        return {
            "phrase": state.group(1).lower(),
            "label": (said[:1].upper() + said[1:] + "?")[:200],
            "options": [_capital(o) for o in re.split(_OR_SPLIT, state.group(1)) if o],
            "required": required,
            "optional": optional,
            "hint": "",
            "clause": True,
        }
    clause = clause_item(TRAILING.sub("", CONNECTIVE.sub("", text.strip())))
    if clause:  # "is it urgent", "whether they have X", "the regions they serve"
        name = _FILLER.sub(" ", clause["name"]).lower()
        if clause.get("asked") and not concept_for(name) and concept_for(text.lower()):
            name = text.lower()  # "what days suit them": the preferred date, asked as a question
        phrase = re.sub(r"\s+", " ", name).strip(" ,") or clause["label"].lower().rstrip("?")
        several = listed_answers and (
            several_apply(phrase, options)
            or several_apply(text.strip().lower(), options)
            and bool(SLOTS_ASKED.search(text.strip()))
        )
        return {
            "phrase": phrase,
            "label": clause["label"][:200],
            "options": options or clause["options"],
            "required": required,
            "optional": optional,
            "hint": hint or clause.get("hint", "") or ("multiselect" if several else ""),
            "clause": True,
        }
    yes_no_note = None if options or hint else yes_no_item(text, asked, _names_value)
    if yes_no_note:  # "pets?", "parking needed", "already a customer": a Yes/No question
        return {
            **yes_no_note,
            "options": ["Yes", "No"],
            "required": False,
            "optional": optional,
            "hint": "",
            "clause": True,
        }
    piece = WRITTEN.match(LEADING.sub("", text))
    if piece:  # "a short essay on why they deserve it": name "essay", the whole ask as label
        return {
            "phrase": piece.group(2).lower(),
            "label": label_for(ARTICLES.sub("", text))[:200],  # "short" stays in the label
            "options": [],
            "required": required,
            "optional": optional,
            "hint": "",
        }
    if not (YES_NO.match(text) or QUESTION.match(text)):
        text = STOP.sub("", text)
    # "app installed yes/no", "wifi connected - yes/no", "bluetooth on yes or no", "(Y/N)"
    yes_no = re.match(
        r"^(.*?)[\s?:–—-]*\(?\b(?:yes\s*(?:/|or)\s*no|y\s*/\s*n)\)?[?.]?$", text, re.I
    )
    if yes_no and yes_no.group(1).strip():
        text, options = yes_no.group(1), ["Yes", "No"]
    text = TRAILING.sub("", LEADING.sub("", text.strip())).strip(" .,:;-")
    headed = HEADED.match(text) is not None
    if options == ["Yes", "No"]:
        text = text.rstrip("?")  # "app installed? (yes/no)"
    if not options and "/" in text and not re.search(r"date/time|and/or", text, re.I):
        pieces = [p.strip() for p in text.split("/") if p.strip()]
        if len(pieces) >= 3 and all(len(p.split()) <= 2 for p in pieces):
            options, text = pieces, ""
    # "what you saw or heard" is one question, not a choice between "what you saw" and "heard"
    # "any injuries or health conditions", "any access or dietary requirements": one question
    # about either, not a choice between them
    any_of = re.match(r"^\s*(?:(?:and|or|also|plus)\s+)?any\s", raw, re.I)
    if (
        not options
        and not headed
        and not any_of
        and re.search(r"\s+or\s+", text)
        and not re.match(r"(?:what|why|how|who)\b", text, re.I)
    ):
        pieces = [p.strip() for p in re.split(r"\s+or\s+", text)]
        if (
            2 <= len(pieces) <= 5
            and all(1 <= len(p.split()) <= 3 for p in pieces)
            and not (_one_value_two_ways(pieces))
        ):
            # "pay annually or monthly" → Annually / Monthly: the verb asks, it is no answer
            options = answers_without_lead_verb(pieces)
            # "half or full day" → Half day / Full day: the last noun belongs to every option
            head = _shared_head(pieces)
            if head:
                options = [
                    o if o.endswith(" " + head) else f"{o} {_number(o, head)}" for o in options
                ]
    low = correct_field_words(text.lower())  # "compnay size" → company size
    low = f"{low} ({unit.lower()})" if unit and low else low
    if not low and options:
        low = (
            "level" if any(re.search(r"beginner|advanced", o, re.I) for o in options) else "choice"
        )
    words = low.split()
    # A question may run longer than a noun ("what they were doing when it crashed").
    # "entrega a domicilio o recogida en tienda": two answers of three words each
    # "what do you want to achieve in the next 6 months", in a list: the whole question
    asked_of_you = question and (YOUR_QUESTION.match(low) or foreign_asked)
    longest = 14 if headed or asked_of_you else 9 if question else 6
    longest = 7 if longest == 6 and len(options) in (2, 3) and " or " in low else longest
    # "address to post it to", "email to send the invoice to": the noun and what it is for
    aimed = NOUN_TO.match(low) is not None
    longest = max(longest, 9) if aimed else longest
    counts = re.match(r"(?:number of|no\.? of|(how many))\b", low)  # a count says who it counts
    longest = max(longest, 14 if counts[1] else 9) if counts else longest  # "… puppy be alone"
    # "average value of the electricity bill per month", "valor médio da conta de luz por mês":
    # a measure over a period names what it measures
    longest = max(longest, 10) if MEASURED.search(low) or SPAN_OF_TIME.search(low) else longest
    # "wie würden Sie den Referenten von 1 bis 5 bewerten": the scale is no chatter
    counted = len(SCALE_RE.sub(" ", low).split()) if rated(low) else len(words)
    if not words or counted > longest or len(low) < 2:
        return None
    # "site postcode", "form type": a short phrase ending in a field noun is a field even
    # when a qualifier looks like chatter.
    # "current IT provider": an acronym written in capitals is no pronoun ("it", "us")
    caps = {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", raw)}
    plain = " ".join(w for w in words if w not in caps)
    noun_ended = len(words) <= 3 and FIELD_NOUN.fullmatch(words[-1]) and not PRONOUN.search(plain)
    # "(any) accessibility needs", "catering requirements", "parking issues": a noun's needs
    noun_ended = noun_ended or bool(NEEDS.fullmatch(low) and not PRONOUN.search(plain))
    # "type of enquiry (sales, support, other)": a short phrase with its options is a choice,
    # whatever words it uses
    choice = len(options) >= 2 and len(words) <= 4
    if DATE_IT.match(low) and not options:
        hint = hint or "date"
    chatter = (
        not DATE_IT.match(low)
        and NOT_A_FIELD.search(plain)
        and not listed
        and not hint.startswith("upload:")
        and not choice
        and not yes_no_asked  # "newsletter (yes/no)": the marketer said it is a question
        and not aimed
    )
    if chatter and not question and not concept_for(low) and not noun_ended and not headed:
        return None
    if listed_answers and not hint and several_apply(low, options):
        hint = "multiselect"  # "services you need (design, SEO, hosting)": tick each
    item = {
        "phrase": low,
        "options": options,
        "required": required,
        "optional": optional,
        "hint": hint,
    }
    if foreign_asked and not options:  # asked as said, with its question mark
        said = re.sub(r"\s+", " ", text).strip(" ?¿")
        item["label"] = (said[:1].upper() + said[1:] + "?")[:200]
    if options == ["Yes", "No"] and (yes_no_asked or yes_no):
        # "on time yes/no", "guided tour (yes/no)": a question, so its label asks ("On time?")
        item["label"] = label_for(low).rstrip(" ?") + "?"
    aspect = scale and aspect_scaled(low, scale)  # "comfort (1-5)": rated by its scale
    return {**item, "scale": scale} if scale and (rated(low) or aspect or question) else item


# Nouns of a value one types ("number", "link", "domain"): "order or invoice number",
# "website or social link", "affected server or domain" name one value the visitor has in
# either form — one text field, not a choice between the two ("collection or delivery",
# "morning or afternoon", "phone or email" stay choices).
TYPED_VALUE = re.compile(
    r"(?:number|no\.?|link|url|domain|server|hostname|website|site|address|reference|ref|id|"
    r"code|handle|username|account|ip|endpoint|page|path|name|serial|tag)$",
    re.I,
)


# One place said two ways ("location or address", "town or postcode"): one text field
PLACE_NOUN = re.compile(
    r"address|location|post ?code|postcode|zip|town|city|area|suburb|place|whereabouts|"
    r"adresse|lieu|ville|direcci[oó]n|ubicaci[oó]n|ciudad|morada|endere[cç]o|localiza[cç][aã]o|"
    r"localidade|cidade|ort|standort|stadt",
    re.I,
)


ONLINE_PLACE = re.compile(
    r"websites?|site|url|links?|instagram|facebook|linkedin|tiktok|twitter|x|youtube|"
    r"social(?: media)?|media|handle|profile|portfolio|etsy|shop",
    re.I,
)


def _one_value_two_ways(pieces: list[str]) -> bool:
    # a piece's head noun stands before what it is of ("link do Instagram", "number of the order")
    ends = [
        re.split(r"\s+(?:of|de|do|da|du|des|del|von|d')\s+", p, flags=re.I)[0].split()[-1]
        for p in pieces
    ]
    if all(PLACE_NOUN.fullmatch(e) for e in ends):  # "address or location", "morada ou localização"
        return True
    if all(ONLINE_PLACE.fullmatch(e) for e in ends):  # "website or instagram": where to find them
        return True
    # "número de pedido o de factura" (glossed "order number or de factura"): the later
    # pieces leave out the head noun they share with the first
    if TYPED_VALUE.fullmatch(ends[0]) and all(
        re.match(r"(?:de|of|du|des|da|do|d')\b", p, re.I) for p in pieces[1:]
    ):
        return True
    return bool(TYPED_VALUE.fullmatch(ends[-1])) and all(
        TYPED_VALUE.fullmatch(e) or len(p.split()) == 1 for p, e in zip(pieces, ends, strict=True)
    )


# "(1-5)", "(0 to 10)", "(1-5 stars)": the scale a rated item is given in brackets
SCALE = re.compile(r"\(\s*(?:from\s+)?\d{1,2}\s*(?:-|–|to)\s*\d{1,3}(?:\s+stars?)?\s*\)", re.I)


def _names_value(phrase: str, loosely: bool = True) -> bool:
    """Whether a phrase names a value to type in ("budget", "first name", a date, an
    upload), so a question mark on it asks for the value, not yes or no; ``loosely``: any
    phrase ending in a field noun too ("dog's breed", "guests"), not said for "on
    medication?", whose verb or preposition makes it a yes/no."""
    words = phrase.split()
    return bool(
        concept_for(phrase)
        or field_type(phrase, [], "") != "text"
        or (loosely and words and FIELD_NOUN.fullmatch(words[-1]))
        or (loosely and NEEDS.fullmatch(phrase))
    )


# A plural noun heading the item: the things asked for are several ("certifications you
# hold", "classes you're interested in", "servicios que necesita", "les sports qui…").
# ... and German plurals only ("Leistungen", "Aktivitäten", "Funktionen", "Zeugnisse")
_PLURAL = re.compile(
    r"[a-zà-ÿ]{3,}(?<![sui]s)(?<!s)s|[a-zäöüß]{2,}(?:ungen|heiten|keiten|täten|ionen|nisse)", re.I
)
_NOT_PLURAL = re.compile(
    r"^(?:news|series|species|status|business|yes|always|perhaps|means|lens|gas|plus|bus|"
    r"its|this|was|has|does|les|des|los|las|sus|mes|tes|ses|vos|nos|leurs|ihres|dias|"
    # "qué móvil usas (iPhone, Android)": a verb said to the visitor, no plural noun
    r"usas|utilizas|tienes|prefieres|necesitas|quieres|tens|preferes|precisas|queres|utilises)$",
    re.I,
)
_ONE_OF = r"none|no preference|n/a|not sure|nothing|ninguno|aucun|keine|nenhum|both|all|all (?:of )?(?:them|the above|three|four)|either|any|neither|ambos|ambas|les deux|tous|beide|alle"
_COUNT_ANSWER = re.compile(r"^[<>~≤≥$£€]?\s?\d[\d,.]*\s*(?:\+|[-–]\s*\d[\d,.]*)?\s*\w{0,8}$")
_ARTICLE_WORD = re.compile(r"^(?:the|their|your|les|los|las|sus|os|as|die|vos|leurs|ihre)$", re.I)
_LINKER = re.compile(
    r"^(?:of|for|de|del|des|du|d'\w*|que|qui|da|do|das|dos|von|der|dem|den|zu|zum|zur|para|pour|"
    r"that|which|you|they|we)$",
    re.I,
)
_PRONOUN_WORD = re.compile(r"\b(?:you|they|we|vous|sie|usted|voc[eê])\b", re.I)
_PARTICIPLE = re.compile(
    r"^(?:\w+ed|held|had|got|owned|wanted|needed|offered|used|chosen|preferred)$", re.I
)


# "which dates can you make", "which days are you free", "an welchen Tagen", "qué días
# puedes venir": the days or dates a person can come, as many as suit them
SLOTS_ASKED = re.compile(
    r"^(?:on |at |an |em |en )?(?:which|what|quels?|quelles?|qu[eé]|cu[aá]les|welche[nm]?|quais)\s+"
    r"(?:\w+\s+)?(?:dates|days|evenings|nights|mornings|afternoons|weekends|sessions|slots|times|"
    r"weeks|jours|soir[eé]es|cr[eé]neaux|semaines|d[ií]as|fechas|tardes|noches|ma[ñn]anas|semanas|"
    r"tage|tagen|termine|terminen|abende|abenden|wochen|datas|noites|manh[ãa]s)\b",
    re.I,
)


def several_apply(phrase: str, options: list) -> bool:
    """True when the answers listed for ``phrase`` are things one may have several of: its
    head noun is a plural (the word before "of" / "de" / "des" / "que", else the last one
    but a participle) and the answers are no counts ("bedrooms (1, 2, 3+)") or yes/no."""
    words = [w for w in phrase.lower().split() if not _ARTICLE_WORD.match(w)]
    if len(options) < 2 or not words or NUMBER_WORDS.search(phrase):
        return False
    if {o.lower() for o in options} <= {"yes", "no", "maybe", "not sure"}:
        return False
    if any(re.fullmatch(_ONE_OF, o.strip(), re.I) for o in options):
        return False  # "(Saturday, Sunday or both)": "both" is one answer of a single choice
    if SLOTS_ASKED.search(phrase):
        return True  # "which dates can you make (…)", "quels jours êtes-vous libre (…)"
    if sum(bool(_COUNT_ANSWER.match(o.strip())) for o in options) * 2 >= len(options):
        return False
    if re.search(r"\binterested in\b|\binterests\b", phrase, re.I):
        return True  # "what are you interested in (analytics, reporting)", "interests (…)"
    if len(words) > 1 and (_LINKER.match(words[1]) or _PRONOUN_WORD.search(" ".join(words[1:]))):
        head = words[0]  # "type of premises", "Art des Zimmers", "days (that) work for you"
    else:  # "main services", "certifications held"
        head = words[-2] if len(words) > 1 and _PARTICIPLE.match(words[-1]) else words[-1]
    return bool(_PLURAL.fullmatch(head)) and not _NOT_PLURAL.match(head)


ARTICLES = re.compile(r"^(?:(?:and|or|also|a|an|the|their|your|one)\s+)+", re.I)
# A piece of writing the visitor is asked for, with its topic: keep the marketer's noun.
WRITTEN = re.compile(
    r"^((?:short|brief|personal|one-page|\d+-word|[\w-]+ )?((?:[\w-]+ )?"
    r"(?:essay|statement|note|letter|story|bio|summary|pitch|poem)))\s+(?:on|about|explaining|describing)\s+.+$",
    re.I,
)


PRONOUN = re.compile(r"\b(?:we|i|us|you|they|them|it|our|my)\b", re.I)


# A noun naming a person or an organisation: "partner", "tenant", "retailer", "freelancer".
_PERSON_HEAD = re.compile(
    r"^(?:users?|owners?|customers?|clients?|buyers?|members?|players?|holders?|managers?|"
    r"professionals?|traders?|sellers?|agents?|parents?|students?|workers?|guests?|helpers?|"
    r"delegates?|candidates?|graduates?|associates?|advocates?|"
    r"volunteers?|carers?|teachers?|assistants?|representatives?|reps?|contacts?|officers?|"
    r"employees?|residents?|visitors?|patients?|attendees?|suppliers?|partners?|makers?|"
    r"businesses|business|companies|company|organi[sz]ations?|firms?)$",
    re.I,
)
_AGENT = re.compile(
    r"^(?:[a-z-]{3,}(?:er|or|ist|ant|ent|ee|ian)s?|partners?|staff|individuals?|charit(?:y|ies)|"
    r"famil(?:y|ies)|schools?|agenc(?:y|ies)|councils?)$",
    re.I,
)
# Modifiers that read as one with a person noun ("new or existing customer" → both customers)
_MODIFIER = re.compile(
    r"^(?:new|existing|current|former|returning|first-time|private|public|business|corporate|"
    r"trade|retail|wholesale|small|large|big|local|international|other|under|over|older|younger|"
    # -er words that are no one: "paper or digital poster" still shares "poster"
    r"paper|water|silver|copper|leather|timber|rubber|summer|winter|lower|upper|inner|outer|"
    r"cheaper|faster|larger|smaller|bigger|longer|shorter|later|earlier)$",
    re.I,
)


def _shared_head(pieces: list[str]) -> str:
    """The noun the last option carries for all ("full day or half day coverage" → coverage),
    only where it reads right: "small or large business" → Small business / Large business,
    but "partner or end user" → Partner / End user (a partner is not a kind of user)."""
    last = pieces[-1].split()
    if (
        len(last) < 2
        or any(len(p.split()) >= len(last) for p in pieces[:-1])
        or IDIOM.match(last[0])
    ):
        return ""  # "online or in person", "at home or on site": the last one is an idiom
    head = last[-1] if all(last[-1] not in p.split() for p in pieces[:-1]) else ""
    head = "" if head and stands_alone(pieces, head, _MODIFIER) else head  # "canapés or … meal"
    if head and (_PERSON_HEAD.match(head) or (_AGENT.match(head) and not _MODIFIER.match(head))):
        firsts = [p.split()[-1] for p in pieces[:-1] if p.split()]
        if any(_AGENT.match(w) and not _MODIFIER.match(w) for w in firsts):
            return ""
    return head


def _number(option: str, head: str) -> str:
    """ "one or two dogs" → One dog / Two dogs: the head agrees with a count of one."""
    if re.fullmatch(r"(?:one|1|a single|single)", option.strip(), re.I) and re.search(
        r"[^s]s$", head
    ):
        return head[:-1]
    return head


def _names_fields(before: str, inner: str = "") -> bool:
    """ "a vacancy they need filled (role title, salary range)": the brackets list fields, not
    options; "services required (photography, video)", "problems you've noticed (leaks,
    moss)", "what you need help with (tax, payroll)": a participle or "with" before answers
    that name no field leaves them answers."""
    words = before.strip().lower().split()
    while words and words[-1] in ("first", "then", "too", "also", "below", "here"):
        words.pop()  # "parent details first (name, email, phone)"
    if not words:
        return False
    if words[-1] in ("filled", "details", "info", "information", "fields"):
        return True
    if words[-1] not in ("including", "with") and (
        not words[-1].endswith("ed") or words[-1].endswith("eed")  # "need", "breed"
    ):
        return False  # "with (name, phone)" lists fields; "help with (tax, payroll)" answers
    pieces = [p.strip().lower() for p in re.split(r"[,/]", inner) if p.strip()]
    return 2 * sum(bool(concept_for(p) or FIELD_NOUN.search(p)) for p in pieces) > len(pieces)


# An email address, not a thing about email ("which email system they use": a text)
EMAIL_ADDRESS = re.compile(
    r"\be-?mail\b(?!\s+(?:system|client|provider|platform|tool|software|marketing|list|template|"
    r"signature|domain|app|campaigns?|newsletters?|volume|usage|frequency|preferences?))",
    re.I,
)


def field_type(phrase: str, options: list, hint: str) -> str:
    if hint in ("text", "textarea", "number") or (hint == "multiselect" and options):
        return hint  # "when was it last tuned": what the visitor remembers, in words
    if YES_NO.match(phrase):
        return "select"
    if options or hint == "select":
        return "select" if options else "text"
    # "what happened to the phone" is a question about a phone, not a phone number.
    question = re.match(r"^(?:what|why|how|describe|tell)\b", phrase)
    if WHEN_HAPPENED.match(phrase) or when_asked(phrase) or hint == "date":
        return "date"
    if question and (LONG_WORDS.search(phrase) or account_asked(phrase)):
        return "textarea"
    # "portfolio size" is how big the portfolio is, not a link to it
    sized = re.search(r"\b(?:size|value|count|number|worth)$", phrase)
    # "photo title", "video caption": typed text; "affected URL or endpoint": a link only
    # when every alternative is one
    not_link = ABOUT_FILE.search(phrase) or not all(
        URL_WORDS.search(p) for p in re.split(r"\s+or\s+", phrase)
    )
    if hint == "url" or URL_WORDS.search(phrase) and not (question or sized or not_link):
        return "url"
    if EMAIL_ADDRESS.search(phrase):
        return "email"
    if PHONE_WORDS.search(phrase) and not question and not THING_OF.search(phrase):
        return "phone"
    if CONTENT.search(phrase) or OPINION.search(phrase):
        return "textarea"
    if re.match(r"(?:how many|number of|no\.? of)\b", phrase):  # "how many a day": a count
        return "number"
    if PRICE_UNIT.search(phrase):
        return "number"
    if DURATION_IN_UNITS.search(phrase):  # "length of set in minutes": a number of minutes
        return "number"
    # "time of day" is morning or evening, not a date
    if DATE_WORDS.search(phrase) and not re.search(
        r"\bhow long|duration\b|time of (?:the )?day\b", phrase
    ):
        return "date"
    if question and HOPES.search(phrase):  # "what do you want to achieve this year": in words
        return "textarea"
    if IDENTIFIER.search(phrase) and not re.match(r"^(?:number of|no\.? of)\b", phrase):
        return "text"
    # "what should we cover next year": a time said in passing, not a year asked for
    counted = re.sub(
        r"\b(?:next|this|last|per|a|each|every) (?:years?|months?|weeks?)\b", "", phrase
    )
    if NUMBER_WORDS.search(counted) or COUNTED.match(counted):
        return "number"
    if LONG_WORDS.search(phrase):
        return "textarea"
    return "text"


def label_for(phrase: str) -> str:
    label = re.sub(r"\s+", " ", phrase).strip()
    # a date: "when it arrived" → "Date it arrived"; "when did it arrive" stays a question
    if WHEN_HAPPENED.match(label) and not when_asked(label):
        return "Date " + label.split(" ", 1)[1]
    if (
        YES_NO.match(label)
        or QUESTION.match(label)
        and not re.match(r"^(?:describe|details?|description|tell us)\b", label)
    ):
        label = label.rstrip("?") + "?"
    label = re.sub(r"^what'?s wrong$", "what's wrong?", label)
    return label[:1].upper() + label[1:]
