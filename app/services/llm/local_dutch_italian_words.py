"""The words of a description in Dutch or Italian, which ``local_dutch_italian`` reads in
English ("telefoonnummer" is a phone number, "bericht" a message, "heeft u" asks "do you
have"), the words that tell the two languages apart (``OWN_WORDS``), their yes/no answers
and the names of the engine's commonest forms in them (``FORM_NAMES``).

``GLOSSARY``: ``lang folded words; other words = English``, keys lower case without
accents.
"""

from __future__ import annotations

import re

GLOSSARY = """
nl naam; uw naam = name
nl volledige naam; voor- en achternaam = full name
nl voornaam = first name
nl achternaam = last name
nl e-mail; e-mailadres; emailadres; mailadres = email
nl telefoon = phone
nl telefoonnummer = phone number
nl mobiel; gsm = mobile
nl mobiel nummer; mobiele nummer; gsm-nummer = mobile number
nl bericht = message
nl opmerkingen; toelichting = comments
nl opmerking = comment
nl vraag = question
nl vragen = questions
nl omschrijving; beschrijving = description
nl datum = date
nl geboortedatum = date of birth
nl gewenste datum = preferred date
nl gewenste tijd = preferred time
nl tijd; tijdstip = time
nl aantal personen = number of guests
nl aantal = number of
nl personen; mensen = people
nl foto = photo
nl foto's; fotos = photos
nl bijlage = attachment
nl bijlagen = attachments
nl adres = address
nl postcode = postcode
nl woonplaats; plaats = city
nl bedrijf = company
nl bedrijfsnaam = company name
nl onderwerp = subject
nl functie = job title
nl leeftijd = age
nl land = country
nl probleem = problem
nl product = product
nl bestelnummer; ordernummer = order number
nl rijbewijs = driving licence
nl allergieen = allergies
nl dieetwensen = dietary requirements
nl beschikbaarheid = availability
nl ervaring = experience
nl motivatie = motivation
nl reden = reason
nl dak = roof
nl ja = yes
nl nee = no
nl heeft u; hebt u; heb je = do you have
nl bent u; ben je = are you
nl wilt u = would you like
nl een = a
nl het; de = the
nl van = of
nl voor = for
nl bij = at
nl met = with
nl en = and
nl of = or
nl uw; je = your
nl ons; onze = our
nl contactformulier = contact form
nl formulier = form
nl aanvraag; aanvragen = request
nl offerte = quote
nl afspraak = appointment
nl afspraak maken = appointment booking
nl reservering = reservation
nl inschrijving; aanmelding = registration
nl sollicitatie = job application
nl sollicitatieformulier = job application form
nl nieuwsbrief = newsletter
nl klacht = complaint
nl tandarts = dentist
nl naam kind; naam van het kind = child's name
nl naam ouder = parent's name
nl naam leerling = student's name
nl kind = child
nl ouder = parent
nl leerling = student
nl wat ging er mis = what went wrong
nl wat is er gebeurd = what happened
nl klachtenformulier = complaint form
nl inschrijfformulier = registration form
nl wij; we = we
nl voorkeur = preference
nl ochtend = morning
nl middag = afternoon
nl avond = evening
nl gasten = guests
nl willen = want
nl graag = please
nl hun = their
nl klanten = customers
nl zich kunnen inschrijven = can sign up
nl kunnen = can
nl inschrijven; aanmelden = sign up
nl waar ben je in geinteresseerd; waar bent u in geinteresseerd; waarin ben je geinteresseerd; waarin bent u geinteresseerd = what are you interested in
nl geinteresseerd in = interested in
nl interesses = interests
nl waar = where
nl wat = what
nl hoe = how
nl welke = which
nl hoeveel = how many
nl hoe tevreden bent u; hoe tevreden ben je = how satisfied are you
nl mogen we contact opnemen; mogen wij contact opnemen = may we contact you
nl zo ja = if so
nl als jonger dan; indien jonger dan = if under
nl als ouder dan; indien ouder dan = if over
nl wanneer = when
nl waarom = why
nl nodig = needed
nl hebben = have
nl zijn = are
nl ook = also
nl verplicht = required
nl optioneel = optional
it nome; il tuo nome = name
it nome e cognome; nome completo = full name
it cognome = last name
it email; e-mail; indirizzo email; indirizzo e-mail = email
it telefono = phone
it numero di telefono = phone number
it cellulare = mobile
it messaggio = message
it note = notes
it domanda = question
it domande = questions
it descrizione = description
it data = date
it data di nascita = date of birth
it data preferita = preferred date
it ora; orario = time
it numero di persone = number of guests
it numero di partecipanti = number of attendees
it persone = people
it numero = number
it foto = photo
it allegato = attachment
it allegati = attachments
it curriculum; curriculum vitae = cv
it indirizzo = address
it cap; codice postale = postcode
it citta = city
it azienda = company
it nome dell'azienda; ragione sociale = company name
it oggetto = subject
it eta = age
it prodotto = product
it problema = problem
it numero d'ordine; numero ordine = order number
it studente = student
it genitore = parent
it allergie = allergies
it disponibilita = availability
it esperienza = experience
it motivazione = motivation
it si = yes
it no = no
it hai gia; ha gia; avete gia = have you already
it hai; avete = do you have
it sei = are you
it partecipato = attended
it e = and
it o = or
it di = of
it del; della; dello; dei; delle = of the
it al; alla = to the
it dal = at the
it per = for
it il; lo; la; le; gli = the
it nostro; nostra = our
it modulo di contatto = contact form
it modulo = form
it richiesta = request
it richiesta di reso = return request
it preventivo = quote
it prenotazione = booking
it visita = appointment
it iscrizione = registration
it candidatura = application
it volontari = volunteers
it associazione = charity
it negozio = shop
it scuola = school
it nome del bambino = child's name
it nome dello studente = student's name
it nome del genitore = parent's name
it cosa e successo = what happened
it reclamo; reclami = complaint
it qualche; eventuali = any
it che dovremmo sapere; che dobbiamo sapere; di cui dovremmo essere a conoscenza = we should know about
it salute = health
nl eventuele = any
nl waar we rekening mee moeten houden; waar wij rekening mee moeten houden = we should know about
it vorrei = i would like
it vogliamo = we want
it abbiamo bisogno di = we need
it un; una; uno = a
it mio; mia = my
it con = with
it che = that
it cosa ti interessa; cosa le interessa; a cosa sei interessato; a cosa e interessato = what are you interested in
it interessi = interests
it cosa = what
it come = how
it quale; quali = which
it quanti; quante = how many
it se si = if so
it se minore di; se ha meno di; se under = if under
it se maggiore di; se ha piu di; se over = if over
it quanto sei soddisfatto; quanto sei soddisfatta; quanto siete soddisfatti = how satisfied are you
it quando = when
it perche = why
it clienti = customers
it obbligatorio = required
it facoltativo; opzionale = optional
it anche = also
it ristorante = restaurant
it preferenza = preference
it mattina = morning
it pomeriggio = afternoon
it sera = evening
it ospiti = guests
it corso = course
it evento = event
"""


def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"nl": {}, "it": {}}
    for line in GLOSSARY.strip().split("\n"):
        head, english = line.split(" = ", 1)
        lang, words = head.split(None, 1)
        for said in words.split(";"):
            table[lang][said.strip()] = english.strip()
    return table


WORDS = _table()
# Little words and field words only the language uses (not English, not es/fr/de/pt): two
# of them make a description Dutch or Italian ("per", "van", "note", "cap", "dal" are
# English words too: glossed, but no evidence).
_OWN = {
    "nl": "naam voornaam achternaam telefoonnummer telefoon bericht opmerkingen opmerking "
    "vraag toelichting omschrijving beschrijving geboortedatum gewenste aantal personen "
    "bijlage adres bedrijf bedrijfsnaam onderwerp heeft hebt bent wilt uw een het voor "
    "bij ons onze nee mobiel gsm e-mailadres emailadres woonplaats leeftijd afspraak "
    "offerte aanvraag aanvragen reservering inschrijving aanmelding contactformulier "
    "sollicitatieformulier formulier rijbewijs wij zijn graag wat welke er ging hoeveel "
    "kunnen klant klanten tevredenheid enquete kinderen deelnemers",
    "it": "cognome cellulare messaggio indirizzo domanda domande descrizione nascita allegato "
    "allegati azienda richiesta prenotazione iscrizione modulo di della dello delle dei "
    "il gli hai avete gia nostro nostra contatto preventivo persone oggetto "
    "citta eta prodotto negozio scuola genitore studente volontari alla reso cosa ordine "
    "successo reclamo reclami sondaggio soddisfazione soddisfatto soddisfatta possiamo "
    "clienti quanti quante quali vorresti vuoi bambini partecipanti "
    # a booking said in Italian: "appuntamento estetista: trattamento, orario preferito"
    "appuntamento appuntamenti trattamento trattamenti preferita preferito preferite preferiti "
    "orario orari volta noi viso massaggio giorno giorni settimana desiderata desiderato "
    "disponibilita tavolo festa compleanno esigenze vostro vostra",
}
OWN_WORDS = {lang: set(words.split()) for lang, words in _OWN.items()}
# Dutch names its forms and field words in one word: "Klachtenformulier", "factuuradres"
NL_COMPOUND = re.compile(r"^[a-z]{3,}(?:formulier|aanvraag|gegevens|adres|naam)$")
YES_NO = {"nl": ("Ja", "Nee"), "it": ("Sì", "No")}
# The engine's own labels for the fields it adds itself, in the marketer's language
STOCK = {
    "full name": {"nl": "Naam", "it": "Nome e cognome"},
    "name": {"nl": "Naam", "it": "Nome"},
    "email": {"nl": "E-mail", "it": "Email"},
    "phone": {"nl": "Telefoon", "it": "Telefono"},
    "phone number": {"nl": "Telefoonnummer", "it": "Numero di telefono"},
    "message": {"nl": "Bericht", "it": "Messaggio"},
    "company": {"nl": "Bedrijf", "it": "Azienda"},
}

# The engine's commonest form names, for a description with no heading of its own:
# English | nl | it
_NAMES = """
Booking Request | Reserveringsaanvraag | Richiesta di prenotazione
Reservation Request | Reserveringsaanvraag | Richiesta di prenotazione
Appointment Request | Afspraakverzoek | Richiesta di appuntamento
Order Form | Bestelformulier | Modulo d'ordine
Quote Request | Offerteaanvraag | Richiesta di preventivo
Pricing Request | Prijsaanvraag | Richiesta di prezzi
Complaint | Klacht | Reclamo
Support Request | Supportaanvraag | Richiesta di assistenza
Newsletter Signup | Aanmelding nieuwsbrief | Iscrizione alla newsletter
Contact Us | Contact | Contatti
Event Registration | Aanmelding evenement | Iscrizione all'evento
Feedback Survey | Tevredenheidsonderzoek | Sondaggio di soddisfazione
Demo Request | Demo-aanvraag | Richiesta di demo
Job Application | Sollicitatie | Candidatura
Volunteer Application | Aanmelding vrijwilliger | Candidatura volontari
Registration | Inschrijving | Iscrizione
Return Request | Retouraanvraag | Richiesta di reso
"""
FORM_NAMES = {
    english: {"nl": nl, "it": it}
    for english, nl, it in (
        [part.strip() for part in line.split("|")] for line in _NAMES.strip().split("\n")
    )
}
