"""The mobile phone as marketers name it in Spanish, French, German and Portuguese (read by
``local_foreign_words``; same line format as its GLOSSARY).

A German "Handy" or "Mobilnummer", a French "numéro de portable", a Spanish "teléfono móvil"
is the visitor's phone number, asked as a phone field, not a line of text. Only the whole
item is glossed: "Handy-Modell" or "app mobile" say what a device is, not how to call.
"""

from __future__ import annotations

GLOSSARY_PHONES = """
es field telefono movil = phone
es field numero de movil = phone
es field celular = phone
es field numero de celular = phone
es field whatsapp = phone
fr field numero de portable = phone
fr field telephone portable = phone
fr field mobile = phone
fr field numero de mobile = phone
de field handy = phone
de field handy-nummer = phone
de field mobil = phone
de field mobilnummer = phone
de field mobiltelefon = phone
de field mobilfunknummer = phone
de field telefon mobil = phone
pt field numero de celular = phone
pt field numero de telemovel = phone
pt field telefone celular = phone
"""
