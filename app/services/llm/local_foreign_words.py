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

from app.services.llm.local_foreign_answers import (
    GLOSSARY_ANSWERS,
    GLOSSARY_IF_SO,
    GLOSSARY_RATE,
)

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
es field empleador = employer
es field tamano de la empresa = company size
es field tamano de empresa = company size
es field numero de empleados = company size
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
es field fecha de compra = purchase date
es field numero de serie = serial number
es field que paso = what happened
es field que ha pasado = what happened
es field pregunta = question
es field su pregunta = question
es field observaciones = notes
es field presupuesto = budget
es field presupuesto aproximado = approximate budget
es field presupuesto estimado = estimated budget
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
fr field employeur = employer
fr field taille de l'entreprise = company size
fr field taille de l entreprise = company size
fr field taille de votre entreprise = company size
fr field nombre de salaries = company size
fr field societe = company
fr field nom de l'entreprise = company name
fr field poste = job title
fr field fonction = job title
fr field date = date
fr field date souhaitee = preferred date
fr field heure = time
fr field heure souhaitee = preferred time
fr field date d'arrivee = arrival date
fr field date d'achat = purchase date
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
fr field numero de serie = serial number
fr field que s'est-il passe = what happened
fr field ce qui s'est passe = what happened
fr field votre question = question
fr field decrivez votre projet = describe your project
fr field budget = budget
fr field budget approximatif = approximate budget
fr field budget estime = estimated budget
fr field budget previsionnel = estimated budget
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
de field interessen = interests
de field interessengebiete = interests
es field intereses = interests
fr field centres d'interet = interests
fr field interets = interests
pt field interesses = interests
pt field areas de interesse = interests
de field nachname = last name
de field e-mail = email
de field email = email
de field e-mail-adresse = email
de field telefon = phone
de field telefonnummer = phone
de field handynummer = phone
de field firma = company
de field arbeitgeber = employer
de field unternehmensgrosse = company size
de field firmengrosse = company size
de field anzahl mitarbeiter = company size
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
de field kaufdatum = purchase date
de field seriennummer = serial number
de field kommentar = comments
de field zufriedenheit = satisfaction
de field lebenslauf = cv
es field curriculum = cv
pt field curriculo = cv
de field was ist passiert = what happened
de field frage = question
de field ihre frage = question
de field anmerkungen = notes
de field budget = budget
de field ungefahres budget = approximate budget
de field budgetrahmen = budget range
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
pt field empregador = employer
pt field entidade patronal = employer
pt field tamanho da empresa = company size
pt field dimensao da empresa = company size
pt field numero de funcionarios = company size
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
pt field data de compra = purchase date
pt field numero de serie = serial number
pt field o que aconteceu = what happened
pt field que aconteceu = what happened
pt field pergunta = question
pt field a sua pergunta = question
pt field descreva o seu projeto = describe your project
pt field observacoes = notes
pt field orcamento = budget
pt field orcamento aproximado = approximate budget
pt field orcamento estimado = estimated budget
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
es word  pedir presupuesto = request a quote
es word  pedir un presupuesto = request a quote
es word  solicitar presupuesto = request a quote
es word  solicitar un presupuesto = request a quote
es word  formulario de contacto = contact form
es word  registro de producto = product registration
es word  registre su producto = register your product
es word  solicitud de propuesta = proposal request
es word  propuesta = proposal
es word  soporte informatico = IT support
es word  mantenimiento = maintenance
es word  gestionado = managed
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
es word  lista de espera = waitlist
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
es word  solicite una llamada = request a callback
es word  solicitar una llamada = request a callback
es word  solicitud de llamada = callback request
es word  pedir una llamada = request a callback
es word  le llamamos = we call you back
es word  llamada sobre = callback about
es word  su pedido = your order
es word  tu pedido = your order
es word  mi pedido = my order
es word  su reserva = your booking
es word  sobre = about
es word  llamada para = callback for
es word  llamada = call
es word  para = for
es word  nuestro = our
es word  nuestra = our
es word  nuestros = our
es word  clientes = customers
es word  nada mas = nothing else
fr word  demande de devis = quote request
fr word  demander un devis = request a quote
fr word  formulaire de contact = contact form
fr word  formulaire de recommandation = referral form
fr word  recommandation de clients = client referral
fr word  recommandation de client = client referral
fr word  enregistrement de votre produit = product registration
fr word  enregistrement de produit = product registration
fr word  enregistrez votre produit = register your product
fr word  proposition commerciale = proposal
fr word  support informatique = IT support
fr word  maintenance informatique = IT maintenance
fr word  infogerance = managed IT
fr word  demande de rappel = callback request
fr word  rappelez-moi = call me back
fr word  petits travaux = odd jobs
fr word  travaux = jobs
fr word  a domicile = at home
fr word  bricolage = odd jobs
fr word  plombier = plumber
fr word  electricien = electrician
fr word  jardinage = gardening
fr word  demenagement = removals
es word  trabajos = jobs
es word  describa = describe
es word  describe = describe
es word  reforma = renovation
es word  reformas = renovations
es word  trabajo = job
es word  chapuzas = odd jobs
es word  fontanero = plumber
es word  electricista = electrician
es word  jardineria = gardening
es word  mudanza = removals
es word  a domicilio = at home
de word  auftrag = job
de word  auftrage = jobs
de word  handwerker = tradesperson
de word  klempner = plumber
de word  elektriker = electrician
de word  gartenarbeiten = gardening jobs
de word  gartenarbeit = gardening job
de word  umzug = removals
pt word  trabalhos = jobs
pt word  trabalho = job
pt word  pequenas reparacoes = odd jobs
pt word  canalizador = plumber
pt word  encanador = plumber
pt word  eletricista = electrician
pt word  jardinagem = gardening
pt word  mudancas = removals
pt word  ao domicilio = at home
fr word  rappelle-moi = call me back
fr word  rappelez-nous = call us back
fr word  contactez-nous = contact us
de word  ruf mich zuruck = call me back
de word  rufen sie mich zuruck = call me back
de word  ruf mich an = call me back
de word  rufen sie mich an = call me back
de word  kontakt = contact
es word  llamenme = call me back
es word  llameme = call me back
es word  llamame = call me back
es word  contactanos = contact us
pt word  ligue-me = call me back
pt word  liga-me = call me back
pt word  liguem-me = call me back
pt word  contacto = contact
pt word  contato = contact
pt word  fale conosco = contact us
fr word  concernant = about
fr word  votre commande = your order
fr word  demander un rappel = request a callback
fr word  etre rappele = a callback
fr word  rappel gratuit = free callback
fr word  rappel telephonique = callback
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
fr word  liste d'attente = waitlist
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
de word  ruckruf-anfrage = callback request
de word  produktregistrierung = product registration
de word  registrieren sie ihr produkt = register your product
de word  ruckrufanfrage = callback request
de word  ruckrufbitte = callback request
de word  ruckrufservice = callback
de word  ruckruf anfordern = request a callback
de word  ruckruf = callback
de word  ruckruf-anfrage zu = callback request about
de word  ruckruf zu = callback about
de word  ruckruf vereinbaren = request a callback
de word  ruckruf vereinbaren zu = request a callback about
de word  angebotsanfrage = quote request
de word  angebot anfordern = request a quote
de word  it-support = IT support
de word  wartungsvertrag = maintenance contract
de word  wartungsvertrage = maintenance contracts
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
de word  warteliste = waitlist
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
pt word  pedido de contacto telefonico = callback request
pt word  registo de produto = product registration
pt word  registro de produto = product registration
pt word  registe o seu produto = register your product
pt word  pedido de contato telefonico = callback request
pt word  solicite uma chamada = request a callback
pt word  pedir uma chamada = request a callback
pt word  contacto telefonico = callback
pt word  contato telefonico = callback
pt word  chamada sobre = callback about
pt word  sua consulta = your appointment
pt word  a sua consulta = your appointment
pt word  sua encomenda = your order
pt word  a sua encomenda = your order
pt word  sobre = about
pt word  dos pais = of the parents
pt word  reembolso de despesas = expense claim
es word  voluntariado = volunteering
fr word  benevolat = volunteering
fr word  benevoles = volunteers
de word  ehrenamt = volunteering
pt word  voluntariado = volunteering
es word  reembolso de gastos = expense claim
es word  nota de gastos = expense claim
fr word  note de frais = expense claim
fr word  remboursement de frais = expense claim
de word  spesenabrechnung = expense claim
de word  auslagenerstattung = expense claim
pt word  aos pais = to the parents
pt word  pedido de orcamento = quote request
pt word  pedir orcamento = request a quote
pt word  pedir um orcamento = request a quote
pt word  solicitar orcamento = request a quote
pt word  solicitar um orcamento = request a quote
pt word  formulario de contacto = contact form
pt word  formulario de contato = contact form
pt word  pedido de proposta = proposal request
pt word  proposta = proposal
pt word  suporte informatico = IT support
pt word  manutencao = maintenance
pt word  gerido = managed
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
pt word  lista de espera = waitlist
pt word  inscricao = registration
pt word  inquerito = survey
pt word  pesquisa = survey
pt word  suporte = support
pt word  candidatura = application
pt word  formulario = form
pt word  pedido = request
es word  contrato de mantenimiento = maintenance contract
es word  contrato = contract
es word  contacte con nosotros = contact us
es word  contactenos = contact us
es word  empleados = employees
es word  solicitud de vacaciones = leave request
es word  urgente = urgent
es word  cerrajero = locksmith
es word  fontanero = plumber
fr word  contrat d'entretien = maintenance contract
fr word  contrat de maintenance = maintenance contract
fr word  contrat = contract
fr word  contactez-nous = contact us
fr word  salaries = employees
fr word  employes = employees
fr word  demande de conges = leave request
fr word  depannage urgent = emergency repair
fr word  depannage = repair
fr word  urgent = urgent
fr word  serrurerie = locksmith
fr word  serrurier = locksmith
fr word  plombier = plumber
fr word  rappel immediat = urgent callback
de word  vertrag = contract
de word  kontaktieren sie uns = contact us
de word  mitarbeiter = employees
de word  mitarbeitende = employees
de word  urlaubsantrag = leave request
de word  notdienst = emergency repair
de word  schlusseldienst = locksmith
de word  notfall = emergency
pt word  contrato de manutencao = maintenance contract
pt word  contrato = contract
pt word  contacte-nos = contact us
pt word  funcionarios = employees
pt word  colaboradores = employees
pt word  pedido de ferias = leave request
pt word  urgente = urgent
pt word  serralheiro = locksmith
pt word  canalizador = plumber
es word  franquicia = franchise
es word  franquicias = franchises
es word  muestras = samples
es word  muestra = sample
es word  inversores = investors
es word  colaboracion = partnership
fr word  echantillons = samples
fr word  echantillon = sample
fr word  investisseurs = investors
fr word  partenariat = partnership
de word  muster = samples
de word  musteranfrage = sample request
de word  probenanfrage = sample request
de word  warenproben = samples
de word  investoren = investors
de word  partnerschaft = partnership
pt word  franquia = franchise
pt word  franchising = franchise
pt word  amostras = samples
pt word  amostra = sample
pt word  investidores = investors
pt word  parceria = partnership
pt word  para = for
pt word  nosso = our
pt word  nossa = our
pt word  clientes = customers
pt word  clinica = clinic
pt word  mais nada = nothing else
es word  consulta gratuita = free consultation
es word  asesoria gratuita = free consultation
es word  donacion = donation
es word  donaciones = donations
es word  proveedores = suppliers
es word  club de lectura = book club
es word  unete = join
es word  concurso = competition
fr word  consultation gratuite = free consultation
fr word  club de lecture = book club
fr word  fournisseurs = suppliers
fr word  concours = competition
fr word  rejoignez = join
fr word  chorale = choir
de word  spendenzusage = donation pledge
de word  spende = donation
de word  lieferanten = suppliers
de word  wettbewerb = competition
de word  fotowettbewerb = photo competition
pt word  consulta gratuita = free consultation
pt word  doacao = donation
pt word  doacoes = donations
pt word  fornecedores = suppliers
pt word  concurso = competition
pt word  junte-se = join
pt word  clube de leitura = book club
fr word  inscrivez-vous = sign up
fr word  formulaire de don = donation form
fr word  faire un don = make a donation
es word  donativo = donation
es word  donativos = donations
fr word  influenceur = influencer
fr word  influenceurs = influencers
de word  lauftreff = running group
de word  laufgruppe = running group
de word  chor = choir
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
es field email de empresa = work email
es field correo de empresa = work email
es field correo corporativo = work email
es field email corporativo = work email
es field correo del trabajo = work email
fr field e-mail professionnel = work email
fr field email professionnel = work email
fr field adresse e-mail professionnelle = work email
de field geschaftliche e-mail = work email
de field firmen-e-mail = work email
de field berufliche e-mail = work email
pt field email profissional = work email
pt field email da empresa = work email
pt field email corporativo = work email
es type  puntuacion = rating
es type  valoraria = rate
es type  valoraria usted = rate
es type  valora = rate
es type  valore = rate
es type  puntuaria = rate
es type  calificaria = rate
fr type  noteriez-vous = rate
fr type  noteriez = rate
fr type  evalueriez-vous = rate
fr type  evalueriez = rate
fr type  notez = rate
fr type  evaluez-vous = rate
fr type  notez-vous = rate
de type  bewerten sie = rate
de type  bewerten = rate
de type  benoten = rate
pt type  avalia = rate
pt type  avaliaria = rate
pt type  avalie = rate
pt type  classificaria = rate
pt type  classifica = rate
es type  valoracion = rating
fr type  note = rating
de type  bewertung = rating
pt type  avaliacao = rating
pt type  nota = rating
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
es word  detalles = details
es word  mas detalles = details
es word  especificar = please specify
fr word  si = if
fr word  precisez = please specify
fr word  details = details
fr word  veuillez preciser = please specify
de word  falls = if
de word  wenn = if
de word  bitte angeben = please specify
pt word  se for = if
pt word  detalhes = details
pt word  mais detalhes = details
pt word  se = if
pt word  especifique = please specify
es field como nos conociste = how did you hear about us
es field como nos conocio = how did you hear about us
es field como se entero de nosotros = how did you hear about us
es field como te enteraste de nosotros = how did you hear about us
fr field comment nous avez-vous connus = how did you hear about us
fr field comment nous avez-vous connu = how did you hear about us
fr field comment avez-vous connu = how did you hear about us
fr field comment avez-vous entendu parler de nous = how did you hear about us
de field wie haben sie von uns erfahren = how did you hear about us
de field wie hast du von uns erfahren = how did you hear about us
de field wie sind sie auf uns aufmerksam geworden = how did you hear about us
pt field como soube de nos = how did you hear about us
pt field como nos conheceu = how did you hear about us
pt field como ficou a saber de nos = how did you hear about us
es word  solicitud de ayuda = support request
es word  ayuda = help
fr word  demande d'aide = support request
fr word  demande d'assistance = support request
es word  reportar = report
es word  denunciar = report
es word  bache = pothole
es word  baches = potholes
es word  farola = streetlight
fr word  signaler = report
fr word  signalement = report
fr word  nid-de-poule = pothole
fr word  nids-de-poule = potholes
fr word  lampadaire = streetlight
fr word  voirie = road
de word  melden = report
de word  schlagloch = pothole
de word  schlaglocher = potholes
de word  strassenlaterne = streetlight
pt field local = location
pt word  reportar = report
pt word  comunicar = report
pt word  buraco = pothole
pt word  buracos = potholes
pt word  estrada = road
pt word  candeeiro = streetlight
de word  storungsmeldung = fault report
de word  storung = fault
pt word  pedido de ajuda = support request
es word  curso = course
fr word  cours = course
de word  kurs = course
de word  sprachkurs = language course
de word  yogakurs = yoga course
pt word  curso = course
es word  datos personales = personal data
es word  supresion de datos = data deletion
es word  proteccion de datos = data protection
fr word  donnees personnelles = personal data
fr word  acces aux donnees = data access
de word  datenauskunft = data access request
de word  datenloschung = data deletion request
de word  datenschutz = data protection
pt word  dados pessoais = personal data
pt word  exclusao de dados = data deletion
pt word  protecao de dados = data protection
es field tipo de habitacion = room type
fr field type de chambre = room type
pt field tipo de quarto = room type
de field zimmertyp = room type
de field zimmerart = room type
es word  habitacion = room
es word  habitaciones = rooms
fr word  chambre = room
fr word  chambres = rooms
pt word  quarto = room
pt word  quartos = rooms
de word  zimmer = room
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
Order Form | Formulario de pedido | Bon de commande | Bestellformular | Formulário de encomenda
Pre-order Form | Formulario de reserva anticipada | Bon de précommande | Vorbestellung | Formulário de pré-encomenda
Ticket Order | Pedido de entradas | Commande de billets | Ticketbestellung | Encomenda de bilhetes
Gift Card Order | Pedido de tarjeta regalo | Commande de carte cadeau | Gutscheinbestellung | Encomenda de cartão-presente
Poll | Encuesta rápida | Sondage | Umfrage | Sondagem
Free Trial Signup | Registro de prueba gratuita | Inscription à l'essai gratuit | Anmeldung zum kostenlosen Test | Registo de avaliação gratuita
Brochure Request | Solicitud de folleto | Demande de brochure | Broschürenanfrage | Pedido de brochura
Catalogue Request | Solicitud de catálogo | Demande de catalogue | Kataloganfrage | Pedido de catálogo
Prospectus Request | Solicitud de folleto informativo | Demande de prospectus | Prospektanfrage | Pedido de prospeto
Information Pack Request | Solicitud de información | Demande de dossier d'information | Infopaket-Anfrage | Pedido de pacote informativo
Membership Renewal | Renovación de socio | Renouvellement d'adhésion | Mitgliedschaftsverlängerung | Renovação de sócio
Subscription Renewal | Renovación de suscripción | Renouvellement d'abonnement | Abo-Verlängerung | Renovação de assinatura
Refer a Friend | Recomienda a un amigo | Parrainez un ami | Freunde werben | Indique um amigo
Testimonial Request | Solicitud de testimonio | Demande de témoignage | Anfrage für ein Kundenzitat | Pedido de testemunho
Replacement Part Request | Solicitud de pieza de repuesto | Demande de pièce de rechange | Ersatzteilanfrage | Pedido de peça de substituição
Unsubscribe Request | Solicitud de baja | Demande de désinscription | Abmeldung | Pedido de cancelamento da subscrição
Scholarship Application | Solicitud de beca | Demande de bourse | Stipendienantrag | Candidatura a bolsa
Quote Request | Solicitud de presupuesto | Demande de devis | Angebotsanfrage | Pedido de orçamento
Pricing Request | Solicitud de precios | Demande de tarifs | Preisanfrage | Pedido de preços
Complaint | Queja | Réclamation | Beschwerde | Reclamação
Support Request | Solicitud de soporte | Demande d'assistance | Supportanfrage | Pedido de suporte
Newsletter Signup | Suscripción al boletín | Inscription à la lettre d'information | Newsletter-Anmeldung | Subscrição da newsletter
Contact Us | Contacto | Contact | Kontakt | Contacto
Event Registration | Inscripción al evento | Inscription à l'événement | Veranstaltungsanmeldung | Inscrição no evento
Feedback Survey | Encuesta de opinión | Enquête de satisfaction | Feedback-Umfrage | Inquérito de opinião
Demo Request | Solicitud de demostración | Demande de démo | Demo-Anfrage | Pedido de demonstração
Meeting Request | Solicitud de reunión | Demande de rendez-vous | Gesprächsanfrage | Pedido de reunião
Waitlist Signup | Lista de espera | Liste d'attente | Warteliste | Lista de espera
Job Application | Solicitud de empleo | Candidature | Bewerbung | Candidatura
Internal Request | Solicitud interna | Demande interne | Interne Anfrage | Pedido interno
Volunteer Application | Solicitud de voluntariado | Candidature de bénévole | Bewerbung als Ehrenamtliche(r) | Candidatura de voluntariado
Expense Claim | Solicitud de reembolso de gastos | Note de frais | Spesenabrechnung | Pedido de reembolso de despesas
Emergency Callback | Llamada de urgencia | Rappel urgent | Notfall-Rückruf | Chamada de urgência
Franchise Enquiry | Solicitud de franquicia | Demande de franchise | Franchise-Anfrage | Pedido de franchising
Sample Request | Solicitud de muestras | Demande d'échantillons | Musteranfrage | Pedido de amostras
Investor Enquiry | Consulta de inversores | Demande d'investisseurs | Anfrage für Investoren | Contacto de investidores
Partnership Inquiry | Solicitud de colaboración | Demande de partenariat | Partnerschaftsanfrage | Pedido de parceria
Donation Pledge | Promesa de donación | Promesse de don | Spendenzusage | Promessa de doação
Donation Form | Donación | Formulaire de don | Spendenformular | Doação
Donation Request | Solicitud de donación | Demande de don | Spendenanfrage | Pedido de doação
Sponsorship Sign-up | Apadrinamiento | Parrainage | Patenschaft | Apadrinhamento
Fundraiser Sign-up | Inscripción de recaudador | Inscription collecteur de fonds | Anmeldung zur Spendenaktion | Inscrição de angariador
Group Sign-up | Inscripción al grupo | Inscription au groupe | Gruppenanmeldung | Inscrição no grupo
Club Sign-up | Inscripción al club | Inscription au club | Club-Anmeldung | Inscrição no clube
Client Referral | Recomendación de cliente | Recommandation de client | Kundenempfehlung | Indicação de cliente
Patient Referral | Derivación de paciente | Orientation de patient | Patientenüberweisung | Encaminhamento de paciente
Data Access Request | Solicitud de acceso a datos | Demande d'accès aux données | Antrag auf Datenzugang | Pedido de acesso a dados
Archive Access Request | Solicitud de acceso al archivo | Demande d'accès aux archives | Antrag auf Archivzugang | Pedido de acesso ao arquivo
Book Club Sign-up | Inscripción al club de lectura | Inscription au club de lecture | Anmeldung zum Buchclub | Inscrição no clube de leitura
Competition Entry | Participación en el concurso | Participation au concours | Wettbewerbsteilnahme | Participação no concurso
Contest Entry | Participación en el concurso | Participation au concours | Wettbewerbsteilnahme | Participação no concurso
Prize Entry | Candidatura al premio | Candidature au prix | Preis-Einreichung | Candidatura ao prémio
Open Call Submission | Convocatoria abierta | Appel à candidatures | Offene Ausschreibung | Chamada aberta
Supplier Registration | Registro de proveedores | Inscription fournisseur | Lieferantenregistrierung | Registo de fornecedores
Supplier Onboarding | Alta de proveedores | Référencement fournisseur | Lieferanten-Onboarding | Integração de fornecedores
Vendor Registration | Registro de proveedores | Inscription fournisseur | Lieferantenregistrierung | Registo de fornecedores
Vendor Onboarding | Alta de proveedores | Référencement fournisseur | Lieferanten-Onboarding | Integração de fornecedores
Contractor Registration | Registro de contratistas | Inscription des prestataires | Registrierung für Auftragnehmer | Registo de empreiteiros
Collaboration Request | Solicitud de colaboración | Demande de collaboration | Kooperationsanfrage | Pedido de colaboração
New Client Enquiry | Consulta de nuevo cliente | Demande de nouveau client | Anfrage als Neukunde | Pedido de novo cliente
Client Intake | Ficha de cliente | Fiche client | Mandantenaufnahme | Ficha de cliente
Case Enquiry | Consulta sobre un caso | Demande concernant un dossier | Fallanfrage | Consulta sobre um caso
New Matter Enquiry | Consulta sobre un nuevo asunto | Demande de nouveau dossier | Anfrage zu einem neuen Mandat | Consulta sobre um novo processo
Open Day Registration | Inscripción a la jornada de puertas abiertas | Inscription à la journée portes ouvertes | Anmeldung zum Tag der offenen Tür | Inscrição no dia aberto
Open Evening Registration | Inscripción a la tarde de puertas abiertas | Inscription à la soirée portes ouvertes | Anmeldung zum Abend der offenen Tür | Inscrição na noite aberta
Open House Registration | Inscripción a la jornada de puertas abiertas | Inscription aux portes ouvertes | Anmeldung zur offenen Besichtigung | Inscrição na visita aberta
Information Evening Registration | Inscripción a la tarde informativa | Inscription à la soirée d'information | Anmeldung zum Infoabend | Inscrição na sessão informativa
Information Session Registration | Inscripción a la sesión informativa | Inscription à la réunion d'information | Anmeldung zur Infoveranstaltung | Inscrição na sessão informativa
Taster Day Registration | Inscripción a la jornada de prueba | Inscription à la journée découverte | Anmeldung zum Schnuppertag | Inscrição no dia experimental
Trial Lesson Booking | Reserva de clase de prueba | Réservation d'un cours d'essai | Buchung einer Probestunde | Marcação de aula experimental
School Enrolment | Matrícula | Inscription scolaire | Schulanmeldung | Matrícula
Course Enrolment | Inscripción al curso | Inscription au cours | Kursanmeldung | Inscrição no curso
Press Accreditation | Acreditación de prensa | Accréditation presse | Presseakkreditierung | Credenciamento de imprensa
Media Accreditation | Acreditación de medios | Accréditation médias | Medienakkreditierung | Credenciamento de mídia
Membership Application | Solicitud de socio | Demande d'adhésion | Mitgliedsantrag | Pedido de adesão
Season Ticket Application | Solicitud de abono de temporada | Demande d'abonnement de saison | Dauerkartenantrag | Pedido de lugar anual
Season Ticket Renewal | Renovación del abono de temporada | Renouvellement de l'abonnement de saison | Dauerkartenverlängerung | Renovação do lugar anual
Permit Application | Solicitud de permiso | Demande de permis | Genehmigungsantrag | Pedido de licença
Licence Application | Solicitud de licencia | Demande de licence | Lizenzantrag | Pedido de licença
Wedding Venue Enquiry | Consulta sobre el salón para bodas | Demande pour un lieu de mariage | Anfrage für die Hochzeitslocation | Pedido de informação sobre o espaço para casamentos
Venue Hire Enquiry | Solicitud de alquiler de salón | Demande de privatisation de salle | Anfrage zur Raumvermietung | Pedido de aluguer de espaço
Callback Request | Solicitud de llamada | Demande de rappel | Rückrufbitte | Pedido de chamada telefónica
Referral | Derivación | Orientation | Überweisung | Encaminhamento
Family Referral | Derivación de familia | Orientation d'une famille | Vermittlung einer Familie | Encaminhamento de família
Data Request | Solicitud de datos | Demande de données | Datenanfrage | Pedido de dados
Information Request | Solicitud de información | Demande d'informations | Informationsanfrage | Pedido de informação
"""


def _tables() -> dict[str, dict[str, dict[str, str]]]:
    tables: dict[str, dict[str, dict[str, str]]] = {
        kind: {lang: {} for lang in LANGS} for kind in ("field", "word", "type")
    }
    for line in f"{GLOSSARY}\n{GLOSSARY_ANSWERS}\n{GLOSSARY_IF_SO}\n{GLOSSARY_RATE}".split("\n"):
        if not line.strip():
            continue
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
