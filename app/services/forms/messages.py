"""The visitor-facing messages of the public form (SPEC §17 "Languages"): the server's
validation messages and the few words the form itself shows (the select prompt, the
error summary), in the built-in locales en, es, fr, de and pt.

The words are ours; everything a locale decides beyond them comes from babel: which
built-in locale a browser's "pt-BR" or "de-AT" gets (``negotiate_locale``), and how a
number or a date is written there (``format_decimal``, ``format_date``). A message is
rendered from its key and parameters, so values.py never holds English text.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import negotiate_locale
from babel.dates import format_date
from babel.numbers import format_decimal

BUILT_IN = ("en", "es", "fr", "de", "pt")
DEFAULT = "en"

# key -> one template per built-in locale; {name} parameters are filled by render().
CATALOGUE: dict[str, dict[str, str]] = {
    "required": {
        "en": "{label} is required.",
        "es": "{label} es obligatorio.",
        "fr": "{label} est obligatoire.",
        "de": "{label} ist erforderlich.",
        "pt": "{label} é obrigatório.",
    },
    "tick_required": {
        "en": "Tick this box to continue.",
        "es": "Marque esta casilla para continuar.",
        "fr": "Cochez cette case pour continuer.",
        "de": "Setzen Sie dieses Häkchen, um fortzufahren.",
        "pt": "Marque esta caixa para continuar.",
    },
    "plain_text": {
        "en": "Send plain text here.",
        "es": "Envíe texto simple aquí.",
        "fr": "Envoyez du texte simple ici.",
        "de": "Senden Sie hier einfachen Text.",
        "pt": "Envie texto simples aqui.",
    },
    "one_value": {
        "en": "Send one value here.",
        "es": "Envíe un solo valor aquí.",
        "fr": "Envoyez une seule valeur ici.",
        "de": "Senden Sie hier nur einen Wert.",
        "pt": "Envie um único valor aqui.",
    },
    "too_long": {
        "en": "This value is too long: keep it under {limit} characters.",
        "es": "Este valor es demasiado largo: use menos de {limit} caracteres.",
        "fr": "Cette valeur est trop longue : moins de {limit} caractères.",
        "de": "Dieser Wert ist zu lang: höchstens {limit} Zeichen.",
        "pt": "Este valor é longo demais: use menos de {limit} caracteres.",
    },
    "min_length": {
        "en": "Use at least {min} characters.",
        "es": "Use al menos {min} caracteres.",
        "fr": "Utilisez au moins {min} caractères.",
        "de": "Verwenden Sie mindestens {min} Zeichen.",
        "pt": "Use pelo menos {min} caracteres.",
    },
    "max_length": {
        "en": "Use at most {max} characters (this has {count}).",
        "es": "Use como máximo {max} caracteres (tiene {count}).",
        "fr": "Utilisez au plus {max} caractères (il y en a {count}).",
        "de": "Verwenden Sie höchstens {max} Zeichen (hier sind es {count}).",
        "pt": "Use no máximo {max} caracteres (tem {count}).",
    },
    "format": {
        "en": "This value is not in the expected format.",
        "es": "Este valor no tiene el formato esperado.",
        "fr": "Cette valeur n’est pas au format attendu.",
        "de": "Dieser Wert hat nicht das erwartete Format.",
        "pt": "Este valor não está no formato esperado.",
    },
    "email": {
        "en": "Enter an email address like name@example.com.",
        "es": "Introduzca un correo electrónico como nombre@ejemplo.com.",
        "fr": "Saisissez une adresse e-mail comme nom@exemple.fr.",
        "de": "Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.",
        "pt": "Digite um e-mail como nome@exemplo.com.",
    },
    "phone": {
        "en": "Enter a phone number: 6 to 20 digits; spaces and + - ( ) . are fine.",
        "es": "Introduzca un teléfono: de 6 a 20 dígitos; se admiten espacios y + - ( ) .",
        "fr": "Saisissez un numéro : 6 à 20 chiffres ; espaces et + - ( ) . acceptés.",
        "de": "Geben Sie eine Telefonnummer ein: 6 bis 20 Ziffern; Leerzeichen und + - ( ) . sind erlaubt.",
        "pt": "Digite um telefone: de 6 a 20 dígitos; espaços e + - ( ) . são aceitos.",
    },
    "number": {
        "en": "Enter a number.",
        "es": "Introduzca un número.",
        "fr": "Saisissez un nombre.",
        "de": "Geben Sie eine Zahl ein.",
        "pt": "Digite um número.",
    },
    "number_range": {
        "en": "Enter a number between {min} and {max}.",
        "es": "Introduzca un número entre {min} y {max}.",
        "fr": "Saisissez un nombre entre {min} et {max}.",
        "de": "Geben Sie eine Zahl zwischen {min} und {max} ein.",
        "pt": "Digite um número entre {min} e {max}.",
    },
    "number_min": {
        "en": "Enter {min} or more.",
        "es": "Introduzca {min} o más.",
        "fr": "Saisissez {min} ou plus.",
        "de": "Geben Sie {min} oder mehr ein.",
        "pt": "Digite {min} ou mais.",
    },
    "number_max": {
        "en": "Enter {max} or less.",
        "es": "Introduzca {max} o menos.",
        "fr": "Saisissez {max} ou moins.",
        "de": "Geben Sie {max} oder weniger ein.",
        "pt": "Digite {max} ou menos.",
    },
    "option": {
        "en": "Choose one of the listed options.",
        "es": "Elija una de las opciones de la lista.",
        "fr": "Choisissez l’une des options proposées.",
        "de": "Wählen Sie eine der aufgeführten Optionen.",
        "pt": "Escolha uma das opções da lista.",
    },
    "options": {
        "en": "Choose only from the listed options (not “{value}”).",
        "es": "Elija solo entre las opciones de la lista (no «{value}»).",
        "fr": "Choisissez uniquement parmi les options proposées (pas « {value} »).",
        "de": "Wählen Sie nur aus den aufgeführten Optionen (nicht „{value}“).",
        "pt": "Escolha apenas entre as opções da lista (não “{value}”).",
    },
    "checkbox": {
        "en": "Tick the box or leave it empty.",
        "es": "Marque la casilla o déjela vacía.",
        "fr": "Cochez la case ou laissez-la vide.",
        "de": "Setzen Sie das Häkchen oder lassen Sie das Feld leer.",
        "pt": "Marque a caixa ou deixe-a vazia.",
    },
    "date": {
        "en": "Enter a date like 2026-01-31.",
        "es": "Introduzca una fecha como 2026-01-31.",
        "fr": "Saisissez une date comme 2026-01-31.",
        "de": "Geben Sie ein Datum wie 2026-01-31 ein.",
        "pt": "Digite uma data como 2026-01-31.",
    },
    "date_min": {
        "en": "Pick {min} or later.",
        "es": "Elija el {min} o una fecha posterior.",
        "fr": "Choisissez le {min} ou une date ultérieure.",
        "de": "Wählen Sie den {min} oder später.",
        "pt": "Escolha {min} ou uma data posterior.",
    },
    "date_max": {
        "en": "Pick {max} or earlier.",
        "es": "Elija el {max} o una fecha anterior.",
        "fr": "Choisissez le {max} ou une date antérieure.",
        "de": "Wählen Sie den {max} oder früher.",
        "pt": "Escolha {max} ou uma data anterior.",
    },
    "url": {
        "en": "Enter a web address starting with http:// or https://.",
        "es": "Introduzca una dirección web que empiece por http:// o https://.",
        "fr": "Saisissez une adresse web commençant par http:// ou https://.",
        "de": "Geben Sie eine Webadresse ein, die mit http:// oder https:// beginnt.",
        "pt": "Digite um endereço web que comece com http:// ou https://.",
    },
    "max_files": {
        "en": "Attach at most {max} file(s).",
        "es": "Adjunte como máximo {max} archivo(s).",
        "fr": "Joignez au plus {max} fichier(s).",
        "de": "Hängen Sie höchstens {max} Datei(en) an.",
        "pt": "Anexe no máximo {max} arquivo(s).",
    },
    # The words around the fields (hosted page, embed.js through the schema).
    "check_fields": {
        "en": "Please check the fields marked below.",
        "es": "Revise los campos marcados abajo.",
        "fr": "Vérifiez les champs signalés ci-dessous.",
        "de": "Bitte prüfen Sie die markierten Felder.",
        "pt": "Verifique os campos marcados abaixo.",
    },
    "choose": {
        "en": "Choose…",
        "es": "Elija…",
        "fr": "Choisissez…",
        "de": "Bitte wählen…",
        "pt": "Escolha…",
    },
    "submit": {"en": "Submit", "es": "Enviar", "fr": "Envoyer", "de": "Senden", "pt": "Enviar"},
    "next": {"en": "Next", "es": "Siguiente", "fr": "Suivant", "de": "Weiter", "pt": "Seguinte"},
    "back": {"en": "Back", "es": "Atrás", "fr": "Retour", "de": "Zurück", "pt": "Voltar"},
    "step_of": {
        "en": "Step {n} of {count}",
        "es": "Paso {n} de {count}",
        "fr": "Étape {n} sur {count}",
        "de": "Schritt {n} von {count}",
        "pt": "Passo {n} de {count}",
    },
    "language": {
        "en": "Language",
        "es": "Idioma",
        "fr": "Langue",
        "de": "Sprache",
        "pt": "Idioma",
    },
}


@lru_cache(maxsize=512)
def message_locale(requested: str | None) -> str:
    """The built-in locale for a requested one ("pt-BR" -> "pt", "xx" -> "en")."""
    if not requested or not isinstance(requested, str):
        return DEFAULT
    return negotiate_locale([requested.replace("-", "_")[:35]], BUILT_IN, sep="_") or DEFAULT


def _shown(value, locale: str):
    """A parameter as written in that locale: numbers and ISO dates through babel.
    English keeps the product's own style: ISO dates (as typed) and 12 000."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if locale == DEFAULT:
            return format_decimal(value, locale=locale).replace(",", " ")
        return format_decimal(value, locale=locale)
    if locale == DEFAULT:
        return value
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        try:
            return format_date(date.fromisoformat(value), format="medium", locale=locale)
        except ValueError:
            return value
    return value


def render(key: str, locale: str = DEFAULT, **params) -> str:
    """The message ``key`` in ``locale`` (a built-in one; others fall back to English)."""
    texts = CATALOGUE[key]
    template = texts.get(locale) or texts[DEFAULT]
    return template.format(**{k: _shown(v, locale) for k, v in params.items()})


def ui_words(locale: str) -> dict:
    """The form's own words in a locale: the select prompt, the submit button and the
    error summary (what embed.js and the hosted page show around the fields)."""
    loc = message_locale(locale)
    words = {key: render(key, loc) for key in ("choose", "submit", "check_fields", "next", "back")}
    # kept as a template: embed-logic.js and the hosted page fill in the numbers
    words["step_of"] = CATALOGUE["step_of"].get(loc) or CATALOGUE["step_of"][DEFAULT]
    return words


@lru_cache(maxsize=256)
def language_name(locale: str) -> str:
    """A locale's name in its own language ("es" -> "español"), from babel's data."""
    try:
        name = Locale.parse(locale.replace("-", "_")).get_display_name() or locale
    except (ValueError, UnknownLocaleError):
        return locale
    return name[:1].upper() + name[1:]


def with_summary(errors: dict, locale: str) -> dict:
    """A 422's field messages plus, outside English, ``_form``: the summary in the
    visitor's language (embed.js shows a message for no field of the form as the
    summary, in place of its own English one)."""
    if locale == DEFAULT or not errors:
        return errors
    return {**errors, "_form": render("check_fields", locale)}
