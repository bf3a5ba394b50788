"""The local engine's phrase table: the words its generated forms use, in es, fr, de, pt.

One line per English source text: ``English | es | fr | de | pt``. Lookup is by
exact text (case-insensitive); ``local_translate`` keeps what is not here in the
source language and names it in the draft's notes. Numbers and money ranges
(``$10K-$50K``) need no entry; sample answers (``Jane Smith``) are a form's own
(``local_native_texts``). The form's own words in Dutch and Italian join each line
from ``local_phrases_nl_it``.
"""

from __future__ import annotations

from app.services.llm.local_phrases_nl_it import PHRASES_NL_IT

LOCALES = ("es", "fr", "de", "pt")

_TABLE = """
Submit | Enviar | Envoyer | Absenden | Enviar
Next | Siguiente | Suivant | Weiter | Seguinte
Back | Atrás | Retour | Zurück | Voltar
Yes | Sí | Oui | Ja | Sim
No | No | Non | Nein | Não
Other | Otro | Autre | Sonstiges | Outro
Please specify | Especifique, por favor | Merci de préciser | Bitte angeben | Especifique, por favor
Please explain | Explíquelo, por favor | Merci d'expliquer | Bitte erläutern | Explique, por favor
Please give details | Indique los detalles, por favor | Merci de donner des détails | Bitte Details angeben | Indique os detalhes, por favor
About you | Sobre usted | À propos de vous | Über Sie | Sobre si
Your details | Sus datos | Vos coordonnées | Ihre Angaben | Os seus dados
Your request | Su solicitud | Votre demande | Ihre Anfrage | O seu pedido
Your project | Su proyecto | Votre projet | Ihr Projekt | O seu projeto
Your booking | Su reserva | Votre réservation | Ihre Buchung | A sua reserva
Your issue | Su incidencia | Votre problème | Ihr Anliegen | O seu problema
Your application | Su candidatura | Votre candidature | Ihre Bewerbung | A sua candidatura
Your registration | Su inscripción | Votre inscription | Ihre Anmeldung | A sua inscrição
Your feedback | Su opinión | Votre avis | Ihr Feedback | A sua opinião
More about you | Más sobre usted | Plus sur vous | Mehr über Sie | Mais sobre si
Final details | Últimos detalles | Derniers détails | Letzte Angaben | Últimos detalhes
Anything else | Algo más | Autre chose | Sonstiges | Mais alguma coisa
Anything else? | ¿Algo más? | Autre chose ? | Sonst noch etwas? | Mais alguma coisa?
Customer type | Tipo de cliente | Type de client | Kundentyp | Tipo de cliente
Are you a business or a private customer? | ¿Es usted una empresa o un particular? | Êtes-vous une entreprise ou un particulier ? | Sind Sie Geschäfts- oder Privatkunde? | É uma empresa ou um particular?
Business | Empresa | Entreprise | Unternehmen | Empresa
Individual | Particular | Particulier | Privatperson | Particular
Are you a new or existing customer? | ¿Es usted cliente nuevo o existente? | Êtes-vous un nouveau client ou un client existant ? | Sind Sie Neu- oder Bestandskunde? | É um cliente novo ou existente?
New customer | Cliente nuevo | Nouveau client | Neukunde | Cliente novo
Existing customer | Cliente existente | Client existant | Bestandskunde | Cliente existente
Account number | Número de cuenta | Numéro de compte | Kontonummer | Número de conta
Address | Dirección | Adresse | Adresse | Morada
Allergies or dietary requirements | Alergias o necesidades alimentarias | Allergies ou régime alimentaire | Allergien oder Ernährungswünsche | Alergias ou restrições alimentares
Allergies | Alergias | Allergies | Allergien | Alergias
Any question for the speakers? | ¿Alguna pregunta para los ponentes? | Une question pour les intervenants ? | Eine Frage an die Sprecher? | Alguma pergunta para os oradores?
Anything we should know? | ¿Algo que debamos saber? | Quelque chose à nous signaler ? | Sollten wir noch etwas wissen? | Algo que devamos saber?
App version | Versión de la aplicación | Version de l'application | App-Version | Versão da aplicação
Booking reference | Referencia de la reserva | Référence de réservation | Buchungsnummer | Referência da reserva
Budget | Presupuesto | Budget | Budget | Orçamento
Check-in date | Fecha de llegada | Date d'arrivée | Anreisedatum | Data de entrada
Check-out date | Fecha de salida | Date de départ | Abreisedatum | Data de saída
Child's grade | Curso del niño | Classe de l'enfant | Klassenstufe des Kindes | Ano escolar da criança
Comments | Comentarios | Commentaires | Kommentare | Comentários
Company | Empresa | Entreprise | Unternehmen | Empresa
Company name | Nombre de la empresa | Nom de l'entreprise | Firmenname | Nome da empresa
Company size | Tamaño de la empresa | Taille de l'entreprise | Unternehmensgröße | Dimensão da empresa
Country | País | Pays | Land | País
Date | Fecha | Date | Datum | Data
Deadline | Fecha límite | Date limite | Frist | Prazo
Department | Departamento | Service | Abteilung | Departamento
Describe the problem | Describa el problema | Décrivez le problème | Beschreiben Sie das Problem | Descreva o problema
Destination | Destino | Destination | Reiseziel | Destino
Details | Detalles | Détails | Details | Detalhes
Device | Dispositivo | Appareil | Gerät | Dispositivo
Earliest start date | Fecha de incorporación más temprana | Date de début au plus tôt | Frühester Eintrittstermin | Data de início mais próxima
Email | Correo electrónico | E-mail | E-Mail | E-mail
Event date | Fecha del evento | Date de l'événement | Veranstaltungsdatum | Data do evento
First name | Nombre | Prénom | Vorname | Nome próprio
Full name | Nombre completo | Nom complet | Vollständiger Name | Nome completo
How can we help? | ¿Cómo podemos ayudarle? | Comment pouvons-nous vous aider ? | Wie können wir helfen? | Como podemos ajudar?
How did you hear about us? | ¿Cómo nos conoció? | Comment avez-vous entendu parler de nous ? | Wie haben Sie von uns erfahren? | Como nos conheceu?
How likely are you to recommend us to a friend or colleague? (0-10) | ¿Qué probabilidad hay de que nos recomiende a un amigo o colega? (0-10) | Quelle est la probabilité que vous nous recommandiez à un ami ou un collègue ? (0-10) | Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen? (0-10) | Qual a probabilidade de nos recomendar a um amigo ou colega? (0-10)
How many people do you need? | ¿Cuántas personas necesita? | De combien de personnes avez-vous besoin ? | Wie viele Personen brauchen Sie? | De quantas pessoas precisa?
How satisfied are you overall? | ¿Qué grado de satisfacción tiene en general? | Dans l'ensemble, êtes-vous satisfait ? | Wie zufrieden sind Sie insgesamt? | Qual o seu grau de satisfação geral?
I agree to receive emails and can unsubscribe at any time | Acepto recibir correos y puedo darme de baja en cualquier momento | J'accepte de recevoir des e-mails et peux me désabonner à tout moment | Ich stimme dem Erhalt von E-Mails zu und kann mich jederzeit abmelden | Aceito receber e-mails e posso cancelar a subscrição a qualquer momento
Industry | Sector | Secteur | Branche | Setor
Invoice number | Número de factura | Numéro de facture | Rechnungsnummer | Número da fatura
Job title | Cargo | Poste | Position | Cargo
Title | Título | Titre | Titel | Título
Last name | Apellidos | Nom | Nachname | Apelido
Link to your CV or portfolio | Enlace a su CV o portafolio | Lien vers votre CV ou portfolio | Link zu Ihrem Lebenslauf oder Portfolio | Ligação para o seu CV ou portefólio
LinkedIn profile | Perfil de LinkedIn | Profil LinkedIn | LinkedIn-Profil | Perfil do LinkedIn
Location or address | Ubicación o dirección | Lieu ou adresse | Ort oder Adresse | Local ou morada
Make | Marca | Marque | Marke | Marca
Message | Mensaje | Message | Nachricht | Mensagem
Question | Pregunta | Question | Frage | Pergunta
Tell us more | Cuéntenos más | Dites-nous en plus | Erzählen Sie uns mehr | Conte-nos mais
Mileage | Kilometraje | Kilométrage | Kilometerstand | Quilometragem
Model | Modelo | Modèle | Modell | Modelo
Needed by | Necesario para | Nécessaire pour le | Benötigt bis | Necessário até
New or existing patient | Paciente nuevo o existente | Nouveau patient ou patient existant | Neuer oder bestehender Patient | Paciente novo ou existente
Number of attendees | Número de asistentes | Nombre de participants | Anzahl der Teilnehmenden | Número de participantes
Number of guests | Número de invitados | Nombre d'invités | Anzahl der Gäste | Número de convidados
Number of seats / users | Número de puestos / usuarios | Nombre de postes / utilisateurs | Anzahl der Plätze / Nutzer | Número de lugares / utilizadores
Number of travellers | Número de viajeros | Nombre de voyageurs | Anzahl der Reisenden | Número de viajantes
Operating system | Sistema operativo | Système d'exploitation | Betriebssystem | Sistema operativo
Order number | Número de pedido | Numéro de commande | Bestellnummer | Número da encomenda
Page where it happened | Página donde ocurrió | Page où cela s'est produit | Seite, auf der es passiert ist | Página onde aconteceu
Partnership type | Tipo de colaboración | Type de partenariat | Art der Partnerschaft | Tipo de parceria
Phone | Teléfono | Téléphone | Telefon | Telefone
Position you are applying for | Puesto al que se presenta | Poste visé | Position, für die Sie sich bewerben | Cargo a que se candidata
Postcode / ZIP | Código postal | Code postal | Postleitzahl | Código postal
Preferred date | Fecha preferida | Date souhaitée | Wunschdatum | Data preferida
Preferred time | Hora preferida | Heure souhaitée | Wunschzeit | Hora preferida
Best time to call | Mejor hora para llamarle | Meilleur moment pour vous appeler | Beste Zeit für einen Rückruf | Melhor horário para ligar
Priority | Prioridad | Priorité | Priorität | Prioridade
Product | Producto | Produit | Produkt | Produto
Product area | Área del producto | Partie du produit | Produktbereich | Área do produto
Publication or outlet | Publicación o medio | Publication ou média | Publikation oder Medium | Publicação ou meio
Purchase date | Fecha de compra | Date d'achat | Kaufdatum | Data de compra
Quantity | Cantidad | Quantité | Menge | Quantidade
Reason | Motivo | Raison | Grund | Motivo
Reason for return | Motivo de la devolución | Motif du retour | Grund der Rücksendung | Motivo da devolução
Reason for your request | Motivo de su solicitud | Motif de votre demande | Grund Ihrer Anfrage | Motivo do seu pedido
Reason for your visit | Motivo de su visita | Motif de votre visite | Grund Ihres Besuchs | Motivo da sua visita
Registration number | Matrícula | Immatriculation | Kennzeichen | Matrícula
Request type | Tipo de solicitud | Type de demande | Art der Anfrage | Tipo de pedido
Role(s) you need to fill | Puesto(s) que necesita cubrir | Poste(s) à pourvoir | Zu besetzende Stelle(n) | Cargo(s) a preencher
Room type | Tipo de habitación | Type de chambre | Zimmertyp | Tipo de quarto
Serial number | Número de serie | Numéro de série | Seriennummer | Número de série
Steps to reproduce | Pasos para reproducirlo | Étapes pour reproduire | Schritte zum Nachstellen | Passos para reproduzir
Subject | Asunto | Objet | Betreff | Assunto
Ticket type | Tipo de entrada | Type de billet | Ticketart | Tipo de bilhete
Timeline | Plazo | Calendrier | Zeitrahmen | Prazo
Travel date (departure) | Fecha de viaje (ida) | Date de voyage (aller) | Reisedatum (Hinreise) | Data de viagem (ida)
Travel date (return) | Fecha de viaje (vuelta) | Date de voyage (retour) | Reisedatum (Rückreise) | Data de viagem (regresso)
Website | Sitio web | Site web | Website | Site
What could we improve? | ¿Qué podríamos mejorar? | Que pourrions-nous améliorer ? | Was könnten wir verbessern? | O que poderíamos melhorar?
What did you like most? | ¿Qué es lo que más le gustó? | Qu'avez-vous le plus apprécié ? | Was hat Ihnen am besten gefallen? | O que mais gostou?
What do you need a quote for? | ¿Para qué necesita un presupuesto? | Pour quoi avez-vous besoin d'un devis ? | Wofür benötigen Sie ein Angebot? | Para que precisa de um orçamento?
What would you like to discuss? | ¿De qué le gustaría hablar? | De quoi souhaitez-vous parler ? | Worüber möchten Sie sprechen? | Sobre o que gostaria de falar?
What would you use it for? | ¿Para qué lo usaría? | À quoi cela vous servirait-il ? | Wofür würden Sie es nutzen? | Para que o usaria?
Why do you want to join us? | ¿Por qué quiere unirse a nosotros? | Pourquoi souhaitez-vous nous rejoindre ? | Warum möchten Sie zu uns kommen? | Porque quer juntar-se a nós?
Tell us about your proposal | Háblenos de su propuesta | Parlez-nous de votre proposition | Erzählen Sie uns von Ihrem Vorschlag | Fale-nos da sua proposta
Work email | Correo electrónico del trabajo | E-mail professionnel | Geschäftliche E-Mail | E-mail profissional
Years of relevant experience | Años de experiencia relevante | Années d'expérience pertinente | Jahre einschlägiger Erfahrung | Anos de experiência relevante
You may contact me about my feedback | Pueden contactarme sobre mi opinión | Vous pouvez me contacter au sujet de mon avis | Sie dürfen mich zu meinem Feedback kontaktieren | Podem contactar-me sobre a minha opinião
What happened? | ¿Qué ocurrió? | Que s'est-il passé ? | Was ist passiert? | O que aconteceu?
What's wrong? | ¿Qué ocurre? | Quel est le problème ? | Was ist das Problem? | Qual é o problema?
Start date | Fecha de inicio | Date de début | Startdatum | Data de início
Return date | Fecha de devolución | Date de retour | Rückgabedatum | Data de devolução
Delivery date | Fecha de entrega | Date de livraison | Liefertermin | Data de entrega
Delivery address | Dirección de entrega | Adresse de livraison | Lieferadresse | Morada de entrega
Property address | Dirección del inmueble | Adresse du bien | Adresse der Immobilie | Morada do imóvel
Venue | Lugar | Lieu | Veranstaltungsort | Local
Package | Paquete | Formule | Paket | Pacote
Category | Categoría | Catégorie | Kategorie | Categoria
Size | Talla | Taille | Größe | Tamanho
Meal choice | Elección de menú | Choix du repas | Menüwahl | Escolha de refeição
Wine preference | Preferencia de vino | Préférence de vin | Weinwunsch | Preferência de vinho
Flavour | Sabor | Parfum | Geschmack | Sabor
Colour | Color | Couleur | Farbe | Cor
Preference | Preferencia | Préférence | Präferenz | Preferência
Age | Edad | Âge | Alter | Idade
Photo link | Enlace a la foto | Lien vers la photo | Link zum Foto | Ligação para a foto
Access | Acceso | Accès | Zugang | Acesso
Account & billing | Cuenta y facturación | Compte et facturation | Konto und Abrechnung | Conta e faturação
Afternoon | Tarde | Après-midi | Nachmittag | Tarde
Agency | Agencia | Agence | Agentur | Agência
Changed my mind | Cambié de opinión | J'ai changé d'avis | Meinung geändert | Mudei de ideias
Damaged or faulty | Dañado o defectuoso | Endommagé ou défectueux | Beschädigt oder defekt | Danificado ou com defeito
Dissatisfied | Insatisfecho | Insatisfait | Unzufrieden | Insatisfeito
Double | Doble | Double | Doppelzimmer | Duplo
Education | Educación | Éducation | Bildung | Educação
Engineering | Ingeniería | Ingénierie | Technik | Engenharia
Evening | Noche | Soir | Abend | Noite
Monday | Lunes | Lundi | Montag | Segunda-feira
Tuesday | Martes | Mardi | Dienstag | Terça-feira
Wednesday | Miércoles | Mercredi | Mittwoch | Quarta-feira
Thursday | Jueves | Jeudi | Donnerstag | Quinta-feira
Friday | Viernes | Vendredi | Freitag | Sexta-feira
Saturday | Sábado | Samedi | Samstag | Sábado
Sunday | Domingo | Dimanche | Sonntag | Domingo
Event | Evento | Événement | Veranstaltung | Evento
Existing patient | Paciente existente | Patient existant | Bestehender Patient | Paciente existente
Finance | Finanzas | Finance | Finanzen | Finanças
Financial services | Servicios financieros | Services financiers | Finanzdienstleistungen | Serviços financeiros
Friend or colleague | Un amigo o colega | Un ami ou un collègue | Freund oder Kollege | Um amigo ou colega
General admission | Entrada general | Entrée générale | Allgemeiner Eintritt | Entrada geral
Healthcare | Sanidad | Santé | Gesundheitswesen | Saúde
High | Alta | Haute | Hoch | Alta
High school | Secundaria | Lycée | Oberstufe | Ensino secundário
IT / equipment | Informática / equipos | Informatique / matériel | IT / Ausstattung | Informática / equipamento
Integrations / API | Integraciones / API | Intégrations / API | Integrationen / API | Integrações / API
Just researching | Solo me estoy informando | Je me renseigne | Ich informiere mich nur | Apenas a pesquisar
Low | Baja | Basse | Niedrig | Baixa
Manufacturing | Industria | Industrie | Fertigung | Indústria
Marketing | Marketing | Marketing | Marketing | Marketing
Midday | Mediodía | Midi | Mittag | Meio-dia
Middle school | Secundaria inferior | Collège | Mittelstufe | 2.º e 3.º ciclo
Mobile app | Aplicación móvil | Application mobile | Mobile App | Aplicação móvel
Morning | Mañana | Matin | Vormittag | Manhã
Neutral | Neutral | Neutre | Neutral | Neutro
New patient | Paciente nuevo | Nouveau patient | Neuer Patient | Paciente novo
Next 6 months | Próximos 6 meses | 6 prochains mois | Nächste 6 Monate | Próximos 6 meses
Night | Madrugada | Nuit | Nacht | Madrugada
Normal | Normal | Normale | Normal | Normal
Not as described | No coincide con la descripción | Non conforme à la description | Nicht wie beschrieben | Não corresponde à descrição
Operations | Operaciones | Opérations | Betrieb | Operações
People | Personas | Ressources humaines | Personal | Pessoas
Pre-school | Educación infantil | Maternelle | Vorschule | Pré-escolar
Primary / elementary | Primaria | Primaire | Grundschule | Ensino básico
Public sector | Sector público | Secteur public | Öffentlicher Sektor | Setor público
Purchase | Compra | Achat | Kauf | Compra
Referral | Recomendación | Recommandation | Empfehlung | Recomendação
Reseller | Revendedor | Revendeur | Wiederverkäufer | Revendedor
Retail | Comercio minorista | Commerce de détail | Einzelhandel | Retalho
Sales | Ventas | Ventes | Vertrieb | Vendas
Satisfied | Satisfecho | Satisfait | Zufrieden | Satisfeito
Search engine | Buscador | Moteur de recherche | Suchmaschine | Motor de busca
Single | Individual | Simple | Einzelzimmer | Individual
Social media | Redes sociales | Réseaux sociaux | Soziale Medien | Redes sociais
Software | Software | Logiciel | Software | Software
Student | Estudiante | Étudiant | Student | Estudante
Suite | Suite | Suite | Suite | Suite
Technology / integration | Tecnología / integración | Technologie / intégration | Technologie / Integration | Tecnologia / integração
This month | Este mes | Ce mois-ci | Diesen Monat | Este mês
This quarter | Este trimestre | Ce trimestre | Dieses Quartal | Este trimestre
Time off | Días libres | Congés | Urlaub | Férias
Twin | Dos camas | Lits jumeaux | Zweibettzimmer | Duas camas
Urgent | Urgente | Urgente | Dringend | Urgente
VIP | VIP | VIP | VIP | VIP
Very dissatisfied | Muy insatisfecho | Très insatisfait | Sehr unzufrieden | Muito insatisfeito
Very satisfied | Muy satisfecho | Très satisfait | Sehr zufrieden | Muito satisfeito
Web app | Aplicación web | Application web | Web-App | Aplicação web
Wrong item | Artículo equivocado | Mauvais article | Falscher Artikel | Artigo errado
Wrong size | Talla equivocada | Mauvaise taille | Falsche Größe | Tamanho errado
A link to a PDF, Google Drive file or personal site. | Un enlace a un PDF, un archivo de Google Drive o un sitio personal. | Un lien vers un PDF, un fichier Google Drive ou un site personnel. | Ein Link zu einer PDF, einer Google-Drive-Datei oder einer persönlichen Website. | Uma ligação para um PDF, ficheiro do Google Drive ou site pessoal.
Head of Operations | Director de operaciones | Responsable des opérations | Leiter Betrieb | Diretor de operações
Number of employees | Número de empleados | Nombre d'employés | Anzahl der Mitarbeitenden | Número de funcionários
Please use your company address. | Use la dirección de su empresa. | Utilisez l'adresse de votre entreprise. | Bitte verwenden Sie Ihre Firmenadresse. | Use o endereço da sua empresa.
Street, town, postcode | Calle, ciudad, código postal | Rue, ville, code postal | Straße, Ort, PLZ | Rua, localidade, código postal
Tell us a little about your needs | Cuéntenos un poco lo que necesita | Parlez-nous un peu de vos besoins | Erzählen Sie uns kurz, was Sie brauchen | Fale-nos um pouco do que precisa
What happened, and what did you expect? | ¿Qué ocurrió y qué esperaba? | Que s'est-il passé, et qu'attendiez-vous ? | Was ist passiert, und was haben Sie erwartet? | O que aconteceu e o que esperava?
When do you plan to start? | ¿Cuándo tiene previsto empezar? | Quand prévoyez-vous de commencer ? | Wann möchten Sie beginnen? | Quando pensa começar?
Thank you for your feedback — it helps us improve. | Gracias por su opinión: nos ayuda a mejorar. | Merci pour votre avis : il nous aide à nous améliorer. | Danke für Ihr Feedback – es hilft uns, besser zu werden. | Obrigado pela sua opinião: ajuda-nos a melhorar.
Thanks for applying! We review every application and will get back to you within two weeks. | ¡Gracias por su solicitud! Revisamos cada solicitud y le responderemos en un plazo de dos semanas. | Merci pour votre candidature ! Nous étudions chaque dossier et vous répondrons sous deux semaines. | Danke für Ihre Bewerbung! Wir prüfen jede Bewerbung und melden uns innerhalb von zwei Wochen. | Obrigado pela sua candidatura! Analisamos cada candidatura e responderemos no prazo de duas semanas.
Thanks for offering to volunteer! We'll be in touch soon about how you can help. | ¡Gracias por ofrecerse como voluntario! Le contactaremos pronto para contarle cómo puede ayudar. | Merci de proposer votre aide bénévole ! Nous vous recontacterons bientôt pour voir comment vous pouvez aider. | Danke, dass Sie sich ehrenamtlich engagieren möchten! Wir melden uns bald, wie Sie helfen können. | Obrigado por se oferecer como voluntário! Entraremos em contacto em breve sobre como pode ajudar.
Thanks for applying! Our hiring team reviews every application and will get back to you within two weeks. | ¡Gracias por su candidatura! Nuestro equipo revisa cada solicitud y le responderá en un plazo de dos semanas. | Merci pour votre candidature ! Notre équipe étudie chaque dossier et vous répondra sous deux semaines. | Danke für Ihre Bewerbung! Unser Team prüft jede Bewerbung und meldet sich innerhalb von zwei Wochen. | Obrigado pela sua candidatura! A nossa equipa analisa cada candidatura e responderá no prazo de duas semanas.
Thanks for getting in touch! We'll get back to you within one business day. | ¡Gracias por escribirnos! Le responderemos en un día laborable. | Merci de nous avoir contactés ! Nous vous répondrons sous un jour ouvré. | Danke für Ihre Nachricht! Wir melden uns innerhalb eines Werktags. | Obrigado pelo contacto! Responderemos no prazo de um dia útil.
Thanks for reaching out! Our partnerships team will review your inquiry and reply within a few days. | ¡Gracias por contactarnos! Nuestro equipo de alianzas revisará su consulta y le responderá en unos días. | Merci de nous avoir contactés ! Notre équipe partenariats étudiera votre demande et vous répondra sous quelques jours. | Danke für Ihre Anfrage! Unser Partnerteam prüft sie und antwortet innerhalb weniger Tage. | Obrigado pelo contacto! A nossa equipa de parcerias analisará o seu pedido e responderá dentro de poucos dias.
Thanks for reaching out! We'll look at your content and reply within a few days. | ¡Gracias por escribirnos! Veremos su contenido y le responderemos en unos días. | Merci de nous avoir contactés ! Nous regarderons votre contenu et vous répondrons sous quelques jours. | Danke für Ihre Nachricht! Wir sehen uns Ihre Inhalte an und antworten innerhalb weniger Tage. | Obrigado pelo contacto! Vamos ver o seu conteúdo e responder dentro de poucos dias.
Thanks for enrolling! We'll confirm your place and the details by email. | ¡Gracias por inscribirse! Le confirmaremos su plaza y los detalles por correo electrónico. | Merci pour votre inscription ! Nous vous confirmerons votre place et les détails par e-mail. | Danke für Ihre Anmeldung! Wir bestätigen Ihren Platz und die Details per E-Mail. | Obrigado pela inscrição! Vamos confirmar o seu lugar e os detalhes por email.
Tell us about your content and audience | Cuéntenos sobre su contenido y su audiencia | Parlez-nous de votre contenu et de votre audience | Erzählen Sie uns von Ihren Inhalten und Ihrer Zielgruppe | Fale-nos do seu conteúdo e do seu público
Your channels, your audience, what you'd like to make with us | Sus canales, su audiencia, qué le gustaría crear con nosotros | Vos chaînes, votre audience, ce que vous aimeriez créer avec nous | Ihre Kanäle, Ihre Zielgruppe, was Sie mit uns machen möchten | Os seus canais, o seu público, o que gostaria de criar connosco
Thanks for subscribing! Check your inbox for a welcome email. | ¡Gracias por suscribirse! Revise su bandeja de entrada: le hemos enviado un correo de bienvenida. | Merci de votre inscription ! Un e-mail de bienvenue vous attend dans votre boîte de réception. | Danke für Ihr Abonnement! In Ihrem Posteingang wartet eine Willkommens-E-Mail. | Obrigado pela subscrição! Verifique a sua caixa de entrada: enviámos um e-mail de boas-vindas.
Thanks for your order! We'll confirm the details by email shortly. | ¡Gracias por su pedido! Le confirmaremos los detalles por correo electrónico en breve. | Merci pour votre commande ! Nous vous confirmerons les détails par e-mail sous peu. | Danke für Ihre Bestellung! Wir bestätigen Ihnen die Details in Kürze per E-Mail. | Obrigado pela sua encomenda! Confirmaremos os detalhes por e-mail em breve.
Thanks for your interest! We'll be in touch within one business day to schedule your demo. | ¡Gracias por su interés! Le contactaremos en un día laborable para programar su demostración. | Merci de votre intérêt ! Nous vous contacterons sous un jour ouvré pour planifier votre démo. | Danke für Ihr Interesse! Wir melden uns innerhalb eines Werktags, um Ihre Demo zu planen. | Obrigado pelo seu interesse! Entraremos em contacto no prazo de um dia útil para agendar a sua demonstração.
Thanks — we've got everything we need and the team has been notified. | Gracias: tenemos todo lo necesario y el equipo ya ha sido avisado. | Merci : nous avons tout ce qu'il nous faut et l'équipe a été prévenue. | Danke – wir haben alles, was wir brauchen, und das Team ist informiert. | Obrigado: temos tudo o que precisamos e a equipa já foi notificada.
Thanks — we've opened a ticket and will reply by email soon. | Gracias: hemos abierto una incidencia y le responderemos pronto por correo. | Merci : nous avons ouvert un ticket et vous répondrons bientôt par e-mail. | Danke – wir haben ein Ticket eröffnet und antworten bald per E-Mail. | Obrigado: abrimos um pedido de suporte e responderemos em breve por e-mail.
Thanks! A consultant will call you within one business day to discuss your hiring needs. | ¡Gracias! Un consultor le llamará en un día laborable para hablar de sus necesidades de contratación. | Merci ! Un consultant vous appellera sous un jour ouvré pour parler de vos besoins de recrutement. | Danke! Ein Berater ruft Sie innerhalb eines Werktags an, um Ihren Personalbedarf zu besprechen. | Obrigado! Um consultor ligará no prazo de um dia útil para falar das suas necessidades de contratação.
Thanks! A specialist will send you a tailored quote within one business day. | ¡Gracias! Un especialista le enviará un presupuesto a medida en un día laborable. | Merci ! Un spécialiste vous enverra un devis personnalisé sous un jour ouvré. | Danke! Ein Experte schickt Ihnen innerhalb eines Werktags ein individuelles Angebot. | Obrigado! Um especialista enviará um orçamento à medida no prazo de um dia útil.
Thanks! Check your inbox for a link to confirm a time that suits you. | ¡Gracias! Revise su bandeja de entrada: encontrará un enlace para confirmar la hora que mejor le convenga. | Merci ! Vous allez recevoir un lien pour confirmer l'horaire qui vous convient. | Danke! In Ihrem Posteingang finden Sie einen Link, um einen passenden Termin zu bestätigen. | Obrigado! Verifique a sua caixa de entrada: enviámos uma ligação para confirmar a hora que lhe convém.
Thanks! Your download link is on its way to your inbox. | ¡Gracias! Su enlace de descarga está en camino a su bandeja de entrada. | Merci ! Votre lien de téléchargement arrive dans votre boîte de réception. | Danke! Ihr Download-Link ist auf dem Weg in Ihren Posteingang. | Obrigado! A sua ligação de transferência está a caminho da sua caixa de entrada.
Amount | Importe | Montant | Betrag | Valor
How often? | ¿Con qué frecuencia? | À quelle fréquence ? | Wie oft? | Com que frequência?
One-off | Única vez | Ponctuel | Einmalig | Única
Monthly | Mensual | Mensuel | Monatlich | Mensal
Title of your entry | Título de su obra | Titre de votre œuvre | Titel Ihres Beitrags | Título da sua obra
Your entry | Su obra | Votre œuvre | Ihr Beitrag | A sua obra
Products or services you supply | Productos o servicios que ofrece | Produits ou services que vous fournissez | Produkte oder Leistungen, die Sie liefern | Produtos ou serviços que fornece
Link to your channel or profile | Enlace a su canal o perfil | Lien vers votre chaîne ou profil | Link zu Ihrem Kanal oder Profil | Ligação para o seu canal ou perfil
Audience size | Tamaño de la audiencia | Taille de l'audience | Reichweite | Tamanho da audiência
What kind of collaboration do you have in mind? | ¿Qué tipo de colaboración propone? | Quel type de collaboration envisagez-vous ? | An welche Art von Zusammenarbeit denken Sie? | Que tipo de colaboração tem em mente?
Thank you for your support! Our team will be in touch to confirm the details. | ¡Gracias por su apoyo! Nuestro equipo se pondrá en contacto para confirmar los detalles. | Merci pour votre soutien ! Notre équipe vous contactera pour confirmer les détails. | Danke für Ihre Unterstützung! Unser Team meldet sich, um die Details zu bestätigen. | Obrigado pelo seu apoio! A nossa equipa entrará em contacto para confirmar os detalhes.
Thanks for signing up! The organiser will be in touch with the details. | ¡Gracias por inscribirse! El organizador se pondrá en contacto con los detalles. | Merci de votre inscription ! L'organisateur vous contactera avec les détails. | Danke für Ihre Anmeldung! Die Organisatoren melden sich mit den Details. | Obrigado pela inscrição! O organizador entrará em contacto com os detalhes.
You're unsubscribed. Sorry to see you go! | Se ha dado de baja. ¡Sentimos que se vaya! | Vous êtes désabonné. Dommage de vous voir partir ! | Sie sind abgemeldet. Schade, dass Sie gehen! | A sua subscrição foi cancelada. Lamentamos vê-lo partir!
Thanks for signing up! We'll be in touch to confirm your subscription and first delivery. | ¡Gracias por suscribirse! Le contactaremos para confirmar su suscripción y la primera entrega. | Merci de votre abonnement ! Nous vous contacterons pour confirmer votre abonnement et la première livraison. | Danke für Ihre Anmeldung! Wir melden uns, um Ihr Abo und die erste Lieferung zu bestätigen. | Obrigado pela sua adesão! Entraremos em contacto para confirmar a sua assinatura e a primeira entrega.
Thanks for your booking request! We'll be in touch to confirm your place and the details. | ¡Gracias por su solicitud de reserva! Le contactaremos para confirmar su plaza y los detalles. | Merci pour votre demande de réservation ! Nous vous contacterons pour confirmer votre place et les détails. | Danke für Ihre Buchungsanfrage! Wir melden uns, um Ihren Platz und die Details zu bestätigen. | Obrigado pelo seu pedido de reserva! Entraremos em contacto para confirmar o seu lugar e os detalhes.
Thanks — your entry is in. We'll be in touch once the judging is done. | Gracias: hemos recibido su participación. Le contactaremos cuando el jurado haya decidido. | Merci : votre participation est bien enregistrée. Nous vous contacterons après la délibération du jury. | Danke – Ihr Beitrag ist eingegangen. Wir melden uns, sobald die Jury entschieden hat. | Obrigado: recebemos a sua participação. Entraremos em contacto quando o júri tiver decidido.
Thanks — your application is in. We'll review it and be in touch. | Gracias: hemos recibido su solicitud. La revisaremos y le contactaremos. | Merci : votre demande est bien enregistrée. Nous l'examinerons et reviendrons vers vous. | Danke – Ihr Antrag ist eingegangen. Wir prüfen ihn und melden uns. | Obrigado: recebemos o seu pedido. Vamos analisá-lo e entraremos em contacto.
Thanks for enrolling! We'll confirm your place and the details by email. | ¡Gracias por inscribirse! Le confirmaremos su plaza y los detalles por correo electrónico. | Merci de votre inscription ! Nous vous confirmerons votre place et les détails par e-mail. | Danke für Ihre Anmeldung! Wir bestätigen Ihnen Ihren Platz und die Details per E-Mail. | Obrigado pela inscrição! Confirmaremos a sua vaga e os detalhes por e-mail.
Thanks! We'll call you back as soon as we can. | ¡Gracias! Le llamaremos lo antes posible. | Merci ! Nous vous rappellerons dès que possible. | Danke! Wir rufen Sie so bald wie möglich zurück. | Obrigado! Ligaremos de volta o mais breve possível.
Thanks for your enquiry! Our admissions team will be in touch soon. | ¡Gracias por su consulta! Nuestro equipo de admisiones se pondrá en contacto con usted pronto. | Merci de votre demande ! Notre service des admissions vous contactera bientôt. | Danke für Ihre Anfrage! Unser Aufnahmeteam meldet sich bald bei Ihnen. | Obrigado pelo seu pedido! A nossa equipa de admissões entrará em contacto em breve.
Thanks for letting us know! Your RSVP has been recorded. | ¡Gracias por avisarnos! Hemos registrado su respuesta. | Merci de nous avoir répondu ! Votre réponse est bien enregistrée. | Danke für Ihre Rückmeldung! Wir haben Ihre Antwort notiert. | Obrigado pela sua resposta! Registámos a sua confirmação.
Thanks for signing up! We'll confirm the details by email shortly. | ¡Gracias por inscribirse! Le confirmaremos los detalles por correo electrónico en breve. | Merci de votre inscription ! Nous vous confirmerons les détails par e-mail sous peu. | Danke für Ihre Anmeldung! Wir bestätigen Ihnen die Details in Kürze per E-Mail. | Obrigado pela inscrição! Confirmaremos os detalhes por e-mail em breve.
Thanks for signing up! We'll email you everything you need to start your trial. | ¡Gracias por registrarse! Le enviaremos por correo todo lo necesario para empezar su prueba. | Merci de votre inscription ! Nous vous enverrons par e-mail tout le nécessaire pour démarrer votre essai. | Danke für Ihre Anmeldung! Wir schicken Ihnen per E-Mail alles, was Sie für Ihren Test brauchen. | Obrigado pelo registo! Enviaremos por e-mail tudo o que precisa para começar o seu período de avaliação.
Thanks! We'll be in touch shortly to arrange your test drive. | ¡Gracias! Nos pondremos en contacto en breve para organizar su prueba de conducción. | Merci ! Nous vous contacterons rapidement pour organiser votre essai. | Danke! Wir melden uns in Kürze, um Ihre Probefahrt zu vereinbaren. | Obrigado! Entraremos em contacto em breve para marcar o seu test drive.
Thanks — your vote has been counted. | Gracias: su voto ha quedado registrado. | Merci : votre vote a bien été pris en compte. | Danke – Ihre Stimme wurde gezählt. | Obrigado: o seu voto foi registado.
Thanks — we've received your form. | Gracias: hemos recibido su formulario. | Merci : nous avons bien reçu votre formulaire. | Danke – wir haben Ihr Formular erhalten. | Obrigado: recebemos o seu formulário.
Thanks! We'll send your samples out shortly. | ¡Gracias! Le enviaremos sus muestras en breve. | Merci ! Nous vous enverrons vos échantillons très bientôt. | Danke! Wir schicken Ihnen Ihre Muster in Kürze. | Obrigado! Enviaremos as suas amostras em breve.
Thanks for the referral! Our team will review it and be in touch. | ¡Gracias por la derivación! Nuestro equipo la revisará y le contactará. | Merci pour cette orientation ! Notre équipe l'examinera et reviendra vers vous. | Danke für die Vermittlung! Unser Team prüft sie und meldet sich. | Obrigado pelo encaminhamento! A nossa equipa vai analisá-lo e entrará em contacto.
Thanks for your request! We'll review it and get back to you. | ¡Gracias por su solicitud! La revisaremos y le responderemos. | Merci pour votre demande ! Nous l'examinerons et reviendrons vers vous. | Danke für Ihre Anfrage! Wir prüfen sie und melden uns bei Ihnen. | Obrigado pelo seu pedido! Vamos analisá-lo e responder-lhe.
Thanks for registering! Our procurement team will review your details and be in touch. | ¡Gracias por registrarse! Nuestro equipo de compras revisará sus datos y se pondrá en contacto. | Merci de votre inscription ! Notre service achats étudiera vos informations et vous contactera. | Danke für Ihre Registrierung! Unser Einkaufsteam prüft Ihre Angaben und meldet sich. | Obrigado pelo registo! A nossa equipa de compras analisará os seus dados e entrará em contacto.
Thank you — this has been passed straight to the right person. | Gracias: lo hemos pasado directamente a la persona adecuada. | Merci — votre message a été transmis directement à la bonne personne. | Danke — das wurde direkt an die zuständige Person weitergeleitet. | Obrigado — foi encaminhado diretamente para a pessoa certa.
Thanks! We'll review your details and be in touch if there's a fit. | ¡Gracias! Revisaremos sus datos y nos pondremos en contacto si encaja. | Merci ! Nous étudierons vos informations et vous contacterons si cela correspond. | Danke! Wir prüfen Ihre Angaben und melden uns, wenn es passt. | Obrigado! Vamos analisar os seus dados e entraremos em contacto se houver interesse.
Thanks for reaching out! Our team will review your request and get back to you. | ¡Gracias por contactarnos! Nuestro equipo revisará su solicitud y le responderá. | Merci de nous avoir contactés ! Notre équipe étudiera votre demande et vous répondra. | Danke für Ihre Anfrage! Unser Team prüft sie und meldet sich bei Ihnen. | Obrigado pelo contacto! A nossa equipa analisará o seu pedido e responderá.
Thanks for getting in touch! Someone from our team will contact you shortly. | ¡Gracias por escribirnos! Alguien de nuestro equipo se pondrá en contacto con usted en breve. | Merci de nous avoir contactés ! Un membre de notre équipe vous contactera rapidement. | Danke für Ihre Nachricht! Jemand aus unserem Team meldet sich in Kürze bei Ihnen. | Obrigado pelo contacto! Alguém da nossa equipa entrará em contacto consigo em breve.
Thanks, your request has been logged and the team has been notified. | Gracias, su solicitud ha quedado registrada y el equipo ha sido avisado. | Merci, votre demande a été enregistrée et l'équipe a été prévenue. | Danke, Ihre Anfrage wurde erfasst und das Team ist informiert. | Obrigado, o seu pedido foi registado e a equipa foi notificada.
You're on the list! We'll email you as soon as your spot opens up. | ¡Ya está en la lista! Le escribiremos en cuanto haya una plaza para usted. | Vous êtes sur la liste ! Nous vous écrirons dès qu'une place se libère. | Sie stehen auf der Liste! Wir schreiben Ihnen, sobald Ihr Platz frei wird. | Já está na lista! Enviaremos um e-mail assim que houver lugar para si.
You're registered! A confirmation with all the details is on its way to your inbox. | ¡Inscripción completada! Le hemos enviado una confirmación con todos los detalles. | Vous êtes inscrit ! Une confirmation avec tous les détails arrive dans votre boîte de réception. | Sie sind angemeldet! Eine Bestätigung mit allen Details ist unterwegs in Ihren Posteingang. | Inscrição feita! Uma confirmação com todos os detalhes está a caminho da sua caixa de entrada.
You're registered! We've emailed you the link to join — see you there. | ¡Inscripción completada! Le hemos enviado el enlace para unirse. ¡Nos vemos allí! | Vous êtes inscrit ! Nous vous avons envoyé le lien pour participer. À bientôt ! | Sie sind angemeldet! Wir haben Ihnen den Link zur Teilnahme geschickt – bis bald! | Inscrição feita! Enviámos-lhe a ligação para participar. Até lá!
Number of bedrooms | Número de dormitorios | Nombre de chambres | Anzahl der Schlafzimmer | Número de quartos
Breed | Raza | Race | Rasse | Raça
Word count | Número de palabras | Nombre de mots | Wortanzahl | Número de palavras
Flat number | Número de piso | Numéro d'appartement | Wohnungsnummer | Número do apartamento
Preferred day | Día preferido | Jour souhaité | Wunschtag | Dia preferido
Class | Clase | Cours | Kurs | Aula
Start time | Hora de inicio | Heure de début | Startzeit | Hora de início
T-shirt size | Talla de camiseta | Taille de t-shirt | T-Shirt-Größe | Tamanho da t-shirt
Experience | Experiencia | Expérience | Erfahrung | Experiência
Shipping address | Dirección de envío | Adresse d'expédition | Versandadresse | Morada de envio
Manual | Manual | Manuelle | Schaltgetriebe | Manual
Automatic | Automático | Automatique | Automatik | Automático
Team size | Tamaño del equipo | Taille de l'équipe | Teamgröße | Dimensão da equipa
Site address | Dirección de la obra | Adresse du site | Adresse des Standorts | Morada do local
Height | Altura | Hauteur | Höhe | Altura
Delivery | Entrega a domicilio | Livraison | Lieferung | Entrega
Collection | Recogida | Retrait | Abholung | Recolha
When it happened? | ¿Cuándo ocurrió? | Quand cela s'est-il produit ? | Wann ist es passiert? | Quando aconteceu?
Pick-up date | Fecha de recogida | Date de retrait | Abholdatum | Data de recolha
Collection date | Fecha de recogida | Date de retrait | Abholdatum | Data de recolha
Business name | Nombre del negocio | Nom de l'entreprise | Name des Unternehmens | Nome da empresa
Budget range | Rango de presupuesto | Fourchette de budget | Budgetrahmen | Intervalo de orçamento
Seats | Plazas | Places | Plätze | Lugares
Moving date | Fecha de mudanza | Date du déménagement | Umzugsdatum | Data da mudança
Move-in date | Fecha de entrada | Date d'emménagement | Einzugsdatum | Data de entrada
Dietary requirements | Necesidades alimentarias | Régime alimentaire | Ernährungswünsche | Restrições alimentares
Dietary needs | Necesidades alimentarias | Régime alimentaire | Ernährungswünsche | Restrições alimentares
Source language | Idioma de origen | Langue source | Ausgangssprache | Língua de partida
Target language | Idioma de destino | Langue cible | Zielsprache | Língua de chegada
Language pair | Par de idiomas | Paire de langues | Sprachpaar | Par de línguas
What went wrong? | ¿Qué salió mal? | Qu'est-ce qui n'a pas fonctionné ? | Was ist schiefgelaufen? | O que correu mal?
Photos link | Enlace a las fotos | Lien vers les photos | Link zu den Fotos | Ligação para as fotos
Photos | Fotos | Photos | Fotos | Fotos
Issue | Incidencia | Problème | Problem | Problema
Model number | Número de modelo | Numéro de modèle | Modellnummer | Número do modelo
Reason for visit | Motivo de la visita | Motif de la visite | Grund des Besuchs | Motivo da visita
Service | Servicio | Service | Leistung | Serviço
Species | Especie | Espèce | Tierart | Espécie
Insurance provider | Aseguradora | Assureur | Versicherung | Seguradora
Course of interest | Curso de interés | Formation souhaitée | Gewünschter Kurs | Curso de interesse
Availability | Disponibilidad | Disponibilités | Verfügbarkeit | Disponibilidade
Portfolio link | Enlace al portafolio | Lien vers le portfolio | Link zum Portfolio | Ligação para o portefólio
Level | Nivel | Niveau | Niveau | Nível
Practice name | Nombre de la consulta | Nom du cabinet | Name der Praxis | Nome do consultório
Event type | Tipo de evento | Type d'événement | Art der Veranstaltung | Tipo de evento
Date of travel | Fecha del viaje | Date du voyage | Reisedatum | Data da viagem
Child name | Nombre del niño | Nom de l'enfant | Name des Kindes | Nome da criança
Error message | Mensaje de error | Message d'erreur | Fehlermeldung | Mensagem de erro
Room | Habitación | Chambre | Zimmer | Quarto
Arrival date | Fecha de llegada | Date d'arrivée | Ankunftsdatum | Data de chegada
Departure date | Fecha de salida | Date de départ | Abreisedatum | Data de partida
School name | Nombre del colegio | Nom de l'école | Name der Schule | Nome da escola
Dog | Perro | Chien | Hund | Cão
Cat | Gato | Chat | Katze | Gato
Manual or automatic | Manual o automático | Manuelle ou automatique | Schaltung oder Automatik | Manual ou automático
Abstract | Resumen | Résumé | Zusammenfassung | Resumo
Policy number | Número de póliza | Numéro de police | Versicherungsnummer | Número da apólice
Small | Pequeño | Petit | Klein | Pequeno
Medium | Mediano | Moyen | Mittel | Médio
Large | Grande | Grand | Groß | Grande
Organisation name | Nombre de la organización | Nom de l'organisation | Name der Organisation | Nome da organização
Amount requested | Importe solicitado | Montant demandé | Beantragter Betrag | Montante solicitado
Pet type | Tipo de mascota | Type d'animal | Tierart | Tipo de animal
Order type | Tipo de pedido | Type de commande | Bestellart | Tipo de encomenda
Property type | Tipo de inmueble | Type de bien | Art der Immobilie | Tipo de imóvel
Commercial | Comercial | Commercial | Gewerblich | Comercial
Residential | Residencial | Résidentiel | Privat | Residencial
Licence number | Número de permiso | Numéro de permis | Führerscheinnummer | Número da carta
Driver's age | Edad del conductor | Âge du conducteur | Alter des Fahrers | Idade do condutor
Student ID | Carné de estudiante | Carte d'étudiant | Studierendenausweis | Cartão de estudante
Are you a student? | ¿Es usted estudiante? | Êtes-vous étudiant ? | Sind Sie Studierende(r)? | É estudante?
Do you have dental insurance? | ¿Tiene seguro dental? | Avez-vous une assurance dentaire ? | Haben Sie eine Zahnversicherung? | Tem seguro dentário?
Are you attending the dinner? | ¿Asistirá a la cena? | Participerez-vous au dîner ? | Nehmen Sie am Abendessen teil? | Vai participar no jantar?
Would you like a call back? | ¿Quiere que le llamemos? | Souhaitez-vous être rappelé ? | Möchten Sie einen Rückruf? | Quer que lhe liguemos?
Are you moving house? | ¿Se muda de casa? | Déménagez-vous ? | Ziehen Sie um? | Vai mudar de casa?
Visa | Visado | Visa | Visum | Visto
Asset tag | Etiqueta de inventario | Numéro d'inventaire | Inventarnummer | Etiqueta de inventário
Hardware | Hardware | Matériel | Hardware | Hardware
Thank you! We have received your submission. | ¡Gracias! Hemos recibido su envío. | Merci ! Nous avons bien reçu votre envoi. | Danke! Wir haben Ihre Angaben erhalten. | Obrigado! Recebemos o seu envio.
Thanks for your enquiry! We'll get back to you within one business day. | ¡Gracias por su consulta! Le responderemos en un día laborable. | Merci pour votre demande ! Nous vous répondrons sous un jour ouvré. | Danke für Ihre Anfrage! Wir melden uns innerhalb eines Werktags. | Obrigado pelo seu pedido de informação! Responderemos no prazo de um dia útil.
Thanks for your inquiry! We'll get back to you within one business day. | ¡Gracias por su consulta! Le responderemos en un día laborable. | Merci pour votre demande ! Nous vous répondrons sous un jour ouvré. | Danke für Ihre Anfrage! Wir melden uns innerhalb eines Werktags. | Obrigado pelo seu pedido de informação! Responderemos no prazo de um dia útil.
We've received your cancellation request and will confirm it by email. | Hemos recibido su solicitud de baja y se la confirmaremos por correo electrónico. | Nous avons bien reçu votre demande de résiliation et vous la confirmerons par e-mail. | Wir haben Ihre Kündigung erhalten und bestätigen sie Ihnen per E-Mail. | Recebemos o seu pedido de cancelamento e vamos confirmá-lo por e-mail.
Thanks for your booking request! We'll check availability and confirm by email shortly. | ¡Gracias por su solicitud de reserva! Comprobaremos la disponibilidad y se la confirmaremos por correo electrónico en breve. | Merci pour votre demande de réservation ! Nous vérifions les disponibilités et vous confirmerons par e-mail sous peu. | Danke für Ihre Buchungsanfrage! Wir prüfen die Verfügbarkeit und bestätigen Ihnen in Kürze per E-Mail. | Obrigado pelo seu pedido de reserva! Vamos verificar a disponibilidade e confirmaremos por e-mail em breve.
You're on the list! We'll email you as soon as it's available. | ¡Ya está en la lista! Le escribiremos en cuanto esté disponible. | Vous êtes sur la liste ! Nous vous écrirons dès que ce sera disponible. | Sie stehen auf der Liste! Wir schreiben Ihnen, sobald es verfügbar ist. | Já está na lista! Enviaremos um e-mail assim que estiver disponível.
"""

# "e.g. Toyota": the example stays, the abbreviation is translated.
EXAMPLE_PREFIX = {
    "es": "p. ej. ",
    "fr": "p. ex. ",
    "de": "z. B. ",
    "pt": "ex.: ",
    "nl": "bijv. ",
    "it": "es. ",
}


def _load() -> dict[str, dict[str, str]]:
    table = {}
    for line in _TABLE.strip().splitlines():
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) != 1 + len(LOCALES):
            raise ValueError(f"phrase table line needs {1 + len(LOCALES)} columns: {line!r}")
        table[parts[0].lower()] = dict(zip(LOCALES, parts[1:], strict=True))
    return table


PHRASES = _load()
for _english, _said in PHRASES_NL_IT.items():  # the form's own words in Dutch and Italian
    PHRASES.setdefault(_english, {}).update(_said)
