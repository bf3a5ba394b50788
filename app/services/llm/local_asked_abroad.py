"""A label that is a question in the marketer's language reads as one (round 41c).

An English item that asks ("have you owned the breed before", "any injuries we should know
about") is labelled as a question, and one asked yes or no is answered Yes/No. The same item
listed in es/fr/de/pt/it/nl ("sabes nadar", "savez-vous nager", "kann Ihr Kind schon
schwimmen", "sai nuotare", "heeft uw hond eerder les gehad", "alguna lesión que debamos
saber") kept the marketer's words but not the question whenever the English reading missed
it: "Sabes nadar" in a text box. ``ask_as_questions`` reads the finished labels in their own
language:

- a label opened by its verb (a subject left out: "sabes", "está", "sai"; a subject after
  it: "savez-vous", "kann Ihr Kind", "heeft uw hond") or by "there is" ("hay", "gibt es",
  "ci sono", "zijn er") asks yes or no: its question marks, and Yes/No in the language when
  it was a text box;
- a label opened by a question word ("por qué", "comment", "che", "hoe") is asked in words;
  "any X that …" ("alguna lesión que", "qualche problema … che", "des allergies dont") too,
  with room to write, as the English "Any injuries we should know about?".

Spanish opens a question with "¿", French sets its "?" apart. A noun label ("Alergias",
"Rendez-vous souhaité") and an instruction ("Beschreiben Sie Ihr Anliegen") stay as written.
"""

from __future__ import annotations

import re

from app.services.llm.local_dutch_italian_words import YES_NO
from app.services.llm.local_translate import phrase

# what follows the verb: more words, but not "de" ("Toma de medidas" is a noun); or nothing
# after a "you" form ("Fumas", "Fumi")
_REST = r"(?:\s+(?!de\b|del\b|da\b|do\b|di\b)\S|(?<=[si])$)"
# yes or no, opened by the verb
_POLAR = {
    "es": r"(?:ya\s+\w+|(?:tienes|tiene|sabes|sabe|has|ha|estás|está|eres|es usted|tomas|toma|"
    r"fumas|fuma|necesitas|necesita|puedes|puede|quieres|quiere|deseas|desea|practicas|"
    r"practica|usas|usa|utilizas|utiliza|conoces|conoce|vives|vive|padeces|padece|sufres|sufre|"
    r"llevas|lleva|traes|trae|vienes|viene|vendrás|vendrá|conduces|conduce|hablas|habla|hay|"
    r"(?:te|le) gustaría|podrías|podría|estarías|estaría|volverías|volvería|recomendarías|"
    r"recomendaría))" + _REST,
    "pt": r"(?:já\s+\w+|(?:tem|tens|sabe|sabes|está|estás|é|és|toma|tomas|fuma|fumas|precisa|"
    r"precisas|quer|queres|pode|podes|usa|usas|utiliza|conhece|conheces|vive|vives|pratica|"
    r"praticas|costuma|costumas|gostaria|possui|deseja|sofre|sofres|consegue|consegues|vem|"
    r"vens|traz|trazes|fez|foi|há|existe|existem|teve|esteve))" + _REST,
    "it": r"(?:hai|ha|avete|sei|è|siete|sai|sa|sapete|puoi|può|potete|vuoi|vuole|volete|fumi|fuma|"
    r"usi|utilizzi|utilizza|pratichi|conosci|conosce|prendi|prende|soffri|soffre|vieni|viene|"
    r"verrai|verrà|desideri|desidera|possiedi|possiede|segui|segue|ci sono|c['’]è|"
    r"(?:ti|le) piacerebbe)" + _REST,
    # the verb joined to its subject; not a reflexive imperative ("inscrivez-vous") nor
    # the noun "rendez-vous"
    "fr": r"(?:(?!rendez|inscrivez|présentez|connectez|renseignez|décrivez|adressez|indiquez|"
    r"précisez|asseyez)[a-zàâçéèêëîïôûùüœ]+-(?:vous|tu|t-il|t-elle|t-on|il|elle|ils|elles|on)"
    r"\b|est-ce qu|y a-t-il\b)",
    # the verb before its pronoun ("bringen Sie", "rauchst du"), not an imperative written
    # the same ("beschreiben Sie"); an auxiliary before any subject ("kann Ihr Kind", "ist
    # der Hund"), where a noun ("Kosten der Reparatur") never stands
    "de": r"(?:(?!(?:beschreiben|geben|nennen|schildern|teilen|laden|fügen|wählen|tragen|"
    r"lassen|erzählen|schreiben|senden|schicken|hinterlassen|kreuzen|füllen|notieren|"
    r"beantworten|bewerten|empfehlen|kontaktieren|rufen|klicken|markieren|bestätigen|"
    r"akzeptieren|beachten|melden|erläutern|begründen|verraten)\b)"
    r"[a-zäöüß]+en\s+(?:sie|wir|es|man)\b|[a-zäöüß]+(?:st|t)\s+(?:du|ihr)\b|"
    r"(?:haben|hast|habt|hat|sind|bist|seid|ist|war|waren|warst|kann|kannst|können|könnten|"
    r"darf|dürfen|muss|müssen|soll|sollen|will|wollen|möchten|möchtest|würden|würdest|hatten|"
    r"wird|werden|gibt)\s+(?:sie|es|man|du|ihre?[mnrs]?|dein\w*|euer|eure|jemand|der|die|das|"
    r"den|dem)\b)",
    "nl": r"(?:heeft|hebt|heb|hebben|bent|ben|is|zijn|kan|kunt|kun|kunnen|wilt|wil|willen|mag|"
    r"mogen|moet|moeten|gaat|komt|rookt|rijdt|spreekt|woont|gebruikt|zou|zoudt|zouden|was|"
    r"waren|had|hadden|doet|speelt|draagt|neemt)\s+(?:u|je|jij|uw|jullie|er|het|de|ze|hij|zij|"
    r"we|wij|iemand)\b",
}
# asked in words, opened by a question word (after a preposition: "desde cuándo", "seit wann")
_WH = {
    "es": r"(?:(?:hacia|desde|de|a|en|por|para|con)\s+)?(?:qué|cuál|cuáles|cuándo|cuánto|"
    r"cuánta|cuántos|cuántas|cómo|dónde|adónde|quién|quiénes|por qué)\b",
    "pt": r"(?:(?:de|a|em|por|para|com|há)\s+)?(?:que|qual|quais|quando|quanto|quanta|quantos|"
    r"quantas|como|onde|quem|porque|por que|o que)\s",
    "it": r"(?:(?:da|di|a|in|per|con|su)\s+)?(?:che|cosa|quale|quali|quando|quanto|quanta|"
    r"quanti|quante|come|dove|chi|perché)\s",
    "fr": r"(?:(?:de|à|pour|par|depuis|dans|en|sur|avec)\s+)?(?:que|qu'|quel|quelle|quels|"
    r"quelles|quand|combien|comment|où|pourquoi|qui|quoi)\b",
    "de": r"(?:(?:in|an|auf|aus|bei|mit|nach|von|zu|für|um|über|unter|seit)\s+)?(?:was|wo|"
    r"wohin|woher|wann|warum|weshalb|wieso|wer|wen|wem|wie|welche[rsnm]?|worum|wofür|womit|"
    r"worüber|woran)\s",
    "nl": r"(?:(?:in|op|aan|bij|met|van|voor|naar|om|over|sinds)\s+)?(?:wat|waar|wanneer|"
    r"waarom|wie|hoe|hoeveel|welke|welk|waarvoor|waarmee|waarover)\s",
}
# "any X that …": a quantifier, a few words, and the clause that says why it is asked
_ANY_THAT = {
    "es": r"(?:algún|alguna|algunos|algunas|algo)\s(?:\S+\s){0,6}?(?:que|del que|de la que|"
    r"de los que|de las que)\s",
    "pt": r"(?:algum|alguma|alguns|algumas|algo)\s(?:\S+\s){0,6}?(?:que|de que)\s",
    "it": r"(?:qualche|qualcosa|eventuali|eventuale)\s(?:\S+\s){0,6}?(?:che|di cui|su cui)\s",
    "fr": r"(?:des|d'autres|quelque chose|autre chose)\s(?:\S+\s){0,6}?(?:dont|que|qu')",
    "de": r"(?:irgendwelche|irgendein\w*|etwas|noch etwas)\s(?:\S+\s){0,6}?(?:die|das|der|"
    r"von denen|worüber)\s",
    "nl": r"(?:eventuele|iets|nog iets)\s(?:\S+\s){0,6}?(?:die|dat|waar|waarvan|waarmee|"
    r"waarover)\s",
}
_COMPILED = {
    lang: tuple(re.compile(rf"^{table[lang]}", re.I) for table in (_POLAR, _WH, _ANY_THAT))
    for lang in _POLAR
}
_NOT_ASKED = ("checkbox", "file", "email", "phone", "url", "hidden")


def _yes_no(lang: str) -> list[str]:
    return list(YES_NO.get(lang) or (phrase("Yes", lang), phrase("No", lang)))


def _marked(label: str, lang: str) -> str:
    label = label.strip().rstrip(".:;").rstrip()
    if lang == "es" and not label.startswith("¿"):
        label = "¿" + label
    return label + (" ?" if lang == "fr" else "?")


def ask_as_questions(fields: list[dict], lang: str) -> None:
    """Labels that ask, in ``lang``, asked as questions (see the module)."""
    if lang not in _COMPILED:
        return
    polar, wh, any_that = _COMPILED[lang]
    for f in fields:
        label = (f.get("label") or "").strip()
        if f["type"] in _NOT_ASKED or not label or "?" in label:  # "¿…? (0-10)" is asked
            continue
        bare = label.lstrip("¿")
        if polar.match(bare):
            if f["type"] == "text" and not f.get("options"):
                f.update(type="select", options=_yes_no(lang), placeholder="")
        elif any_that.match(bare):
            if f["type"] == "text":
                f["type"] = "textarea"
        elif not wh.match(bare):
            continue
        f["label"] = _marked(label, lang)
