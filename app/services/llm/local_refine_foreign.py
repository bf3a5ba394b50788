"""Refinements written in Spanish, French, German or Portuguese (local engine, round 13a).

"rends le téléphone obligatoire", "elimina el campo presupuesto", "füge ein Telefonfeld
hinzu", "torne o email opcional": the common operations (add, remove, rename, make
required / optional, move to the top or the end) are read from each language's verbs
and said again in English for ``local_refine``'s handlers; the field is named through
the description glossary (téléphone → phone, Firma → company), or by the marketer's own
words when the glossary does not know them (a label of the form matches them as written).
A field added to a form written in the instruction's language is labelled in it.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm import local_refine_foreign_around as around
from app.services.llm import local_refine_it_nl as it_nl
from app.services.llm.local_bracket_types import bracket_type
from app.services.llm.local_consent import YES_NO
from app.services.llm.local_dutch_italian import dutch_or_italian, gloss
from app.services.llm.local_dutch_italian_words import WORDS as IT_NL_WORDS
from app.services.llm.local_fields import _field_name, strip_quotes
from app.services.llm.local_foreign import _gloss_piece, fold, source_language
from app.services.llm.local_foreign_words import TABLES

_REQ = {
    "es": r"obligatori[oa]s?|requerid[oa]s?|opcional(?:es)?|no obligatori[oa]s?",
    "fr": r"obligatoires?|requis|facultati(?:f|ve)s?|optionnel(?:le)?s?|non obligatoires?",
    "de": r"optional(?:e|es|en)?|freiwillig(?:e|es|en)?|verpflichtend(?:e|es|en)?|erforderlich|"
    r"obligatorisch|(?:zu(?:m|r)\s+)?pflicht(?:feld|angabe)?",
    "pt": r"obrigat[oó]ri[oa]s?|opcion(?:al|ais)|facultativ[oa]s?|n[aã]o obrigat[oó]ri[oa]s?",
}
# where a field goes, or is added: "move X to the top" and "add X at the end" alike
_TOP = {
    "es": r"al principio|al inicio|al comienzo|arriba del todo|arriba|primero|lo primero|"
    r"en primer lugar|de primer[oa]|en primera posici[óo]n",
    "fr": r"en premier|tout en haut|en haut|au d[ée]but|au tout d[ée]but|tout au d[ée]but|en t[êe]te|"
    r"en premi[èe]re position",
    "de": r"ganz nach oben|nach oben|an den anfang|an die erste stelle|zuerst|ganz oben|"
    r"(?:ganz\s+)?am anfang|als erste[srn]?|an erster stelle",
    "pt": r"para o topo|no topo|ao topo|para cima|em primeiro(?: lugar)?|primeiro|no in[ií]cio|"
    r"para o in[ií]cio|no come[çc]o|na primeira posi[çc][ãa]o",
}
_END = {
    "es": r"al final(?: del formulario)?|abajo del todo|abajo|de [uú]ltim[oa]|en [uú]ltimo lugar|"
    r"lo [uú]ltimo|al fondo|en [uú]ltima posici[óo]n",
    "fr": r"en dernier|tout en bas|en bas|(?:tout\s+)?[àa] la (?:toute\s+)?fin(?: du formulaire)?|"
    r"en derni[èe]re position",
    "de": r"ganz nach unten|nach unten|ans ende|an das ende|zuletzt|(?:ganz\s+)?am ende|"
    r"ganz unten|als letzte[srn]?|an letzter stelle|am schluss|zum schluss",
    "pt": r"para o fim|no fim|no final|para o final|para baixo|em [uú]ltimo(?: lugar)?|por [uú]ltimo|"
    r"ao final|ao fim|na [uú]ltima posi[çc][ãa]o",
}


# Where a field goes, in each language ("… après le code postal", "… después del teléfono");
# local_refine_more's move rules read the same words
AFTER_WORDS = {
    "es": r"despu[eé]s\s+de(?:l|\s+la|\s+los|\s+las)?|debajo\s+de(?:l|\s+la)?|detr[aá]s\s+de(?:l|\s+la)?",
    "fr": r"apr[eè]s(?:\s+l[ea]|\s+les|\s+l')?|sous(?:\s+l[ea]|\s+l')?|en dessous d[eu](?:\s+la)?",
    "de": r"nach(?:\s+(?:der|dem|den|die|das))?|hinter(?:\s+(?:der|dem|den|die|das))?|unter(?:\s+(?:der|dem|den|die|das))?",
    "pt": r"depois\s+d[oae]s?|ap[oó]s(?:\s+[oa]s?)?|abaixo\s+d[oae]|a\s+seguir\s+(?:a[oa]?s?|à)",
}
BEFORE_WORDS = {
    "es": r"antes\s+de(?:l|\s+la|\s+los|\s+las)?|encima\s+de(?:l|\s+la)?|delante\s+de(?:l|\s+la)?",
    "fr": r"avant(?:\s+l[ea]|\s+les|\s+l')?|au-dessus d[eu](?:\s+la)?",
    "de": r"vor(?:\s+(?:der|dem|den|die|das))?|über(?:\s+(?:der|dem|den|die|das))?",
    "pt": r"antes\s+d[oae]s?|acima\s+d[oae]",
}


# What a field becomes, in each language's words, said again in English: "desplegable",
# "liste déroulante", "Auswahlliste", "lista suspensa" are a dropdown.
_KINDS = [
    (
        "yes/no question",
        r"pregunta (?:de )?s[ií]\s*(?:/|o)\s*no|question (?:par )?oui\s*(?:/|ou)\s*non|"
        r"ja\s*(?:/|oder|-)\s*nein[- ]?frage|pergunta (?:de )?sim\s*(?:/|ou)\s*n[ãa]o|"
        r"s[ií]\s*/\s*no|oui\s*/\s*non|ja\s*/\s*nein|sim\s*/\s*n[ãa]o",
    ),
    (
        "multiple choice",
        r"selecci[óo]n m[úu]ltiple|casillas(?: de verificaci[óo]n)?|varias opciones|"
        r"cases? [àa] cocher|choix multiples?|mehrfachauswahl|checkboxen|kontrollk[äa]stchen|"
        r"caixas de sele[çc][ãa]o|escolha m[úu]ltipla|v[áa]rias op[çc][õo]es|mehrere (?:antworten|optionen)|"
        r"varias(?: respuestas)?|m[aá]s de una(?: opci[oó]n| respuesta)?|plusieurs(?: options| r[ée]ponses)?|"
        r"v[áa]rias(?: respostas)?|mais de uma(?: op[çc][ãa]o| resposta)?",
    ),
    (
        "dropdown",
        r"(?:lista )?desplegable|men[úu] desplegable|lista de opciones|liste d[ée]roulante|"
        r"menu d[ée]roulant|auswahlliste|auswahlfeld|dropdown(?:-men[üu])?|lista suspensa|"
        r"menu suspenso|lista pendente|lista de op[çc][õo]es|lista|liste|list",
    ),
    (
        "long text field",
        r"texto largo|[áa]rea de texto|p[áa]rrafo|zone de texte|texte long|paragraphe|"
        r"textbereich|freitext(?:feld)?|mehrzeilige[ns]? textfeld|texto longo|par[áa]grafo",
    ),
    ("text field", r"campo de texto|texto corto|champ (?:de )?texte|textfeld|texto curto"),
    (
        "date field",
        r"campo de fecha|fecha|champ (?:de )?date|date|datumsfeld|datum|campo de data|data",
    ),
    (
        "phone field",
        r"telefonnummer|telefonfeld|handynummer|n[úu]mero de tel[ée]fono|campo de tel[ée]fono|"
        r"num[ée]ro de t[ée]l[ée]phone|champ t[ée]l[ée]phone|n[úu]mero de telefone|campo de telefone",
    ),
    ("number field", r"campo num[ée]rico|n[úu]mero|champ num[ée]rique|nombre|zahlenfeld|zahl"),
]
_REQ.update(it_nl.REQ)
_TOP.update(it_nl.TOP)
_END.update(it_nl.END)
AFTER_WORDS.update(it_nl.AFTER)
BEFORE_WORDS.update(it_nl.BEFORE)
_KINDS = [(kind, f"{pattern}|{it_nl.KINDS[kind]}") for kind, pattern in _KINDS]
KIND_WORDS = "|".join(pattern for _, pattern in _KINDS)
_ALSO = r"aussi|[ée]galement|encore|tambi[ée]n|adem[áa]s|auch|noch|zus[äa]tzlich|tamb[ée]m|ainda|anche|pure|ook|nog"
_RIGHT = r"(?:juste|justo|logo|subito|direkt|gleich|direct|meteen|imm[ée]diatement|inmediatamente|imediatamente|immediatamente)"
# "planta de arriba" is a field's name: a place only when no "de" ties it to the word before
_NOT_OF = r"(?<!\bde)(?<!\bdo)(?<!\bda)(?<!\bdi)(?<!\bdu)(?<!\bvon)(?<!\bvan)"
_CHOICES = "|".join(pattern for kind, pattern in _KINDS if kind in ("dropdown", "multiple choice"))
_PLACES = "|".join(f"{_TOP[lang]}|{_END[lang]}" for lang in _TOP)
# what German and Dutch say after "hinzu" / "toe": a place or a flag
_EXTRAS = "|".join(f"{_TOP[lang]}|{_END[lang]}|{_REQ[lang]}" for lang in ("de", "nl"))


# a yes/no said after the question: "(oui/non)", "(sí o no)", "- ja/nein"
_YES_NO_AFTER = re.compile(
    r"\s*[-(]?\s*(?:oui|s[íi]|ja|sim|yes)\s*(?:/|ou|o|oder|ou|of|or)\s*(?:non|no|nein|n[ãa]o|nee)\s*\)?\s*$",
    re.I,
)


def misread_label(label: str) -> bool:
    """Whether a new field's label holds an instruction's words in one of these languages."""
    return around.misread(label, _PLACES, _NOT_OF)


def english_kind(words: str) -> str | None:
    for kind, pattern in _KINDS:
        if re.fullmatch(pattern, words.strip(), re.I):
            return kind
    return None


def _p(pattern: str) -> re.Pattern:
    return re.compile(rf"^{pattern}\s*[.!]?$", re.I)


# (operation, pattern) per language, tried in order: "mets X en premier" moves, "mets un
# champ X" adds.
PATTERNS = {
    "es": [
        ("note", _p(r"(?:añade|añada|agrega|agregue|pon|ponga|incluye|incluya)\s+(?:una\s+)?(?:nota|aclaraci[oó]n|texto de ayuda)(?:\s+(?:en|a|al|bajo|debajo de|para)\s+(?:el\s+|la\s+|del\s+)?(?P<target>[^:]+?))?\s*:\s*(?P<text>.+)")),
        ("kind", _p(rf"(?:convierte|convierta|convertir|cambia|cambie|transforma|transforme|haz|haga)\s+(?P<target>.+?)\s+(?:en|a)\s+(?:un|una)\s+(?P<kind>{KIND_WORDS})(?P<opts>\s*:\s*.+)?")),
        ("kind", _p(rf"(?P<target>[^:]+?)\s+como\s+(?:(?:un|una)\s+)?(?P<kind>{KIND_WORDS})(?P<opts>\s*:\s*.+)?")),
        ("required", _p(rf"(?:haz|haga|hacer|pon|ponga|poner|marca|marque|deja|deje)\s+(?P<flag>{_REQ['es']})\s+(?P<target>.+)")),
        ("required", _p(rf"(?:haz|haga|hacer|pon|ponga|poner|marca|marque|deja|deje)\s+(?:que\s+)?(?P<target>.+?)\s+(?:sea\s+|como\s+)?(?P<flag>{_REQ['es']})")),
        ("required", _p(rf"(?P<target>.+?)\s+(?:debe ser|deber[ií]a ser|tiene que ser|es|ser[aá])\s+(?P<flag>{_REQ['es']})")),
        ("kind", _p(r"(?:haz|haga)\s+que\s+(?P<target>.+?)\s+(?:permita|deje|acepte)\s+(?:elegir|marcar|seleccionar|escoger)\s+(?P<kind>varias(?:\s+opciones|\s+respuestas)?|m[aá]s de una(?:\s+opci[oó]n|\s+respuesta)?)(?P<opts>)")),
        ("kind", _p(r"(?:que\s+)?(?P<target>.+?)\s+(?:permita|deje|acepte)\s+(?:elegir|marcar|seleccionar|escoger)\s+(?P<kind>varias(?:\s+opciones|\s+respuestas)?|m[aá]s de una(?:\s+opci[oó]n|\s+respuesta)?)(?P<opts>)")),
        ("move", _p(rf"(?:mueve|mueva|mover|pon|ponga|poner|coloca|coloque|sube|suba|baja|baje)\s+(?P<target>.+?)\s+(?P<where>{_TOP['es']}|{_END['es']})")),
        ("rename", _p(r"(?:renombra|renombre|renombrar|cambia el nombre (?:de|del)|cambie el nombre (?:de|del)|cambia la etiqueta (?:de|del)|cambie la etiqueta (?:de|del))\s+(?P<target>.+?)\s+(?:a|por|como)\s+(?P<new>.+)")),
        ("remove", _p(r"(?:elimina|elimine|eliminar|quita|quite|quitar|borra|borre|borrar|suprime|suprima)\s+(?P<target>.+)")),
        ("add", _p(r"(?:añade|añada|añadir|agrega|agregue|agregar|incluye|incluya|incluir|pon|ponga)\s+(?P<spec>.+)")),
        # a flag said with no verb: "Allergien optional", "Abteilung als Pflichtfeld"
        ("required", _p(rf"(?P<target>[^:]+?)\s*:?\s+(?:como\s+)?(?P<flag>{_REQ['es']})")),
    ],
    "fr": [
        ("note", _p(r"(?:ajoute|ajoutez|mets|mettez|rajoute)\s+(?:une\s+)?(?:note|remarque|mention|texte d'aide)(?:\s+(?:sous|à|au|sur|pour|dans)\s+(?:le\s+|la\s+|l')?(?P<target>[^:]+?))?\s*:\s*(?P<text>.+)")),
        ("kind", _p(rf"(?:transforme|transformez|transformer|change|changez|convertis|convertissez|fais|faites|passe|passez)\s+(?P<target>.+?)\s+en\s+(?:une?\s+)?(?P<kind>{KIND_WORDS})(?P<opts>\s*:\s*.+)?")),
        ("kind", _p(rf"(?P<target>[^:]+?)\s+en\s+(?:une?\s+)?(?P<kind>{KIND_WORDS})(?P<opts>\s*:\s*.+)?")),
        ("required", _p(rf"(?:rends|rendez|rendre|mets|mettez|mettre|passe|passez|marque|marquez)\s+(?P<target>.+?)\s+(?:en\s+)?(?P<flag>{_REQ['fr']})")),
        ("required", _p(rf"(?P<target>.+?)\s+(?:doit être|doivent être|devrait être|est|sera)\s+(?P<flag>{_REQ['fr']})")),
        ("kind", _p(r"(?:(?:fais|faites)\s+en\s+sorte\s+que\s+)?(?P<target>.+?)\s+(?:permette|accepte)\s+de\s+(?:choisir|cocher|sélectionner)\s+(?P<kind>plusieurs(?:\s+options|\s+réponses)?)(?P<opts>)")),
        ("move", _p(rf"(?:mets|mettez|mettre|placez|déplace|déplacez|déplacer|remonte|remontez|passe|passez|descends|descendez)\s+(?P<target>.+?)\s+(?P<where>{_TOP['fr']}|{_END['fr']})")),
        ("rename", _p(r"(?:renomme|renommez|renommer|(?:change|changez|modifie|modifiez)\s+(?:le libellé|l'intitulé|le nom|le titre)\s+(?:de|du|de la|des)|(?:change|changez|modifie|modifiez)\s+(?:le libellé|l'intitulé|le nom|le titre)\s+d')\s*(?P<target>.+?)\s+(?:en|par|pour)\s+(?P<new>.+)")),
        ("remove", _p(r"(?:supprime|supprimez|supprimer|enlève|enlevez|enlever|retire|retirez|retirer|efface|effacez|ôte|ôtez)\s+(?P<target>.+)")),
        ("add", _p(r"(?:ajoute|ajoutez|ajouter|rajoute|rajoutez|incluez|(?:mets|mettez)(?=\s+(?:un|une)\b))\s+(?P<spec>.+)")),
        # a flag said with no verb: "Allergien optional", "Abteilung als Pflichtfeld"
        ("required", _p(rf"(?P<target>[^:]+?)\s*:?\s+(?:en\s+)?(?P<flag>{_REQ['fr']})")),
    ],
    "de": [
        ("note", _p(r"(?:füge|fügen sie|ergänze|ergänzen sie)\s+(?:einen\s+|eine\s+)?(?:hinweis|notiz|hilfetext|anmerkung)(?:\s+(?:zu|zum|zur|bei|unter)\s+(?:dem\s+|der\s+|den\s+)?(?P<target>[^:]+?))?(?:\s+hinzu)?\s*:\s*(?P<text>.+)")),
        ("kind", _p(rf"(?:mach|mache|machen sie|ändere|ändern sie|wandle|wandeln sie)\s+(?P<target>.+?)\s+(?:zu|in)\s+(?:einem|einer|ein|eine|einen)\s+(?P<kind>{KIND_WORDS})(?:\s+um)?(?P<opts>\s*:\s*.+)?")),
        # "Handy ist eine Telefonnummer", "Ernährung: mehrere Antworten erlauben"
        ("kind", _p(rf"(?P<target>[^:]+?)\s+(?:ist|soll|sollte|wird)\s+(?:ein|eine|einen)\s+(?P<kind>{KIND_WORDS})(?:\s+sein)?(?P<opts>)")),
        ("kind", _p(rf"(?P<target>[^:]+?)\s+als\s+(?:(?:ein|eine|einen)\s+)?(?P<kind>{KIND_WORDS})(?P<opts>\s*:\s*.+)?")),
        ("kind", _p(r"(?:bei\s+)?(?P<target>[^:]+?)\s*:?\s+(?P<kind>mehrere (?:antworten|optionen))\s+(?:erlauben|zulassen|erm[öo]glichen)(?P<opts>)")),
        ("required", _p(rf"(?:mach|mache|machen sie|setze|setzen sie|stelle|stellen sie)\s+(?P<target>.+?)\s+(?:auf\s+)?(?P<flag>{_REQ['de']})")),
        ("required", _p(rf"(?P<target>.+?)\s+(?:soll|sollte|muss|ist)\s+(?P<flag>{_REQ['de']})(?:\s+sein)?")),
        # "Firma optional machen", "Telefon zum Pflichtfeld machen", "E-Mail als Pflichtfeld markieren"
        ("required", _p(rf"(?P<target>.+?)\s+(?:als\s+|auf\s+)?(?P<flag>{_REQ['de']})\s+(?:machen|setzen|stellen|markieren)")),
        ("move", _p(rf"(?:verschiebe|verschieben sie|setze|setzen sie|stelle|stellen sie|schiebe|schieben sie|bewege)\s+(?P<target>.+?)\s+(?P<where>{_TOP['de']}|{_END['de']})")),
        ("rename", _p(r"(?:benenne|benennen sie)\s+(?P<target>.+?)\s+(?:in|zu)\s+(?P<new>.+?)\s+um")),
        ("rename", _p(r"(?:ändere|ändern sie)\s+(?:die bezeichnung|das label|den namen|die beschriftung)\s+(?:von|des|der|vom)\s+(?P<target>.+?)\s+(?:in|zu|auf)\s+(?P<new>.+)")),
        ("rename", _p(r"(?P<target>.+?)\s+(?:in|zu)\s+(?P<new>.+?)\s+umbenennen")),
        ("remove", _p(r"(?:entferne|entfernen sie|lösche|löschen sie|streiche|streichen sie|nimm|nehmen sie)\s+(?P<target>.+?)(?:\s+(?:raus|heraus|weg))?")),
        ("remove", _p(r"(?P<target>.+?)\s+(?:entfernen|löschen|streichen)")),
        ("add", _p(r"(?:füge|fügen sie)\s+(?P<spec>.+?)\s+(?:hinzu|ein)(?P<tail>\s*:\s*.+)?")),
        ("add", _p(r"(?:ergänze|ergänzen sie)\s+(?P<spec>.+)")),
        ("add", _p(r"(?P<spec>.+?)\s+(?:hinzufügen|ergänzen)")),
        # a place said with no verb: "Hochzeitsdatum nach oben", "Nachricht ans Ende"
        ("move", _p(rf"(?P<target>[^:]+?)\s+(?P<where>{_TOP['de']}|{_END['de']})(?:\s+(?:verschieben|setzen|stellen|schieben|bewegen))?")),
        # a flag said with no verb: "Allergien optional", "Abteilung als Pflichtfeld"
        ("required", _p(rf"(?P<target>[^:]+?)\s*:?\s+(?:als\s+|zum\s+|zur\s+)?(?P<flag>{_REQ['de']})")),
    ],
    "pt": [
        ("note", _p(r"(?:adicione|adiciona|acrescente|inclua|ponha)\s+(?:uma\s+)?(?:nota|observa[cç][aã]o|texto de ajuda)(?:\s+(?:em|no|na|ao|à|sob|abaixo d[oae])\s+(?:o\s+|a\s+)?(?P<target>[^:]+?))?\s*:\s*(?P<text>.+)")),
        ("kind", _p(rf"(?:transforme|transforma|transformar|mude|muda|altere|altera|converta|converte)\s+(?P<target>.+?)\s+(?:em|para)\s+(?:um|uma)\s+(?P<kind>{KIND_WORDS})(?P<opts>\s*:\s*.+)?")),
        ("kind", _p(rf"(?P<target>[^:]+?)\s+como\s+(?:(?:um|uma)\s+)?(?P<kind>{KIND_WORDS})(?P<opts>\s*:\s*.+)?")),
        ("required", _p(rf"(?:torne|torna|tornar|deixe|deixa|deixar|coloque|coloca|ponha|marque|marca)\s+(?P<flag>{_REQ['pt']})\s+(?P<target>.+)")),
        ("required", _p(rf"(?:torne|torna|tornar|deixe|deixa|deixar|coloque|coloca|ponha|marque|marca)\s+(?P<target>.+?)\s+(?:como\s+)?(?P<flag>{_REQ['pt']})")),
        ("required", _p(rf"(?P<target>.+?)\s+(?:deve ser|deveria ser|tem de ser|tem que ser|é|será)\s+(?P<flag>{_REQ['pt']})")),
        ("kind", _p(r"(?:fa[çc]a\s+(?:com\s+)?que\s+)?(?P<target>.+?)\s+(?:permita|aceite)\s+(?:escolher|marcar|selecionar)\s+(?P<kind>v[áa]rias(?:\s+op[çc][õo]es|\s+respostas)?|mais de uma(?:\s+op[çc][ãa]o|\s+resposta)?)(?P<opts>)")),
        ("move", _p(rf"(?:mova|mover|coloque|coloca|ponha|põe|passe|passa|suba|sobe|desça)\s+(?P<target>.+?)\s+(?P<where>{_TOP['pt']}|{_END['pt']})")),
        ("rename", _p(r"(?:renomeie|renomeia|renomear|(?:mude|muda|altere|altera)\s+o\s+(?:nome|r[oó]tulo|t[ií]tulo)\s+(?:de|do|da))\s+(?P<target>.+?)\s+(?:para|por)\s+(?P<new>.+)")),
        ("remove", _p(r"(?:remova|remover|elimine|elimina|eliminar|apague|apaga|apagar|retire|retira|tire|tira|exclua|exclui|excluir)\s+(?P<target>.+)")),
        ("add", _p(r"(?:adicione|adiciona|adicionar|acrescente|acrescenta|acrescentar|inclua|incluir)\s+(?P<spec>.+)")),
        # a flag said with no verb: "Allergien optional", "Abteilung als Pflichtfeld"
        ("required", _p(rf"(?P<target>[^:]+?)\s*:?\s+(?:como\s+)?(?P<flag>{_REQ['pt']})")),
    ],
}  # fmt: skip
PATTERNS.update(
    {
        lang: [(op, _p(pattern)) for op, pattern in rules]
        for lang, rules in it_nl.patterns(KIND_WORDS).items()
    }
)
# "o orçamento deve ser uma lista: a, b, c": after the verbs, before a flag said alone
for _lang, _rules in around.patterns(KIND_WORDS, {k: f"{_TOP[k]}|{_END[k]}" for k in _TOP}).items():
    PATTERNS[_lang][-1:-1] = [(op, _p(pattern)) for op, pattern in _rules]

_ARTICLES = {
    "es": r"el|la|los|las|un|una|unos|unas|del|al",
    "fr": r"le|la|les|un|une|du|de la|des",
    "de": r"der|die|das|den|dem|des|ein|eine|einen|einem|ein neues|eine neue|ein weiteres",
    "pt": r"o|a|os|as|um|uma|do|da|no|na",
}
# "le champ budget", "el campo de presupuesto", "das Feld Budget", "o campo de telefone"
_FIELD_WORD = {
    "es": r"campo|pregunta|casilla",
    "fr": r"champ|question|case",
    "de": r"feld|frage",
    "pt": r"campo|pergunta",
}
# "la question sur le budget", "la pregunta sobre el presupuesto", "die Frage nach dem Budget"
_ABOUT = {
    "es": r"sobre el|sobre la|sobre|acerca de|para el|para la|para|de la|del|de",
    "fr": r"sur le|sur la|sur les|sur|concernant|pour le|pour la|pour les|pour|de la|du|des|de",
    "de": r"nach dem|nach der|nach|zum|zur|zu|über|für",
    "pt": r"sobre o|sobre a|sobre|para o|para a|para|da|do|de",
}
# Words joining two instructions ("supprime le téléphone et rends …"): split before a verb.
_ARTICLES.update(it_nl.ARTICLES)
_FIELD_WORD.update(it_nl.FIELD_WORD)
_ABOUT.update(it_nl.ABOUT)
_AND = rf"et|y|e|und|puis|luego|dann|depois|{it_nl.AND}"


def _verbs() -> str:
    """The verbs the patterns open with (the first alternatives, up to a nested group)."""
    words = set()
    for rules in PATTERNS.values():
        for _, pattern in rules:
            head = re.match(r"\^\(\?:([a-zà-ÿ |']+)", pattern.pattern)
            if head:
                words.update(alt.split()[0] for alt in head.group(1).split("|") if alt.strip())
    return "|".join(sorted(words, key=len, reverse=True))


_SPLIT = re.compile(
    rf"\s*(?:,\s*|\s+)(?:{_AND})\s+(?=(?:{_verbs()})\b)|,\s*(?=(?:{_verbs()})\b)", re.I
)


_STARTS_WITH_VERB = re.compile(rf"(?:{_verbs()})\b", re.I)


# "le téléphone (obligatoire) et l'adresse (facultative)": a flag closes its clause
_FLAG_THEN_AND = re.compile(
    rf"(\b(?:{'|'.join(_REQ.values())})\b\)?)\s*,?\s+(?:{_AND})\s+(?=\S)", re.I
)


def split_clauses(text: str) -> str:
    """Foreign instructions joined by "et" / "y" / "und" / "e" as separate clauses ("; ")."""
    return _FLAG_THEN_AND.sub(r"\1; ", _SPLIT.sub("; ", text))


def _flag(word: str) -> str:
    return (
        "optional"
        if re.search(r"opcion|facultat|facolt|opzion|option|freiwillig|^n[aoã]|^niet", fold(word))
        else "required"
    )


def _noun(text: str, lang: str) -> tuple[str, str]:
    """(the field in English words for the handlers, the marketer's words for a label)."""
    words = strip_quotes(text)
    for _ in range(2):  # "el campo de presupuesto", "das neue Feld Telefon"
        words = re.sub(rf"^(?:(?:{_ARTICLES[lang]})\s+|[ld]')", "", words, flags=re.I).strip()
        words = re.sub(
            rf"^(?:{_FIELD_WORD[lang]})\s+(?:(?:{_ABOUT[lang]})\s+|d')?",
            "",
            words,
            flags=re.I,
        ).strip()
    if lang in ("de", "nl"):  # "Telefonfeld", "Budget-Feld", "telefoonveld"
        words = re.sub(r"-?(?:feld|veld)$", "", words, flags=re.I).strip() or words
    own = strip_quotes(words)
    key = fold(own)
    table = TABLES["field"].get(lang) or IT_NL_WORDS.get(lang, {})
    english = table.get(key) or table.get(key.replace("-", " "))
    return (english or own), own


# "Allergien bitte optional", "quita el teléfono, por favor": politeness, not the field
_PLEASE = re.compile(
    rf"(?:,\s*)?\b(?:bitte|por favor|s'il (?:vous|te) pla[iî]t|svp|stp|per favore|{it_nl.PLEASE})\b(?:\s*,)?",
    re.I,
)


def english(clause: str, config: dict) -> tuple[str, str, str | None] | None:
    """(the instruction in English, its language, the label for a field it adds in the
    form's language or None) for a clause in es/fr/de/pt; None when no pattern reads it."""
    clause = re.sub(*it_nl.PLACE_AFTER_TOE, _PLEASE.sub(" ", clause).strip(), flags=re.I)
    described = config.get("description") or ""
    form_lang = source_language(described)
    form_lang = dutch_or_italian(described, form_lang) or form_lang
    # the form's own language first: "elimina il telefono" is Italian on an Italian form
    for lang in sorted(PATTERNS, key=lambda code: code != form_lang):
        # "…, damit wir planen können": the marketer's reason is no part of the field
        said_clause = around.particle_last(around.without_purpose(clause, lang), _EXTRAS)
        said_clause = around.unbracketed(said_clause, _REQ[lang])
        for op, pattern in PATTERNS[lang]:
            m = pattern.match(said_clause)
            if not m:
                continue
            said = _say(op, m, lang, _labels(config))
            if said is None:
                continue
            text, own = said
            label = None
            if op == "add" and form_lang == lang:
                label = own
            return text, lang, label
    return None


def _labels(config: dict) -> set[str]:
    return {fold((f.get("label") or "").strip(" ?")) for f in config.get("fields") or []}


def _held(own: str, labels: set[str]) -> bool:
    """Whether the marketer's words are words of exactly one label ("alergias" of "Alergias o
    algo que debamos saber"): that field is meant, whatever the glossary says in English."""
    said = fold(own.strip(" ?"))
    return (
        bool(said)
        and sum(1 for label in labels if re.search(rf"(?<!\w){re.escape(said)}(?!\w)", label)) == 1
    )


def _say(op: str, m: re.Match, lang: str, labels: set[str] = frozenset()) -> tuple[str, str] | None:
    def named(text: str, lang: str) -> tuple[str, str]:
        english_, own = _noun(text, lang)
        # "Anzahl Personen" is the form's own label: named as written, not as the glossary's
        # "number of guests", which this form does not use
        return (own if fold(own.strip(" ?")) in labels or _held(own, labels) else english_), own

    if op == "required":
        if _STARTS_WITH_VERB.match(m["target"]) or re.search(
            rf"\b(?:{_REQ[lang]})\b", m["target"], re.I
        ):  # "füge … hinzu, optional", "X obligatoire et Y": not a field's name
            return None
        target, _ = named(m["target"], lang)
        return f"make {target} {_flag(m['flag'])}", target
    if op == "move":
        target, _ = named(m["target"], lang)
        top = re.fullmatch(_TOP[lang], m["where"], re.I)
        return f"move {target} {'to the top' if top else 'to the end'}", target
    if op == "rename":
        target, _ = named(m["target"], lang)
        return f"rename {target} to “{strip_quotes(m['new'])}”", target
    if op == "remove":
        target, _ = named(m["target"], lang)
        return f"remove {target}", target
    if op == "note":  # "añade una nota en la matrícula: …": words a visitor reads under it
        target = named(m["target"], lang)[0] if m["target"] else "the last field"
        return f"set the help text of {target} to {m['text'].strip()}", target
    if op == "kind":
        target, _ = named(m["target"], lang)
        return f"change {target} to a {english_kind(m['kind'])}{m['opts'] or ''}", target
    if op == "shape":  # "die Kursart soll eine Liste sein: A, B", "le niveau doit être A, B ou C"
        target, _ = named(m["target"], lang)
        said = around.shape(m, target, m["kind"] and english_kind(m["kind"]), lang)
        return (said, target) if said else None
    spec = m["spec"] + (m.groupdict().get("tail") or "")
    yes_no = re.match(
        rf"(?:(?:{_ARTICLES[lang]})\s+)?(?:{_KINDS[0][1]})\s*(?::|\s)\s*(?P<label>.+)", spec, re.I
    )
    if yes_no:  # "une question oui/non : Êtes-vous déjà client ?"
        own = strip_quotes(yes_no["label"])
        return f"add a yes/no question called {own}", own
    asked = re.match(
        rf"(?:(?:{_ARTICLES[lang]})\s+)?(?:{_FIELD_WORD[lang]})\s*:\s*(?P<q>.+)$", spec, re.I
    )
    if asked:  # "ajoute une question : Comment nous avez-vous connus ?": its wording
        q = asked["q"].strip()
        yes_no = _YES_NO_AFTER.search(q)  # "… avez-vous un ascenseur ? (oui/non)"
        own = _capital(strip_quotes(q[: yes_no.start()] if yes_no else q).strip())
        return (f"add a yes/no question called {own}" if yes_no else f"add a question: {own}"), own
    spec, kind, answers = around.answers_said(spec, lang, _CHOICES, _KINDS[0][1])
    spec = re.sub(rf"^(?:{_ALSO})\s+", "", spec, flags=re.I)  # "ajoute aussi la surface"
    flag = re.search(rf"\b(?:{_REQ[lang]})\b", spec, re.I)
    spec = around.without_flag(spec, _REQ[lang]) if flag else spec
    place = ""
    at = re.search(  # ("juste après l'email": right after it)
        rf"(?:\s+{_RIGHT})?\s+(?P<w>{AFTER_WORDS[lang]}|{BEFORE_WORDS[lang]})(?:\s+|(?<='))(?P<anchor>[^\s'].*)$",
        spec,
        re.I,
    )
    if at:
        anchor, own_anchor = named(at["anchor"], lang)
        # "eine Frage nach dem Budget" asks about the budget: a place only before a field's label
        if lang != "de" or fold(own_anchor.strip(" ?")) in labels:
            after = re.fullmatch(AFTER_WORDS[lang], at["w"], re.I) is not None
            place, spec = f" {'after' if after else 'before'} {anchor}", spec[: at.start()]
    said_place = re.search(
        rf"{_NOT_OF}\s+(?P<w>{_TOP[lang]}|{_END[lang]})\s*$", spec, re.I
    ) or re.match(
        rf"(?P<w>{_TOP[lang]}|{_END[lang]})\s+(?=(?:{_ARTICLES[lang]}|{_FIELD_WORD[lang]})\s)",
        spec,
        re.I,
    )
    if said_place and not place:  # "aggiungi un campo note alla fine", "füge ganz oben ein Feld …"
        top = re.fullmatch(_TOP[lang], said_place["w"], re.I)
        place = " at the top" if top else " at the end"
        spec = (spec[: said_place.start()] + " " + spec[said_place.end() :]).strip()
    noun, own = named(spec, lang)
    if not noun:
        return None
    if noun == own:  # not in the glossary: its type words in English ("fecha de entrega")
        noun = gloss(own, lang) if lang in it_nl.REQ else _gloss_piece(own, lang)
    wanted = f"an {_flag(flag[0])} " if flag else "a "
    if kind or answers:  # "ajoute une liste déroulante type de jardin : potager, pelouse"
        kind = english_kind(kind) if kind else "dropdown"
        return f"add {wanted}{noun} {kind}{place}{': ' + answers if answers else ''}", _capital(own)
    return f"add {wanted}{noun} field{place}", _capital(own)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def label_added(field: dict, own: str, fields: list, lang: str = "en") -> None:
    """A field added by a foreign instruction to a form in that language: the marketer's
    words are its label ("Nombre de personnes", "Telefon"), and a field of their own (not
    a catalogue one) is named from them ("fecha_de_entrega", not "date_de_entrega")."""
    # "andar (número)": the brackets said the type (local_bracket_types), not the label
    bracket = re.search(r"\s*\(([^)]*)\)\s*$", own)
    field["label"] = own[: bracket.start()] if bracket and bracket_type(bracket[1]) else own
    if field.get("options") == YES_NO["en"]:
        field["options"] = list(YES_NO.get(lang, YES_NO["en"]))
    if catalog.mapping_target(field["name"]) is None:
        name = _field_name(fold(own))
        if all(other["name"] != name for other in fields):
            field["name"] = name
