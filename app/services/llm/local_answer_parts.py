"""Brackets that list the parts of one answer, not answers to choose from (round 39b).

"where were you sitting (block, row, seat)", "delivery address (street, postcode, city)",
"votre place (voiture, siège)", "Ihr Platz (Block, Reihe, Sitz)", "dirección (calle, número,
piso)", "emergency contact (name and number)", "vehicle (make, model, year)": the visitor writes all of them, so the item is
one text answer and the brackets show what to write (its placeholder). A seat is no choice of
"Block" or "Row".

"size (small/medium/large)", "contact by (phone, email)", "room (single, double)" list
alternatives and stay answers: every word in the brackets must name a part of a place, a seat
or a person's details, and contact channels alone are ways to choose between.
"""

from __future__ import annotations

import re

# the parts of an address, a seat or a ticket, and of a person's details, in en/es/fr/de/pt/nl/it
_PARTS = {
    # en
    "block", "row", "seat", "section", "stand", "tier", "gate", "level", "coach", "carriage",
    "seat number", "row number", "block number", "coach number", "carriage number",
    "street", "road", "house number", "house name", "number", "flat", "flat number",
    "apartment", "unit", "floor", "building", "postcode", "post code", "zip", "zip code",
    "postal code", "city", "town", "county", "state", "country", "name", "first name",
    "last name", "surname", "phone", "phone number", "relationship", "make", "model", "year",
    "registration", "colour", "color",
    # es
    "bloque", "fila", "asiento", "calle", "número", "numero", "piso", "puerta", "portal",
    "código postal", "ciudad", "localidad", "provincia", "nombre", "apellido", "apellidos",
    "teléfono", "vagón", "coche",
    # fr
    "rang", "siège", "voiture", "place", "rue", "numéro", "étage", "bâtiment", "code postal",
    "ville", "nom", "prénom", "téléphone", "porte",
    # de
    "reihe", "sitz", "sitzplatz", "platz", "wagen", "straße", "strasse", "hausnummer", "nr",
    "plz", "postleitzahl", "ort", "stadt", "etage", "stock", "vorname", "nachname", "nummer",
    "telefon",
    # pt
    "bancada", "lugar", "carruagem", "rua", "andar", "código-postal", "cidade", "nome",
    "apelido", "telefone",
    # nl
    "rij", "stoel", "vak", "straat", "huisnummer", "plaats", "woonplaats", "verdieping",
    "naam", "achternaam", "telefoonnummer",
    # it
    "settore", "posto", "carrozza", "via", "civico", "cap", "città", "piano", "cognome",
    "telefono",
}  # fmt: skip
# a way to reach someone: "(phone, email)" offers a choice between them
_CHANNELS = {"phone", "teléfono", "téléphone", "telefon", "telefone", "telefono", "email"}
# "(street and nearest house number)": the part, whatever is said of it
_LEAD = re.compile(r"^(?:(?:the|your|their|nearest|closest|full|approximate|approx\.?)\s+)+")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\by\b|\bet\b|\bund\b|\be\b|\ben\b|&|\+)\s*", re.I)


def lists_parts(inner: str) -> bool:
    """Whether a bracket's words are the parts of one answer ("block, row, seat")."""
    if "/" in inner or re.search(r"\b(?:or|o|ou|oder|of)\b", inner, re.I):
        return False  # "small/medium", "seat or standing": alternatives
    said = [_LEAD.sub("", p.strip().lower()) for p in _SPLIT.split(inner) if p.strip()]
    return len(said) >= 2 and all(p in _PARTS for p in said) and not set(said) <= _CHANNELS
