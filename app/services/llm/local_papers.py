"""Papers a person hands over, and letters they write (round 23b).

A paper someone already holds — a boarding pass, a ticket, a certificate, a driving licence,
a doctor's note, a tenancy agreement, a diploma, and in es/fr/de/pt "tarjeta de embarque",
"carte d'embarquement", "Bordkarte", "cartão de embarque", "certificado", "attestation
d'assurance", "Bescheinigung", "Schulzeugnis", "atestado médico" — is an upload when it is the
thing the item names (its last noun): "ticket number", "ticket type", "certificate number",
"licence number" are said of the paper and stay what they were (``local_field_shapes``
reads ``PAPERS`` as upload nouns and keeps its "what is said of a paper" rule).

A letter or statement the person writes — a cover letter, a motivation letter, a personal
statement, "carta de motivación", "lettre de motivation", "Motivationsschreiben", "carta de
motivação" — is a long text; asked as an upload ("upload your cover letter (PDF)", "attach
a personal statement") it stays a file (the upload reader runs after this one).
"""

from __future__ import annotations

import re

# Each paper is named by its head noun, qualified where the bare word means something else
# ("support ticket", "licence type", "card payment", "record label" are no papers).
PAPERS = (
    r"boarding ?pass(?:es)?|(?<!support )(?<!helpdesk )(?<!help desk )(?<!service )(?<!raffle )ticket(?=\s*$)|"
    r"(?:plane|flight|train|rail|bus|coach|ferry|concert|match|event|parking|lottery) tickets?|"
    r"(?:driving|driver'?s|drivers|trade|business|pilot'?s?|fishing|firearms?|practising|"
    r"operator'?s?) licen[cs]es?|"
    r"(?:student|id|identity|residence|press|disability|insurance|ehic|vaccination|boarding) cards?|"
    r"(?:doctor'?s|doctors|sick|fit) notes?|"
    r"(?:vaccination|vaccine|immuni[sz]ation) records?|"
    r"(?:tenancy|rental|lease|employment|signed|hire) (?:agreements?|contracts?)|"
    r"diplomas?|(?:academic|university|school|official|degree) transcripts?|"
    r"(?:offer|reference|referral|acceptance|award|sponsorship) letters?|"
    r"letters? of (?:reference|recommendation|offer|acceptance)|"
    # es / fr / de / pt
    r"(?:bilhete|billet|boleto|\w+ticket)(?=\s*$)|fahrkarten?|eintrittskarten?|"
    r"tarjetas? de embarque|cartes? d'embarquement|bordkarten?|cart(?:ão|ões|ao|oes) de embarque|"
    r"certificados?|certificats?|attestations? (?:d'|de |du |employeur)\w*|"
    r"\w*bescheinigung(?:en)?|\w*zeugnis(?:se)?|zertifikate?|atestados?|dipl[ôo]mes?|diplom(?:e)?|"
    r"carn[ée]s? de conducir|permisos? de conducir|permis de conduire|f[üu]hrerschein(?:e)?|"
    r"carta de condu[çc][ãa]o|mietvertr[äa]ge?|arbeitsvertr[äa]ge?|attest(?:e)?|\w*ausweis(?:e)?|"
    # "contrato de trabajo" (read respelt as "contract de job" too), "contrat de location"
    r"contra(?:t|to|ct)s? de (?:travail|trabajo|trabalho|job|work|alquiler|arrendamento|location|"
    r"bail)|cartes? d'(?:[ée]tudiant|identit[ée])|(?:tarjetas?|carn[ée]s?) de estudiante|"
    r"cart(?:ão|ões) de (?:estudante|cidad[ãa]o)"
)
PLURAL_PAPERS = (
    r"boarding ?passes|tickets|licen[cs]es|cards|notes|records|agreements|contracts|diplomas|"
    r"transcripts|letters|certificados|certificats|attestations|bescheinigungen|zeugnisse|"
    r"zertifikate|atestados|dipl[ôo]mes|diplome"
)

# A piece of writing the person composes: the form's long text, not a one-line box
WRITTEN = re.compile(
    r"\b(?:cover(?:ing)? letters?|motivation(?:al)? letters?|letters? of motivation|"
    r"personal statements?|statements? of (?:purpose|motivation|interest)|"
    r"cartas? de (?:motivaci[óo]n|presentaci[óo]n|motiva[çc][ãa]o|apresenta[çc][ãa]o)|"
    r"lettres? de motivation|motivationsschreiben|anschreiben)$",
    re.I,
)


def written_letter(phrase: str) -> bool:
    """Whether the item names a letter or statement the person writes ("cover letter")."""
    return bool(WRITTEN.search(phrase.strip(" .:;")))


def uploaded_instead(fields: list, new: dict) -> bool:
    """ "upload your cover letter (PDF)" on a job form: the letter asked as a file takes the
    place of the form's stock written letter of the same name (True when it did)."""
    same = next((f for f in fields if f["name"] == new["name"]), None)
    if same is None or new["type"] != "file" or same["type"] != "textarea":
        return False
    fields[fields.index(same)] = new
    return True
