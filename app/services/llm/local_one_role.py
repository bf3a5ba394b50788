"""One role, one field: the free-text questions the engine adds on its own.

A kind brings its own free-text question ("Describe the problem", "What do you need a
quote for?", "Why do you want to join us?", "How can we help?") and some domains another
("Reason for your request" on a refund). ``settle_own_texts`` keeps them only where they
belong (issue 20, "never add a required field it did not ask for"):

- a field the description asks that plays that role ("reason for the return", "why you'd
  be a good fit", "what went wrong", "tell us about the job", "comments") replaces them:
  the marketer's wording wins;
- two of its own never stand side by side (a refund: the reason, not also "the problem");
- a default that does not fit the purpose goes: "Why do you want to join us?" on what is
  not an application to join (a recipe, a podcast pitch, a nomination), "Describe the
  problem" (and its Priority) on a registration that reports no problem;
- on a form whose description lists its fields, what the engine adds on its own is
  optional ("Contact form for our shop" still gets its required message), and goes where
  the list already says what is wanted or the question does not fit the form
  (``local_listed_extras``): so do "Steps to reproduce" once the list says what happened,
  the phone an application, a sign-up or a booking adds on its own, and the domain's own
  questions the list did not name (a room type, an address: round 17c);
- "your suggestion", "your idea", anything "in your own words" is the form's free text.

Fields carry ``_domain`` (added by the engine, not named) and ``_named`` (the engine's
field relabelled with the marketer's words) while the draft is built.
"""

from __future__ import annotations

import re

from app.services.llm.local_listed_extras import unasked_domain, unasked_phone, unwanted_on_list

# The kinds' main free-text questions, and other free text the engine adds on its own.
MAIN_TEXTS = ("reason", "description", "requirements", "message", "cover_letter", "details")
OWN_TEXTS = (*MAIN_TEXTS, "notes", "visit_reason", "topic")
ROLE_TYPES = ("text", "textarea", "select", "radio")
# A named field that is the form's free-text question. Descriptions in es/fr/de/pt are read
# in English first; the last line holds the words glossing leaves as they were.
_ROLE_PARTS = (
    # why: "reason for the return", "why you'd be a good fit", "motivation"
    r"reasons?\b|why\b|explain\b|",
    # what went wrong: "what happened", "what's the injury", "what needs fixing", "the issue"
    r"what (?:actually |exactly |really )?(?:happened|went wrong|is wrong|was wrong)\b|"
    r"what (?:is|isn'?t|is not) (?:happening|working)\b|"
    r"what(?:'?s| is) (?:wrong|happening|going on|not working|broken|the (?:problem|issue|matter|"
    r"injury|trouble|concern|complaint|symptoms?|fault))\b|what needs (?:doing|fixing|repairing)\b|"
    r"(?:the |your )?(?:issue|problem|fault|complaint|symptom|injur(?:y|ies))s?$|symptoms?\b|",
    # what they want: "what do you need", "what they want", "how can we help"
    r"what (?:(?:do|would) you (?:need|like|want)|can we (?:do|help|fix))\b|"
    r"what (?:you )?need help with\b|what (?:you|they) (?:need|want)\b|how can we help\b|",
    # what they need help with, said as a challenge: "biggest challenge", "principal reto"
    r"(?:main|biggest|key|top|greatest|current|principal|mayor|maior) (?:challenges?|retos?|"
    r"desaf[íi]os?)\b|(?:retos?|desaf[íi]os?|d[ée]fis?|sfida) principal(?:es|e)?\b|"
    r"pain points?\b|(?:gr[öo](?:ß|ss)te )?herausforderung(?:en)?\b|",
    # said in their words: "comments", "message", "notes", "tell us about the job"
    r"describe\b|description\b|details\b|tell us\b|(?:any )?comments?\b|(?:any )?notes?$|"
    r"anything else\b|(?:your |a |any )?(?:message|question|questions|enquiry|inquiry|request)$|"
    r"(?:message|notes?|comments?|details|questions?) (?:about|on|for|regarding)\b|",
    # the request's own details (not "bank details"): "project details", "order summary"
    r"(?:(?:project|job|work|order|request|issue|problem|fault|incident|enquiry|inquiry|"
    r"additional|further|more|other|extra) )?(?:details|brief|description|summary)$|",
    # the thing lost, damaged or reported, described: "item description", "damage description"
    r"(?:lost )?(?:item|items|product|object|property|damage|vehicle) description$|",
    r"d[ée]cri|motif|raison|pourquoi|commentaires?$|motivo|por ?qu[ée]|descri[bv]|descreva|"
    r"coment[aá]rios?$|warum|grund\b|beschreib|was ist passiert|nachricht$|kommentare?$|"
    r"beschwerden$|dolencias?$|douleurs?$|queixas?$|"
    r"mensaje$|mensagem$|(?:\w+ )?(?:preguntas?|fragen?|perguntas?)$|",
    # what it is about, in any of the five languages: "what's it about", "query", "Ihr
    # Anliegen", "objet de votre demande", "asunto", "su consulta", "o seu pedido"
    r"what(?:'?s| is) (?:it|this|your \w+) (?:about|regarding|concerning)\b|"
    r"(?:your |a |the )?(?:query|queries)$|"
    r"(?:(?:ihr|ihre|votre|vos|la|le|su|sus|tu|o seu|a sua|seu|sua|o|a) )?"
    r"(?:anliegen|betreff|objet|sujet|demande|asunto|consulta|solicitud|assunto|pedido|d[úu]vidas?)\b|"
    r"(?:ihr|ihre|votre|su|tu|o seu|a sua|seu|sua) (?:request|message|enquiry|question|concern)$|"
    r"(?:(?:ihre|your|votre|su|sua|a sua) )?(?:message|nachricht|mensaje|mensagem) "
    r"(?:an|to|for|para|pour|à|a) (?:uns|us|nosotros|nous|nós)$|"
    # the symptom named: "error message", "fault code shown", "mensaje de error", "Fehlermeldung"
    r"(?:the |any )?(?:error|fault|warning)s? (?:messages?|codes?|text)\b|"
    r"(?:messages?|mensaje|mensagem|c[óo]digo|code|texte?) (?:de l'|de |d'|do |der )?"
    r"(?:error|erreur|erro|fehler|falla|panne|aver[íi]a)s?\b|fehler(?:meldung|code)\w*",
)
# "briefly describe your situation", "please explain": the adverb asks the same question
ROLE = re.compile(
    "^(?:(?:briefly|shortly|please|kindly)\\s+)?(?:" + "".join(_ROLE_PARTS) + ")", re.I
)
# What an application to join is for: a job, a team, a place on a programme.
JOINING = re.compile(
    r"\b(?:jobs?|careers?|hiring|vacanc\w+|positions?|roles?|join\w*|team|staff|crew|"
    r"volunteer\w*|intern\w*|apprentice\w*|members?(?:hip)?|recruit\w*|cvs?|resumes?|candidates?|"
    r"employment|work (?:for|with) us|scholarships?|bursar(?:y|ies)|fellowships?|studentships?|"
    r"residenc(?:y|ies)|mentor\w*|programmes?|programs?|cohort|academy|accelerator|incubator|"
    r"club|choir|orchestra|squad|league|freelanc\w*|contractors?|network of|roster|pool of)\b",
    re.I,
)
NOT_JOINING = re.compile(r"\bnominat\w+|\bnominees?\b", re.I)
_ISSUE_WORDS = (
    r"problems?|issues?|faults?|faulty|broken|defect\w*|damage\w*|missing|wrong|not working|"
    r"complain\w*|bugs?|errors?"
)
# A problem the form reports: its description is the main question even when a refund or
# a cancellation is what the visitor wants.
ISSUE = re.compile(rf"\b(?:{_ISSUE_WORDS})\b", re.I)
# A registration that reports a problem or asks for help keeps "Describe the problem".
REGISTRATION = re.compile(r"\bregist(?:er|ration|ering)\b|\bactivat\w+", re.I)
PROBLEM = re.compile(
    rf"\b(?:{_ISSUE_WORDS}|break|claims?|repairs?|stopped|fail\w*|support|help|return\w*|"
    r"refund\w*)\b",
    re.I,
)
NEUTRAL_LABEL = "Tell us more"
# "steps to reproduce" asked for (a wizard's "steps" cue may have taken the list item)
REPRODUCE = re.compile(r"\breprodu\w*|\brepro\b", re.I)
# What is wrong, in the visitor's own sentences (not a code or a message copied out)
DESCRIBED = re.compile(
    r"^(?:(?:the |your |any )?symptoms?|what(?:'?s| is) (?:happening|going on|wrong)|"
    r"what (?:happened|went wrong)|s[íi]ntomas?|sympt[ôo]mes?|symptome?|"
    # the complaint a patient brings: "Beschwerden", "dolencias", "douleurs", "queixas"
    r"(?:ihre |vos |sus |as suas )?(?:beschwerden|dolencias?|douleurs?|queixas?))\??$",
    re.I,
)


# The visitor's concern, request or question, named by the marketer in any language (not a
# subject line: "Betreff", "objet", "asunto" are one line)
CONCERN = re.compile(
    r"^(?:(?:your|ihr|ihre|votre|vos|su|sus|tu|o seu|a sua|seu|sua|uw|la sua|il suo) )?"
    r"(?:anliegen|anfrage|frage|demande|question|consulta|solicitud|pregunta|pedido|pergunta|"
    r"d[úu]vidas?|request|enquiry|inquiry|query|concern|vraag|richiesta|domanda)\??$",
    re.I,
)


# Free text by what it is: a suggestion, an idea, anything "in your own words"
OWN_WORDS = re.compile(
    r"^(?:(?:your|their|a|an|any|the|tu|su|sus|a sua|sua|o seu|votre|vos|ihre?|deine?) )?"
    r"(?:suggestions?|ideas?|sugerencias?|sugest(?:[ãa]o|[õo]es)|vorschl[äa]ge?|id[ée]es?|"
    r"ideias?|ideen)\b|\bin (?:your|their|his|her|a few|few) (?:own )?words\b|"
    r"\b(?:en|em|in) (?:pocas|poucas|quelques|wenigen|tus|sus|suas|vos|deinen|ihren) "
    r"(?:propias |pr[óo]prias )?(?:palabras|palavras|mots|worten)\b",
    re.I,
)


def plays_main_role(field: dict) -> bool:
    """A named field asking what the form's own free-text question asks."""
    label = field["label"].strip().rstrip("?").rstrip()  # "Any questions?" asks it too
    # "questions or comments", "Fragen oder Anmerkungen": one text, either word asks it
    either = re.split(r"\s+(?:or|o|ou|oder)\s+", label) if field["type"] == "textarea" else []
    return field["type"] in ROLE_TYPES and (
        ROLE.search(label) is not None
        or any(ROLE.search(p) for p in either[1:])
        or (field["type"] in ("text", "textarea") and OWN_WORDS.search(label) is not None)
    )


def settle_own_texts(fields: list, text: str, listed: bool, kind: dict | None = None) -> None:
    """Apply the rules above to ``fields`` in place (``listed``: the description names its
    fields; ``kind``: the form kind, for what its stock question is there for)."""
    flow = kind["flow"] if kind else ""
    if _registration(text):  # nothing to triage: no priority either
        _drop(fields, [f for f in fields if f["name"] == "priority" and f.get("_domain")])
    for f in fields:  # "symptoms", "what's happening", "Ihr Anliegen": told in sentences
        said = f["label"].strip()
        if (
            not f.get("_domain")
            and f["type"] == "text"
            and (DESCRIBED.search(said) or CONCERN.match(said))
        ):
            f.update(type="textarea", max_length=None)
    named = [f for f in fields if not f.get("_domain") or f.get("_named")]
    playing = [f for f in named if plays_main_role(f)]
    if listed:  # a listed bug report that says what happened; a sign-up's phone nobody asked
        _drop(fields, [f for f in fields if unasked_phone(f, fields, flow)])
        # the domain's own questions (a room type, an address, "New or existing patient"):
        # the list says what the form asks; its free-text questions are settled below
        _drop(fields, [f for f in fields if unasked_domain(f, fields, text)])
        # (the list reader may miss "steps to …"; "can you reproduce it" asks it already)
        asked = any(REPRODUCE.search(f["label"]) for f in named)
        if playing and (asked or not REPRODUCE.search(text)):
            _drop(fields, [f for f in fields if f["name"] == "steps" and f.get("_domain")])
    own = [f for f in fields if f.get("_domain") and not f.get("_named") and f["name"] in OWN_TEXTS]
    if not own:
        return
    if playing:
        _drop(fields, own)  # the marketer asks it in their words
        if (
            len(playing) == 1
            and playing[0]["type"] == "text"
            and any(f["name"] in MAIN_TEXTS for f in own)
        ):  # and it is the form's long answer now
            playing[0].update(type="textarea", max_length=None)
        return
    rank = list(MAIN_TEXTS)
    if ISSUE.search(text):  # a problem: described first, the reason for the request last
        rank.append(rank.pop(0))
    main = sorted((f for f in own if f["name"] in rank), key=lambda f: rank.index(f["name"]))
    if len(main) > 1:  # one main question: the reason for a cancellation, else the problem
        main[0]["required"] = any(f["required"] for f in main)
        _drop(fields, main[1:])
    for f in [f for f in own if any(f is g for g in fields)]:
        if f["name"] == "cover_letter" and (NOT_JOINING.search(text) or not JOINING.search(text)):
            if listed:
                _drop(fields, [f])
            else:
                f.update(label=NEUTRAL_LABEL, required=False)
        elif f["name"] == "description" and _registration(text):
            _drop(fields, [f])
        elif listed and unwanted_on_list(f, fields, text, kind):
            _drop(fields, [f])  # the list already says it, or it does not fit the form
        elif listed:
            f["required"] = False


def _registration(text: str) -> bool:
    """A registration that reports no problem (a product, a warranty)."""
    return REGISTRATION.search(text) is not None and PROBLEM.search(text) is None


def _drop(fields: list, doomed: list) -> None:
    fields[:] = [f for f in fields if not any(f is d for d in doomed)]
