"""The names of the local engine's commonest forms in Spanish, French, German and
Portuguese (``FORM_NAMES``): one line per form, ``English | es | fr | de | pt``."""

from __future__ import annotations

from app.services.llm.local_foreign_words import LANGS

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


def _names() -> dict[str, dict[str, str]]:
    names = {}
    for line in NAMES.strip().splitlines():
        english, *local = (p.strip() for p in line.split("|"))
        names[english] = dict(zip(LANGS, local, strict=True))
    return names


FORM_NAMES = _names()
