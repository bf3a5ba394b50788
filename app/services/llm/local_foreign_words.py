"""The words of a description in Spanish, French, German or Portuguese that the local
engine reads in English (``local_foreign``), and the names of its commonest forms.

``GLOSSARY``: one line per word or phrase, ``lang kind folded words = English``;
kind ``field`` glosses a whole list item ("fecha preferida" → "preferred date"),
``word`` a word anywhere (what a form is for: "devis" → "quote"; the little words
around it: "para" → "for"), ``type`` a word inside an item nobody glossed whole that
gives the field its type ("Datum" → "date", "número de" → "number of"). Keys are
lower case without accents (``local_foreign.fold``).
"""

from __future__ import annotations

LANGS = ("es", "fr", "de", "pt")

GLOSSARY = """
es field nombre = name
es field nombre completo = full name
es field nombre y apellidos = full name
es field apellido = last name
es field apellidos = last name
es field email = email
es field e-mail = email
es field correo = email
es field correo electronico = email
es field telefono = phone
es field numero de telefono = phone
es field movil = phone
es field empresa = company
es field nombre de la empresa = company name
es field cargo = job title
es field puesto = job title
es field fecha = date
es field fecha preferida = preferred date
es field hora = time
es field hora preferida = preferred time
es field fecha de llegada = arrival date
es field fecha de salida = departure date
es field fecha del evento = event date
es field numero de personas = number of guests
es field personas = number of guests
es field numero de comensales = number of guests
es field comensales = number of guests
es field numero de invitados = number of guests
es field numero de participantes = number of attendees
es field numero de asistentes = number of attendees
es field numero de empleados = number of employees
es field direccion = address
es field codigo postal = postcode
es field ciudad = city
es field pais = country
es field mensaje = message
es field comentarios = comments
es field observaciones = notes
es field presupuesto = budget
es field presupuesto aproximado = approximate budget
es field alergias = allergies
es field alergias alimentarias = allergies
es field restricciones alimentarias = dietary requirements
es field dieta = dietary requirements
es field edad = age
es field talla = size
es field tamano = size
es field numero de pedido = order number
es field numero de factura = invoice number
es field descripcion = description of the problem
es field descripcion del problema = description of the problem
es field motivo = reason
es field motivo de la consulta = reason for the appointment
es field sitio web = website
es field pagina web = website
fr field nom = name
fr field nom complet = full name
fr field nom et prenom = full name
fr field prenom = first name
fr field nom de famille = last name
fr field e-mail = email
fr field email = email
fr field mail = email
fr field courriel = email
fr field adresse e-mail = email
fr field adresse email = email
fr field telephone = phone
fr field numero de telephone = phone
fr field portable = phone
fr field entreprise = company
fr field societe = company
fr field nom de l'entreprise = company name
fr field poste = job title
fr field fonction = job title
fr field date = date
fr field date souhaitee = preferred date
fr field heure = time
fr field heure souhaitee = preferred time
fr field date d'arrivee = arrival date
fr field date de depart = departure date
fr field date de l'evenement = event date
fr field nombre de personnes = number of guests
fr field nombre d'invites = number of guests
fr field nombre de convives = number of guests
fr field nombre de participants = number of attendees
fr field nombre d'employes = number of employees
fr field nombre de salaries = number of employees
fr field adresse = address
fr field code postal = postcode
fr field ville = city
fr field pays = country
fr field message = message
fr field commentaires = comments
fr field budget = budget
fr field allergies = allergies
fr field regime alimentaire = dietary requirements
fr field age = age
fr field taille = size
fr field numero de commande = order number
fr field numero de facture = invoice number
fr field description = description of the problem
fr field description du probleme = description of the problem
fr field motif = reason
fr field site web = website
fr field site internet = website
de field name = name
de field vollstandiger name = full name
de field vor- und nachname = full name
de field vorname = first name
de field nachname = last name
de field e-mail = email
de field email = email
de field e-mail-adresse = email
de field telefon = phone
de field telefonnummer = phone
de field handynummer = phone
de field firma = company
de field unternehmen = company
de field firmenname = company name
de field position = job title
de field datum = date
de field wunschdatum = preferred date
de field wunschtermin = preferred date
de field uhrzeit = time
de field wunschzeit = preferred time
de field anreisedatum = arrival date
de field anreise = arrival date
de field abreisedatum = departure date
de field abreise = departure date
de field anzahl der personen = number of guests
de field personenzahl = number of guests
de field anzahl personen = number of guests
de field anzahl der gaste = number of guests
de field anzahl der teilnehmer = number of attendees
de field teilnehmerzahl = number of attendees
de field anzahl der mitarbeiter = number of employees
de field mitarbeiterzahl = number of employees
de field adresse = address
de field anschrift = address
de field postleitzahl = postcode
de field plz = postcode
de field stadt = city
de field land = country
de field nachricht = message
de field kommentare = comments
de field anmerkungen = notes
de field budget = budget
de field allergien = allergies
de field unvertraglichkeiten = allergies
de field ernahrungswunsche = dietary requirements
de field alter = age
de field grosse = size
de field bestellnummer = order number
de field rechnungsnummer = invoice number
de field beschreibung = description of the problem
de field beschreibung des problems = description of the problem
de field problembeschreibung = description of the problem
de field grund = reason
de field webseite = website
de field website = website
pt field nome = name
pt field nome completo = full name
pt field primeiro nome = first name
pt field apelido = last name
pt field sobrenome = last name
pt field email = email
pt field e-mail = email
pt field correio eletronico = email
pt field telefone = phone
pt field telemovel = phone
pt field celular = phone
pt field empresa = company
pt field nome da empresa = company name
pt field cargo = job title
pt field data = date
pt field data preferida = preferred date
pt field hora = time
pt field horario = time
pt field horario preferido = preferred time
pt field hora preferida = preferred time
pt field data de chegada = arrival date
pt field data de partida = departure date
pt field data do evento = event date
pt field numero de pessoas = number of guests
pt field pessoas = number of guests
pt field numero de convidados = number of guests
pt field numero de participantes = number of attendees
pt field numero de funcionarios = number of employees
pt field morada = address
pt field endereco = address
pt field codigo postal = postcode
pt field cep = postcode
pt field cidade = city
pt field pais = country
pt field mensagem = message
pt field comentarios = comments
pt field observacoes = notes
pt field orcamento = budget
pt field alergias = allergies
pt field restricoes alimentares = dietary requirements
pt field idade = age
pt field tamanho = size
pt field numero da encomenda = order number
pt field numero do pedido = order number
pt field numero da fatura = invoice number
pt field descricao = description of the problem
pt field descricao do problema = description of the problem
pt field motivo = reason
pt field motivo da consulta = reason for the appointment
pt field site = website
es word  solicitud de presupuesto = quote request
es word  pedido de presupuesto = quote request
es word  presupuesto para = quote for
es word  cotizacion = quote
es word  formulario de reserva = booking form
es word  reservas = bookings
es word  reserva = booking
es word  reservar = book
es word  pedir cita = book an appointment
es word  citas = appointments
es word  cita = appointment
es word  quejas = complaints
es word  queja = complaint
es word  reclamaciones = complaints
es word  reclamacion = complaint
es word  boletin informativo = newsletter
es word  boletin = newsletter
es word  suscripcion = subscription
es word  suscribirse = subscribe
es word  inscripcion = registration
es word  encuesta = survey
es word  opinion = feedback
es word  soporte = support
es word  asistencia tecnica = technical support
es word  demostracion = demo
es word  candidatura = application
es word  contacto = contact
es word  formulario = form
es word  solicitud = request
es word  para = for
es word  nuestro = our
es word  nuestra = our
es word  nuestros = our
es word  clientes = customers
es word  nada mas = nothing else
fr word  demande de devis = quote request
fr word  devis = quote
fr word  reservations = bookings
fr word  reservation = booking
fr word  reserver = book
fr word  prise de rendez-vous = appointment booking
fr word  rendez-vous = appointment
fr word  reclamations = complaints
fr word  reclamation = complaint
fr word  plainte = complaint
fr word  lettre d'information = newsletter
fr word  lettre d'informations = newsletter
fr word  infolettre = newsletter
fr word  inscription = registration
fr word  tournoi = tournament
fr word  sondage = survey
fr word  enquete = survey
fr word  avis = feedback
fr word  assistance = support
fr word  demonstration = demo
fr word  candidature = application
fr word  traiteur = catering
fr word  formulaire = form
fr word  demande = request
fr word  pour = for
fr word  notre = our
fr word  nos = our
fr word  clients = customers
fr word  rien d'autre = nothing else
de word  angebotsanfrage = quote request
de word  kostenvoranschlag = quote
de word  angebot = quote
de word  buchungsformular = booking form
de word  buchung = booking
de word  reservierung = reservation
de word  terminanfrage = appointment request
de word  terminbuchung = appointment booking
de word  termin = appointment
de word  beschwerdeformular = complaint form
de word  beschwerde = complaint
de word  reklamation = complaint
de word  newsletter-anmeldung = newsletter sign-up
de word  anmeldung = sign-up
de word  umfrage = survey
de word  kontaktformular = contact form
de word  anfrageformular = enquiry form
de word  anfrage = enquiry
de word  bewerbung = job application
de word  formular = form
de word  fur = for
de word  unser = our
de word  unsere = our
de word  unseren = our
de word  unserem = our
de word  kunden = customers
de word  mehr nicht = nothing else
de word  sonst nichts = nothing else
pt word  pedido de orcamento = quote request
pt word  orcamento para = quote for
pt word  cotacao = quote
pt word  agendamento = appointment booking
pt word  marcacao = appointment
pt word  reservas = bookings
pt word  reserva = booking
pt word  reclamacoes = complaints
pt word  reclamacao = complaint
pt word  queixa = complaint
pt word  boletim informativo = newsletter
pt word  inscricao = registration
pt word  inquerito = survey
pt word  pesquisa = survey
pt word  suporte = support
pt word  candidatura = application
pt word  formulario = form
pt word  pedido = request
pt word  para = for
pt word  nosso = our
pt word  nossa = our
pt word  clientes = customers
pt word  clinica = clinic
pt word  mais nada = nothing else
es field si = yes
es field otro = other
es field otra = other
fr field oui = yes
fr field non = no
fr field autre = other
de field ja = yes
de field nein = no
de field sonstiges = other
de field andere = other
pt field sim = yes
pt field nao = no
pt field outro = other
pt field outra = other
es field cantidad = quantity
es field persona de contacto = contact person
fr field quantite = quantity
fr field interlocuteur = contact person
fr field personne de contact = contact person
de field menge = quantity
de field gewunschte menge = quantity
de field stuckzahl = quantity
de field ansprechpartner = contact person
pt field quantidade = quantity
pt field pessoa de contacto = contact person
es word  si es = if
es word  si = if
es word  especifique = please specify
es word  especificar = please specify
fr word  si = if
fr word  precisez = please specify
fr word  veuillez preciser = please specify
de word  falls = if
de word  wenn = if
de word  bitte angeben = please specify
pt word  se for = if
pt word  se = if
pt word  especifique = please specify
es type  fecha = date
es type  hora = time
es type  numero de = number of
es type  direccion = address
fr type  date = date
fr type  heure = time
fr type  nombre de = number of
de type  datum = date
de type  uhrzeit = time
de type  anzahl der = number of
de type  anzahl = number of
pt type  data = date
pt type  hora = time
pt type  horario = time
pt type  numero de = number of
es type  dia = date
es type  fotos = photos
es type  foto = photo
es type  archivo = file
fr type  jour = date
fr type  photos = photos
fr type  photo = photo
fr type  fichier = file
de type  fotos = photos
de type  foto = photo
de type  bilder = photos
de type  datei = file
pt type  dia = date
pt type  fotos = photos
pt type  fotografias = photos
pt type  ficheiro = file
pt type  arquivo = file
"""

# English form name | es | fr | de | pt
NAMES = """
Booking Request | Solicitud de reserva | Demande de réservation | Buchungsanfrage | Pedido de reserva
Reservation Request | Solicitud de reserva | Demande de réservation | Reservierungsanfrage | Pedido de reserva
Appointment Request | Solicitud de cita | Demande de rendez-vous | Terminanfrage | Pedido de marcação
Quote Request | Solicitud de presupuesto | Demande de devis | Angebotsanfrage | Pedido de orçamento
Pricing Request | Solicitud de precios | Demande de tarifs | Preisanfrage | Pedido de preços
Complaint | Queja | Réclamation | Beschwerde | Reclamação
Support Request | Solicitud de soporte | Demande d'assistance | Supportanfrage | Pedido de suporte
Newsletter Signup | Suscripción al boletín | Inscription à la lettre d'information | Newsletter-Anmeldung | Subscrição da newsletter
Contact Us | Contacto | Contact | Kontakt | Contacto
Event Registration | Inscripción al evento | Inscription à l'événement | Veranstaltungsanmeldung | Inscrição no evento
Feedback Survey | Encuesta de opinión | Enquête de satisfaction | Feedback-Umfrage | Inquérito de opinião
Demo Request | Solicitud de demostración | Demande de démo | Demo-Anfrage | Pedido de demonstração
"""


def _tables() -> dict[str, dict[str, dict[str, str]]]:
    tables: dict[str, dict[str, dict[str, str]]] = {
        kind: {lang: {} for lang in LANGS} for kind in ("field", "word", "type")
    }
    for line in GLOSSARY.strip().splitlines():
        head, english = line.split(" = ", 1)
        lang, kind, words = head.split(None, 2)
        tables[kind][lang][words.strip()] = english.strip()
    return tables


def _names() -> dict[str, dict[str, str]]:
    names = {}
    for line in NAMES.strip().splitlines():
        english, *local = (p.strip() for p in line.split("|"))
        names[english] = dict(zip(LANGS, local, strict=True))
    return names


TABLES = _tables()
FORM_NAMES = _names()
