"""Refinements written in Italian or Dutch (issue 20, stop 28): the words ``local_refine_foreign``
reads them with, as it reads Spanish, French, German and Portuguese.

"rendi il telefono obbligatorio", "togli le foto", "sposta l'email in cima", "aggiungi un
campo codice fiscale"; "maak het adres optioneel", "verwijder het bedrijf", "zet e-mail
bovenaan", "voeg een veld geboortedatum toe". A field is named by the form's own label, or
through the description glossary (``local_dutch_italian_words``).
"""

from __future__ import annotations

REQ = {
    "it": r"obbligatori[oaie]|richiest[oaie]|facoltativ[oaie]|opzional[ei]|non obbligatori[oaie]",
    "nl": r"verplicht|vereist|optioneel|niet verplicht|facultatief",
}
TOP = {
    "it": r"in cima|all'inizio|per prim[oa]|come prim[oa]|in alto|al primo posto|in testa",
    "nl": r"(?:helemaal\s+)?bovenaan|naar boven|als eerste|eerst|bovenin|aan het begin",
}
END = {
    "it": r"in fondo|alla fine(?: del modulo)?|per ultim[oa]|come ultim[oa]|in basso|all'ultimo posto",
    "nl": r"(?:helemaal\s+)?onderaan|naar beneden|als laatste|onderin|aan het eind(?:e)?|achteraan",
}
AFTER = {
    "it": r"dopo(?:\s+(?:il|la|lo|l'|i|gli|le))?|sotto(?:\s+(?:il|la|lo|l'))?",
    "nl": r"na(?:\s+(?:de|het))?|onder(?:\s+(?:de|het))?",
}
BEFORE = {
    "it": r"prima\s+(?:del|della|dello|dell'|dei|degli|delle|di)|sopra(?:\s+(?:il|la|lo|l'))?",
    "nl": r"voor(?:\s+(?:de|het))?|boven(?:\s+(?:de|het))?",
}
ARTICLES = {
    "it": r"il|lo|la|i|gli|le|un|uno|una|del|della|dello|dei|degli|delle|un nuovo|una nuova",
    "nl": r"de|het|een|een nieuw|een nieuwe|nog een",
}
FIELD_WORD = {"it": r"campo|domanda|casella", "nl": r"veld|vraag|vakje"}
ABOUT = {
    "it": r"per il|per la|per|sul|sulla|su|del|della|dello|di",
    "nl": r"voor de|voor het|voor|over de|over het|over|met",
}
AND = r"en|poi|dan"
PLEASE = r"per piacere|alsjeblieft|alstublieft|graag"
# what a field becomes: "menu a tendina", "keuzelijst", "testo lungo", "ja/nee-vraag"
KINDS = {
    "yes/no question": r"domanda s[iì]\s*/\s*no|s[iì]\s*/\s*no|ja\s*/\s*nee(?:[- ]?vraag)?",
    "multiple choice": r"scelta multipla|caselle(?: di controllo)?|pi[uù] (?:scelte|risposte)|"
    r"meerkeuze(?:vraag)?|selectievakjes|meerdere (?:antwoorden|opties)",
    "dropdown": r"menu a tendina|tendina|elenco a discesa|elenco|keuzelijst|dropdown(?:menu)?|"
    r"uitklaplijst",
    "long text field": r"testo lungo|area di testo|paragrafo|lang tekstveld|tekstvak|lange tekst",
    "text field": r"campo di testo|testo breve|tekstveld|korte tekst",
    "date field": r"data|datum",
    "phone field": r"numero di telefono|campo telefono|telefoonnummer|telefoonveld",
    "number field": r"numero|getal|nummer",
}


# Dutch puts the place after the separable "toe": "voeg een veld X toe na telefoon" is read
# as "voeg een veld X na telefoon toe"
PLACE_AFTER_TOE = (r"^(voeg\s+.+?)\s+toe\s+((?:na|voor|onder|boven)\s+.+)$", r"\1 \2 toe")


def patterns(kinds: str) -> dict[str, list[tuple[str, str]]]:
    """(operation, pattern) per language, tried in order, as ``local_refine_foreign.PATTERNS``."""
    it, nl = REQ["it"], REQ["nl"]
    return {
        "it": [
            ("note", r"(?:aggiungi|metti|inserisci)\s+(?:una\s+)?(?:nota|avvertenza|testo di aiuto)(?:\s+(?:a|al|alla|su|sul|sulla|sotto|per)\s+(?:il\s+|la\s+|l')?(?P<target>[^:]+?))?\s*:\s*(?P<text>.+)"),
            ("kind", rf"(?:trasforma|cambia|rendi|converti|fai diventare)\s+(?P<target>.+?)\s+(?:in|come)\s+(?:un|una|uno)\s+(?P<kind>{kinds})(?P<opts>\s*:\s*.+)?"),
            ("kind", rf"(?P<target>[^:]+?)\s+(?:come|deve essere|dovrebbe essere)\s+(?:(?:un|una|uno)\s+)?(?P<kind>{kinds})(?P<opts>\s*:\s*.+)?"),
            ("required", rf"(?:rendi|metti|imposta|segna)\s+(?P<target>.+?)\s+(?:come\s+)?(?P<flag>{it})"),
            ("required", rf"(?P<target>.+?)\s+(?:deve essere|dovrebbe essere|[eè]|sar[aà])\s+(?P<flag>{it})"),
            ("move", rf"(?:sposta|metti|porta)\s+(?P<target>.+?)\s+(?P<where>{TOP['it']}|{END['it']})"),
            ("rename", r"(?:rinomina|(?:cambia|modifica)\s+(?:il nome|l'etichetta|il titolo)\s+(?:di|del|della|dello|dell'))\s*(?P<target>.+?)\s+(?:in|con|come)\s+(?P<new>.+)"),
            ("remove", r"(?:rimuovi|elimina|togli|cancella|leva)\s+(?P<target>.+)"),
            ("add", r"(?:aggiungi|inserisci|includi)\s+(?P<spec>.+)"),
            ("required", rf"(?P<target>[^:]+?)\s*:?\s+(?:come\s+)?(?P<flag>{it})"),
        ],
        "nl": [
            ("note", r"(?:voeg|zet)\s+(?:een\s+)?(?:notitie|opmerking|hulptekst|toelichting)(?:\s+(?:bij|onder|aan)\s+(?:de\s+|het\s+)?(?P<target>[^:]+?))?(?:\s+toe)?\s*:\s*(?P<text>.+)"),
            ("kind", rf"(?:maak|verander|zet)\s+(?:van\s+)?(?P<target>.+?)\s+(?:in\s+|naar\s+)?(?:een)\s+(?P<kind>{kinds})(?:\s+van)?(?P<opts>\s*:\s*.+)?"),
            ("kind", rf"(?P<target>[^:]+?)\s+(?:als|moet een|wordt een)\s+(?:een\s+)?(?P<kind>{kinds})(?:\s+zijn)?(?P<opts>\s*:\s*.+)?"),
            ("required", rf"(?:maak|zet|markeer)\s+(?P<target>.+?)\s+(?:als\s+)?(?P<flag>{nl})"),
            ("required", rf"(?P<target>.+?)\s+(?:moet|is|wordt|mag)\s+(?P<flag>{nl})(?:\s+(?:zijn|worden))?"),
            ("move", rf"(?:zet|verplaats|plaats)\s+(?P<target>.+?)\s+(?P<where>{TOP['nl']}|{END['nl']})"),
            ("rename", r"(?:hernoem|(?:verander|wijzig)\s+(?:de naam|het label|de titel)\s+van)\s+(?P<target>.+?)\s+(?:naar|in)\s+(?P<new>.+)"),
            ("remove", r"(?:verwijder|schrap)\s+(?P<target>.+)"),
            ("remove", r"haal\s+(?P<target>.+?)\s+(?:weg|eruit|eraf)"),
            ("add", r"voeg\s+(?P<spec>.+?)\s+toe(?P<tail>\s*:\s*.+)?"),
            ("add", r"voeg\s+toe\s*:?\s*(?P<spec>.+)"),
            ("required", rf"(?P<target>[^:]+?)\s*:?\s+(?:als\s+)?(?P<flag>{nl})"),
        ],
    }  # fmt: skip
