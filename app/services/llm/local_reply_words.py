"""The local agent's sentences in English, Spanish, French, German, Portuguese, Italian and Dutch.

A lead who writes in Spanish gets the reply in Spanish (issue 20: the local engine demos the
whole product offline; SPEC §6.5), and so in every language the form engine writes forms in.
Formal address throughout (usted, vous, Sie, Lei, u; pt-PT as the product's other Portuguese
texts). Every sentence states only what the person gave or what the team will do: no number
or name of its own, so the grounding validator checks the reply in any language the same way.
"""

from __future__ import annotations

from app.services.llm.local_lead_cues import message_language

LANGS = ("en", "es", "fr", "de", "pt", "it", "nl")

TEXT: dict[str, tuple[str, str, str, str, str, str, str]] = {
    # key: (en, es, fr, de, pt, it, nl)
    "greeting": (
        "Hi {name},",
        "Hola, {name}:",
        "Bonjour {name},",
        "Hallo {name},",
        "Olá {name},",
        "Gentile {name},",
        "Beste {name},",
    ),
    "greeting_anon": (
        "Hello,",
        "Hola:",
        "Bonjour,",
        "Guten Tag,",
        "Olá,",
        "Buongiorno,",
        "Goedendag,",
    ),
    "signature": (
        "Best regards,\nThe {team} team",
        "Un saludo,\nEl equipo de {team}",
        "Cordialement,\nL'équipe {team}",
        "Viele Grüße\nIhr {team}-Team",
        "Com os melhores cumprimentos,\nA equipa {team}",
        "Cordiali saluti,\nIl team di {team}",
        "Met vriendelijke groet,\nHet team van {team}",
    ),
    "signature_anon": (
        "Best regards,\nThe team",
        "Un saludo,\nEl equipo",
        "Cordialement,\nL'équipe",
        "Viele Grüße\nIhr Team",
        "Com os melhores cumprimentos,\nA equipa",
        "Cordiali saluti,\nIl team",
        "Met vriendelijke groet,\nHet team",
    ),
    "opening_topic": (
        "Thank you for asking about {topic}{company}",
        "Gracias por su solicitud de {topic}{company}",
        "Merci pour votre demande de {topic}{company}",
        "Vielen Dank für Ihre Anfrage zu {topic}{company}",
        "Obrigado pelo seu pedido de {topic}{company}",
        "Grazie per la sua richiesta di {topic}{company}",
        "Bedankt voor uw vraag naar {topic}{company}",
    ),
    "for_company": (
        " for {company}",
        " para {company}",
        " pour {company}",
        " für {company}",
        " para {company}",
        " per {company}",
        " voor {company}",
    ),
    "opening": (
        "Thank you for your enquiry",
        "Gracias por su consulta",
        "Merci pour votre demande",
        "Vielen Dank für Ihre Anfrage",
        "Obrigado pelo seu contacto",
        "Grazie per averci contattato",
        "Bedankt voor uw bericht",
    ),
    "on_behalf": (
        " on behalf of {company}",
        " en nombre de {company}",
        " au nom de {company}",
        " im Namen von {company}",
        " em nome de {company}",
        " per conto di {company}",
        " namens {company}",
    ),
    "opening_tender": (
        "Thank you for including us in your tender.",
        "Gracias por invitarnos a su licitación.",
        "Merci de nous avoir inclus dans votre appel d'offres.",
        "Vielen Dank, dass Sie uns in Ihre Ausschreibung einbeziehen.",
        "Obrigado por nos incluir no seu concurso.",
        "Grazie per averci invitato a partecipare alla sua gara.",
        "Bedankt dat u ons bij uw aanbesteding betrekt.",
    ),
    "mentioned": (
        "You mentioned {facts}.",
        "Nos indicó {facts}.",
        "Vous nous avez indiqué {facts}.",
        "Sie nannten {facts}.",
        "Indicou-nos {facts}.",
        "Ci ha indicato {facts}.",
        "U noemde {facts}.",
    ),
    "and": (" and ", " y ", " et ", " und ", " e ", " e ", " en "),
    "budget": (
        "a budget of {v}",
        "un presupuesto de {v}",
        "un budget de {v}",
        "ein Budget von {v}",
        "um orçamento de {v}",
        "un budget di {v}",
        "een budget van {v}",
    ),
    "size": (
        "a company size of {v}",
        "un tamaño de empresa de {v}",
        "une taille d'entreprise de {v}",
        "eine Unternehmensgröße von {v}",
        "uma dimensão de empresa de {v}",
        "una dimensione aziendale di {v}",
        "een bedrijfsgrootte van {v}",
    ),
    "timeline": (
        "your timeline ({v})",
        "su plazo ({v})",
        "votre calendrier ({v})",
        "Ihren Zeitplan ({v})",
        "o seu prazo ({v})",
        "le sue tempistiche ({v})",
        "uw planning ({v})",
    ),
    "asked": (
        "You asked “{q}”, and we will make sure you get an answer.",
        "Nos preguntó «{q}» y nos aseguraremos de que reciba una respuesta.",
        "Vous nous avez demandé « {q} » et nous veillerons à ce que vous ayez une réponse.",
        "Sie fragten „{q}“, und wir sorgen dafür, dass Sie eine Antwort bekommen.",
        "Perguntou-nos «{q}» e vamos garantir que recebe uma resposta.",
        "Ci ha chiesto «{q}» e faremo in modo che riceva una risposta.",
        "U vroeg “{q}”, en we zorgen ervoor dat u een antwoord krijgt.",
    ),
    "needs": (
        "On {v}, the specialist you speak to will take you through the details.",
        "Sobre {v}, el especialista con quien hable le dará los detalles.",
        "Pour {v}, le spécialiste avec qui vous parlerez vous donnera les détails.",
        "Zu {v} gibt Ihnen die Fachperson, mit der Sie sprechen, die Einzelheiten.",
        "Sobre {v}, o especialista com quem falar dar-lhe-á os detalhes.",
        "Riguardo a {v}, lo specialista con cui parlerà le fornirà tutti i dettagli.",
        "Over {v} geeft de specialist met wie u spreekt u alle details.",
    ),
    "pain": (
        "You told us you are {v}.",
        "Nos contó que {v}.",
        "Vous nous avez dit que {v}.",
        "Sie schrieben, dass {v}.",
        "Disse-nos que {v}.",
        "Ci ha detto che {v}.",
        "U vertelde ons dat {v}.",
    ),
    "call": (
        "I'd like to set up a short call with one of our specialists to walk through it with "
        "your situation in mind. Reply with two or three times that suit you and we will confirm.",
        "Me gustaría organizar una breve llamada con uno de nuestros especialistas para verlo "
        "según su situación. Indíquenos dos o tres horarios que le vengan bien y se lo confirmaremos.",
        "J'aimerais organiser un court appel avec l'un de nos spécialistes pour en parler en "
        "tenant compte de votre situation. Indiquez-nous deux ou trois créneaux qui vous "
        "conviennent et nous vous confirmerons.",
        "Gerne würde ich ein kurzes Gespräch mit einem unserer Spezialisten vereinbaren, um alles "
        "mit Blick auf Ihre Situation durchzugehen. Nennen Sie uns zwei oder drei passende "
        "Termine, wir bestätigen dann einen davon.",
        "Gostaria de marcar uma breve chamada com um dos nossos especialistas para analisarmos a "
        "sua situação. Indique-nos dois ou três horários que lhe convenham e confirmaremos.",
        "Vorrei organizzare una breve chiamata con uno dei nostri specialisti per approfondire la sua situazione. Ci indichi due o tre orari che le vadano bene e le confermeremo l'appuntamento.",
        "Graag plan ik een kort gesprek in met een van onze specialisten om alles met uw situatie voor ogen door te nemen. Laat ons twee of drie tijdstippen weten die u goed uitkomen, dan bevestigen wij er een.",
    ),
    "book": (
        "The quickest way forward is a short call with one of our specialists, who will tailor it "
        "to your situation. Pick a time that suits you with the link below.",
        "La forma más rápida de avanzar es una breve llamada con uno de nuestros especialistas, "
        "que la adaptará a su situación. Elija el horario que mejor le venga en el enlace de abajo.",
        "Le plus simple est un court appel avec l'un de nos spécialistes, adapté à votre "
        "situation. Choisissez le créneau qui vous convient avec le lien ci-dessous.",
        "Am schnellsten geht es mit einem kurzen Gespräch mit einem unserer Spezialisten, "
        "abgestimmt auf Ihre Situation. Wählen Sie über den Link unten einen passenden Termin.",
        "A forma mais rápida de avançar é uma breve chamada com um dos nossos especialistas, "
        "adaptada à sua situação. Escolha o horário que lhe convém na ligação abaixo.",
        "Il modo più rapido per procedere è una breve chiamata con uno dei nostri specialisti, pensata per la sua situazione. Scelga l'orario che preferisce tramite il link qui sotto.",
        "De snelste manier om verder te gaan is een kort gesprek met een van onze specialisten, afgestemd op uw situatie. Kies via de link hieronder een moment dat u goed uitkomt.",
    ),
    "subject_topic": (
        "Your request for {topic}",
        "Su solicitud de {topic}",
        "Votre demande de {topic}",
        "Ihre Anfrage zu {topic}",
        "O seu pedido de {topic}",
        "La sua richiesta di {topic}",
        "Uw vraag naar {topic}",
    ),
    "subject": (
        "Your enquiry",
        "Su consulta",
        "Votre demande",
        "Ihre Anfrage",
        "O seu contacto",
        "La sua richiesta",
        "Uw bericht",
    ),
    "subject_tender": (
        "Your tender",
        "Su licitación",
        "Votre appel d'offres",
        "Ihre Ausschreibung",
        "O seu concurso",
        "La sua gara",
        "Uw aanbesteding",
    ),
    "subject_book": (
        "Let's schedule {topic}",
        "Agendemos una llamada",
        "Planifions un appel",
        "Ihr Termin mit uns",
        "Vamos marcar uma chamada",
        "Fissiamo una chiamata",
        "Laten we een gesprek plannen",
    ),
    "interest_topic": (
        "Thanks for your interest in {topic}.",
        "Gracias por su solicitud de {topic}.",
        "Merci pour votre demande de {topic}.",
        "Vielen Dank für Ihre Anfrage zu {topic}.",
        "Obrigado pelo seu pedido de {topic}.",
        "Grazie per la sua richiesta di {topic}.",
        "Bedankt voor uw vraag naar {topic}.",
    ),
    "interest": (
        "Thanks for your enquiry.",
        "Gracias por su consulta.",
        "Merci pour votre demande.",
        "Vielen Dank für Ihre Anfrage.",
        "Obrigado pelo seu contacto.",
        "Grazie per averci contattato.",
        "Bedankt voor uw bericht.",
    ),
    "ask_more": (
        "To point you to the right specialist, could you tell us a little more: {questions}? We "
        "will follow up with the details that matter for you.",
        "Para ponerle en contacto con el especialista adecuado, ¿podría contarnos un poco más: "
        "{questions}? Le responderemos con los detalles que le interesan.",
        "Pour vous orienter vers le bon spécialiste, pourriez-vous nous en dire un peu plus : "
        "{questions} ? Nous reviendrons vers vous avec les informations utiles.",
        "Damit wir Sie an den richtigen Spezialisten weiterleiten können: Könnten Sie uns etwas "
        "mehr erzählen – {questions}? Wir melden uns dann mit den passenden Informationen.",
        "Para o encaminharmos para o especialista certo, pode contar-nos um pouco mais: "
        "{questions}? Voltaremos a contactá-lo com os detalhes que lhe interessam.",
        "Per metterla in contatto con lo specialista giusto, potrebbe dirci qualcosa in più: {questions}? Le risponderemo con i dettagli che le interessano.",
        "Om u met de juiste specialist in contact te brengen: kunt u ons iets meer vertellen over {questions}? We komen dan bij u terug met de details die voor u van belang zijn.",
    ),
    "q_goal": (
        "what you are hoping to achieve",
        "qué espera conseguir",
        "ce que vous souhaitez accomplir",
        "was Sie erreichen möchten",
        "o que pretende alcançar",
        "cosa spera di ottenere",
        "wat u hoopt te bereiken",
    ),
    "q_in_mind": (
        "what you have in mind",
        "qué tiene en mente",
        "ce que vous avez en tête",
        "was Ihnen vorschwebt",
        "o que tem em mente",
        "cosa ha in mente",
        "wat u voor ogen heeft",
    ),
    "q_timeline": (
        "your timeline",
        "su plazo",
        "votre calendrier",
        "Ihren Zeitplan",
        "o seu prazo",
        "le sue tempistiche",
        "uw planning",
    ),
    "q_people": (
        "roughly how many people would use it",
        "cuántas personas lo usarían aproximadamente",
        "combien de personnes l'utiliseraient environ",
        "wie viele Personen es ungefähr nutzen würden",
        "quantas pessoas o utilizariam, aproximadamente",
        "quante persone lo userebbero, più o meno",
        "hoeveel mensen het ongeveer zouden gebruiken",
    ),
    "price": (
        "You asked about price: we will send you our plans and what each one costs.",
        "Nos preguntó por el precio: le enviaremos nuestros planes y lo que cuesta cada uno.",
        "Vous nous avez demandé le prix : nous vous enverrons nos offres et le prix de chacune.",
        "Sie fragten nach dem Preis: Wir schicken Ihnen unsere Tarife und was jeder kostet.",
        "Perguntou-nos o preço: vamos enviar-lhe os nossos planos e quanto custa cada um.",
        "Ci ha chiesto il prezzo: le invieremo i nostri piani e quanto costa ciascuno.",
        "U vroeg naar de prijs: we sturen u onze abonnementen en wat elk ervan kost.",
    ),
    "asked_price": (
        "You asked “{q}”: we will send you our plans and what each one costs.",
        "Nos preguntó «{q}»: le enviaremos nuestros planes y lo que cuesta cada uno.",
        "Vous nous avez demandé « {q} » : nous vous enverrons nos offres et le prix de chacune.",
        "Sie fragten „{q}“: Wir schicken Ihnen unsere Tarife und was jeder kostet.",
        "Perguntou-nos «{q}»: vamos enviar-lhe os nossos planos e quanto custa cada um.",
        "Ci ha chiesto «{q}»: le invieremo i nostri piani e quanto costa ciascuno.",
        "U vroeg “{q}”: we sturen u onze abonnementen en wat elk ervan kost.",
    ),
    "follow_up": (
        "We will follow up with the details that matter for you.",
        "Le responderemos con los detalles que le interesan.",
        "Nous reviendrons vers vous avec les informations utiles.",
        "Wir melden uns dann mit den passenden Informationen.",
        "Voltaremos a contactá-lo com os detalhes que lhe interessam.",
        "Le risponderemo con i dettagli che le interessano.",
        "We komen bij u terug met de details die voor u van belang zijn.",
    ),
    "subject_about_topic": (
        "About {topic}",
        "Sobre su solicitud de {topic}",
        "À propos de votre demande de {topic}",
        "Ihre Anfrage zu {topic}",
        "Sobre o seu pedido de {topic}",
        "In merito alla sua richiesta di {topic}",
        "Over uw vraag naar {topic}",
    ),
    "subject_about": (
        "About your enquiry",
        "Sobre su consulta",
        "À propos de votre demande",
        "Zu Ihrer Anfrage",
        "Sobre o seu contacto",
        "In merito alla sua richiesta",
        "Over uw bericht",
    ),
    "received": (
        "Thank you for getting in touch. {asked}We have received your message and will make sure it "
        "reaches the right person. {later}If you would like to talk to someone directly, just "
        "reply to this email.",
        "Gracias por ponerse en contacto con nosotros. {asked}Hemos recibido su mensaje y nos "
        "aseguraremos de que llegue a la persona adecuada. {later}Si desea hablar directamente "
        "con alguien, responda a este correo.",
        "Merci de nous avoir contactés. {asked}Nous avons bien reçu votre message et veillerons à ce "
        "qu'il parvienne à la bonne personne. {later}Si vous souhaitez parler directement à "
        "quelqu'un, répondez simplement à cet e-mail.",
        "Vielen Dank für Ihre Nachricht. {asked}Wir haben sie erhalten und leiten sie an die richtige "
        "Person weiter. {later}Wenn Sie direkt mit jemandem sprechen möchten, antworten Sie "
        "einfach auf diese E-Mail.",
        "Obrigado pelo seu contacto. {asked}Recebemos a sua mensagem e vamos garantir que chega à pessoa "
        "certa. {later}Se quiser falar diretamente com alguém, basta responder a este e-mail.",
        "Grazie per averci contattato. {asked}Abbiamo ricevuto il suo messaggio e faremo in modo che arrivi alla persona giusta. {later}Se desidera parlare direttamente con qualcuno, risponda pure a questa email.",
        "Bedankt dat u contact met ons heeft opgenomen. {asked}We hebben uw bericht ontvangen en zorgen ervoor dat het bij de juiste persoon terechtkomt. {later}Wilt u iemand rechtstreeks spreken, beantwoord dan gewoon deze e-mail.",
    ),
    "guides": (
        "We will also share a few useful guides from time to time, as you agreed; ",
        "También le enviaremos de vez en cuando algunas guías útiles, como aceptó; ",
        "Nous vous enverrons aussi de temps en temps quelques guides utiles, comme convenu ; ",
        "Wie vereinbart senden wir Ihnen ab und zu auch nützliche Leitfäden; ",
        "Também lhe enviaremos de vez em quando alguns guias úteis, como aceitou; ",
        "Come concordato, di tanto in tanto le invieremo anche qualche guida utile; ",
        "Zoals afgesproken sturen we u af en toe ook een paar nuttige gidsen; ",
    ),
    "subject_received": (
        "Thanks for reaching out",
        "Gracias por escribirnos",
        "Merci pour votre message",
        "Danke für Ihre Nachricht",
        "Obrigado pela sua mensagem",
        "Grazie per averci scritto",
        "Bedankt voor uw bericht",
    ),
    "subject_noted": (
        "We received your message",
        "Hemos recibido su mensaje",
        "Nous avons bien reçu votre message",
        "Wir haben Ihre Nachricht erhalten",
        "Recebemos a sua mensagem",
        "Abbiamo ricevuto il suo messaggio",
        "We hebben uw bericht ontvangen",
    ),
    "student": (
        "Thank you for your interest in our work. We have passed your message to the team, who "
        "will reply if they can help.",
        "Gracias por su interés en nuestro trabajo. Hemos pasado su mensaje al equipo, que le "
        "responderá si puede ayudarle.",
        "Merci pour l'intérêt que vous portez à notre travail. Nous avons transmis votre message "
        "à l'équipe, qui vous répondra si elle peut vous aider.",
        "Vielen Dank für Ihr Interesse an unserer Arbeit. Wir haben Ihre Nachricht an das Team "
        "weitergegeben, das sich meldet, wenn es helfen kann.",
        "Obrigado pelo seu interesse no nosso trabalho. Passámos a sua mensagem à equipa, que lhe "
        "responderá se puder ajudar.",
        "La ringraziamo per l'interesse verso il nostro lavoro. Abbiamo inoltrato il suo messaggio al team, che le risponderà se potrà aiutarla.",
        "Bedankt voor uw interesse in ons werk. We hebben uw bericht doorgestuurd naar het team, dat contact met u opneemt als het u kan helpen.",
    ),
    "job-seeker": (
        "Thank you for your interest in joining us. We have passed your message to the people who "
        "handle hiring.",
        "Gracias por su interés en unirse a nosotros. Hemos pasado su mensaje a las personas que "
        "se encargan de la contratación.",
        "Merci de votre intérêt pour rejoindre notre équipe. Nous avons transmis votre message "
        "aux personnes chargées du recrutement.",
        "Vielen Dank für Ihr Interesse, bei uns mitzuarbeiten. Wir haben Ihre Nachricht an die "
        "Personalabteilung weitergegeben.",
        "Obrigado pelo seu interesse em juntar-se a nós. Passámos a sua mensagem às pessoas "
        "responsáveis pelo recrutamento.",
        "Grazie per il suo interesse a lavorare con noi. Abbiamo inoltrato il suo messaggio alle persone che si occupano delle assunzioni.",
        "Bedankt voor uw interesse om bij ons te werken. We hebben uw bericht doorgestuurd naar de collega's die de werving verzorgen.",
    ),
    "press": (
        "Thank you for reaching out. We have passed your request to the person who handles press "
        "enquiries, who will get back to you.",
        "Gracias por escribirnos. Hemos pasado su solicitud a la persona que atiende a la prensa, "
        "que se pondrá en contacto con usted.",
        "Merci de nous avoir contactés. Nous avons transmis votre demande à la personne chargée "
        "des relations presse, qui reviendra vers vous.",
        "Vielen Dank für Ihre Nachricht. Wir haben Ihre Anfrage an die zuständige Person für "
        "Presseanfragen weitergegeben, die sich bei Ihnen meldet.",
        "Obrigado pelo seu contacto. Passámos o seu pedido à pessoa responsável pela imprensa, "
        "que entrará em contacto consigo.",
        "Grazie per averci contattato. Abbiamo inoltrato la sua richiesta alla persona che si occupa dei rapporti con la stampa, che la ricontatterà.",
        "Bedankt voor uw bericht. We hebben uw verzoek doorgestuurd naar onze contactpersoon voor de pers, die contact met u opneemt.",
    ),
    "investor": (
        "Thank you for your interest in what we are building. We have passed your message to our "
        "founders, who will get back to you.",
        "Gracias por su interés en lo que estamos construyendo. Hemos pasado su mensaje a "
        "nuestros fundadores, que se pondrán en contacto con usted.",
        "Merci de l'intérêt que vous portez à ce que nous construisons. Nous avons transmis votre "
        "message à nos fondateurs, qui reviendront vers vous.",
        "Vielen Dank für Ihr Interesse an dem, was wir aufbauen. Wir haben Ihre Nachricht an "
        "unsere Gründer weitergegeben, die sich bei Ihnen melden.",
        "Obrigado pelo seu interesse no que estamos a construir. Passámos a sua mensagem aos "
        "nossos fundadores, que entrarão em contacto consigo.",
        "Grazie per l'interesse verso ciò che stiamo costruendo. Abbiamo inoltrato il suo messaggio ai nostri fondatori, che la ricontatteranno.",
        "Bedankt voor uw interesse in wat we bouwen. We hebben uw bericht doorgestuurd naar onze oprichters, die contact met u opnemen.",
    ),
    "support": (
        "Thank you for letting us know. We have passed your message to our support team, who will "
        "get back to you as soon as possible.",
        "Gracias por avisarnos. Hemos pasado su mensaje a nuestro equipo de soporte, que le "
        "responderá lo antes posible.",
        "Merci de nous avoir prévenus. Nous avons transmis votre message à notre équipe support, "
        "qui reviendra vers vous dès que possible.",
        "Vielen Dank für den Hinweis. Wir haben Ihre Nachricht an unser Support-Team "
        "weitergegeben, das sich so schnell wie möglich bei Ihnen meldet.",
        "Obrigado por nos informar. Passámos a sua mensagem à nossa equipa de suporte, que lhe "
        "responderá o mais rapidamente possível.",
        "Grazie per la segnalazione. Abbiamo inoltrato il suo messaggio al nostro team di assistenza, che le risponderà il prima possibile.",
        "Bedankt voor uw melding. We hebben uw bericht doorgestuurd naar ons supportteam, dat zo snel mogelijk contact met u opneemt.",
    ),
    "support_logged": (
        "Thanks for contacting support. Your request is logged{ref} and ",
        "Gracias por contactar con soporte. Su solicitud está registrada{ref} y ",
        "Merci d'avoir contacté le support. Votre demande est enregistrée{ref} et ",
        "Vielen Dank, dass Sie sich an den Support wenden. Ihre Anfrage ist erfasst{ref} und ",
        "Obrigado por contactar o suporte. O seu pedido está registado{ref} e ",
        "Grazie per aver contattato l'assistenza. La sua richiesta è stata registrata{ref} e ",
        "Bedankt dat u contact heeft opgenomen met onze supportafdeling. Uw verzoek is geregistreerd{ref} en ",
    ),
    "support_ref": (
        " (reference {ref})",
        " (referencia {ref})",
        " (référence {ref})",
        " (Referenz {ref})",
        " (referência {ref})",
        " (riferimento {ref})",
        " (referentie {ref})",
    ),
    "support_urgent": (
        "marked urgent; a senior engineer is looking at it now.",
        "marcada como urgente; un técnico sénior ya la está revisando.",
        "marquée comme urgente ; un ingénieur expérimenté s'en occupe dès maintenant.",
        "als dringend markiert; ein erfahrener Techniker kümmert sich bereits darum.",
        "marcado como urgente; um técnico sénior já está a analisá-lo.",
        "contrassegnata come urgente; un tecnico esperto la sta già esaminando.",
        "als dringend gemarkeerd; een ervaren technicus bekijkt het nu.",
    ),
    "support_normal": (
        "a support engineer will reply within one business day.",
        "un técnico de soporte le responderá en un día laborable.",
        "un technicien du support vous répondra sous un jour ouvré.",
        "ein Support-Techniker antwortet Ihnen innerhalb eines Werktags.",
        "um técnico de suporte responderá dentro de um dia útil.",
        "un tecnico dell'assistenza le risponderà entro un giorno lavorativo.",
        "een supportmedewerker reageert binnen één werkdag.",
    ),
    "subject_support": (
        "We received your request: {title}",
        "Hemos recibido su solicitud: {title}",
        "Nous avons bien reçu votre demande : {title}",
        "Wir haben Ihre Anfrage erhalten: {title}",
        "Recebemos o seu pedido: {title}",
        "Abbiamo ricevuto la sua richiesta: {title}",
        "We hebben uw verzoek ontvangen: {title}",
    ),
}

# What a lead asked about, as each language says it after the opening's preposition
# ("solicitud de demostración", "Anfrage zu einer Demo").
TOPICS: dict[str, tuple[str, str, str, str, str, str, str]] = {
    "a demo": (
        "a demo",
        "demostración",
        "démonstration",
        "einer Demo",
        "demonstração",
        "una demo",
        "een demo",
    ),
    "pricing": (
        "pricing",
        "precios",
        "tarifs",
        "unseren Preisen",
        "preços",
        "informazioni sui prezzi",
        "onze prijzen",
    ),
    "a quote": (
        "a quote",
        "presupuesto",
        "devis",
        "einem Angebot",
        "orçamento",
        "preventivo",
        "een offerte",
    ),
    "an upgrade": (
        "an upgrade",
        "cambio de plan",
        "changement d'offre",
        "einem Upgrade",
        "upgrade de plano",
        "passaggio a un piano superiore",
        "een upgrade",
    ),
    "a trial": ("a trial", "prueba", "essai", "einem Test", "teste", "prova", "een proefperiode"),
    "a proposal": (
        "a proposal",
        "propuesta",
        "proposition",
        "einem Angebot",
        "proposta",
        "proposta",
        "een voorstel",
    ),
    "wholesale supply": (
        "wholesale supply",
        "venta al por mayor",
        "vente en gros",
        "unserem Großhandel",
        "venda por grosso",
        "fornitura all'ingrosso",
        "groothandelslevering",
    ),
}


def say(key: str, lang: str, **values) -> str:
    """The sentence ``key`` in ``lang`` (English when the language has none)."""
    row = TEXT[key]
    text = (row[LANGS.index(lang)] if lang in LANGS else "") or row[0]  # "" has no translation
    return text.format(**values) if values else text


def topic_in(topic: str, lang: str) -> str:
    return TOPICS[topic][LANGS.index(lang)] if topic in TOPICS else topic


def reply_language(message: str) -> str:
    """The language to answer in: the one the person wrote in when the replies exist in it;
    else English."""
    lang = message_language(message or "")
    return lang if lang in LANGS else "en"
