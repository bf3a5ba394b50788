"""The phrase table's Dutch and Italian: the words a form written in nl or it shows of its own.

A description in Dutch or Italian is labelled in the marketer's words (``local_dutch_italian``);
what the engine writes itself (the button, the thank-you, a step title, a stock answer, a
placeholder) comes from here. One line per English source text: ``English | nl | it``, the
English as in ``local_phrases``. nl and it are no ``LOCALES``: a form can not yet be asked
for in a Dutch or Italian version, whose every label would need a line.
"""

from __future__ import annotations

NL_IT = ("nl", "it")

_TABLE = """
Submit | Verzenden | Invia
Next | Volgende | Avanti
Back | Terug | Indietro
Yes | Ja | Sì
No | Nee | No
Other | Anders | Altro
Please specify | Graag toelichten | Specificare
Please explain | Graag toelichten | Spiegare
Please give details | Geef graag details | Fornire i dettagli
Your details | Uw gegevens | I tuoi dati
Your request | Uw aanvraag | La tua richiesta
Your project | Uw project | Il tuo progetto
Your booking | Uw reservering | La tua prenotazione
Your issue | Uw probleem | Il tuo problema
Your application | Uw sollicitatie | La tua candidatura
Your registration | Uw inschrijving | La tua iscrizione
Your feedback | Uw feedback | Il tuo feedback
More about you | Meer over u | Altro su di te
More details | Meer details | Altri dettagli
Final details | Laatste details | Ultimi dettagli
Morning | Ochtend | Mattina
Midday | Rond het middaguur | Mezzogiorno
Afternoon | Middag | Pomeriggio
Evening | Avond | Sera
I'm happy for you to contact me | U mag contact met mij opnemen | Potete ricontattarmi
You may contact me about my feedback | U mag contact met mij opnemen over mijn feedback | Potete ricontattarmi riguardo al mio feedback
I agree to receive emails and can unsubscribe at any time | Ik ga akkoord met het ontvangen van e-mails en kan me altijd afmelden | Accetto di ricevere email e posso disiscrivermi in qualsiasi momento
I agree to my details being stored to answer my request | Ik ga akkoord met het bewaren van mijn gegevens om mijn aanvraag te beantwoorden | Acconsento alla conservazione dei miei dati per rispondere alla mia richiesta
Street, town, postcode | Straat, plaats, postcode | Via, città, CAP
Tell us a little about your needs | Vertel ons kort wat u nodig heeft | Raccontaci in breve di cosa hai bisogno
How can we help? | Hoe kunnen we u helpen? | Come possiamo aiutarti?
What happened, and what did you expect? | Wat gebeurde er, en wat verwachtte u? | Cosa è successo e cosa ti aspettavi?
Thank you for your feedback — it helps us improve. | Bedankt voor uw feedback, daarmee kunnen we beter worden. | Grazie per il tuo feedback: ci aiuta a migliorare.
Thanks for applying! We review every application and will get back to you within two weeks. | Bedankt voor uw sollicitatie! We bekijken elke sollicitatie en laten binnen twee weken van ons horen. | Grazie per la candidatura! Esaminiamo ogni candidatura e ti risponderemo entro due settimane.
Thanks for offering to volunteer! We'll be in touch soon about how you can help. | Bedankt dat u vrijwilliger wilt worden! We nemen snel contact op over hoe u kunt helpen. | Grazie per esserti offerto come volontario! Ti contatteremo presto per dirti come puoi aiutare.
Thanks for applying! Our hiring team reviews every application and will get back to you within two weeks. | Bedankt voor uw sollicitatie! Ons team bekijkt elke sollicitatie en laat binnen twee weken van zich horen. | Grazie per la candidatura! Il nostro team esamina ogni candidatura e ti risponderà entro due settimane.
Thanks for getting in touch! We'll get back to you within one business day. | Bedankt voor uw bericht! We reageren binnen één werkdag. | Grazie per averci contattato! Ti risponderemo entro un giorno lavorativo.
Thanks for reaching out! Our partnerships team will review your inquiry and reply within a few days. | Bedankt voor uw bericht! Ons partnerteam bekijkt uw aanvraag en reageert binnen enkele dagen. | Grazie per averci contattato! Il nostro team partnership esaminerà la tua richiesta e ti risponderà entro pochi giorni.
Thanks for reaching out! We'll look at your content and reply within a few days. | Bedankt voor uw bericht! We bekijken uw content en reageren binnen enkele dagen. | Grazie per averci contattato! Guarderemo i tuoi contenuti e ti risponderemo entro pochi giorni.
Thanks for enrolling! We'll confirm your place and the details by email. | Bedankt voor uw inschrijving! We bevestigen uw plaats en de details per e-mail. | Grazie per l'iscrizione! Ti confermeremo il posto e i dettagli via email.
Thanks for subscribing! Check your inbox for a welcome email. | Bedankt voor uw aanmelding! Kijk in uw inbox voor een welkomstmail. | Grazie per l'iscrizione! Controlla la tua casella di posta: ti abbiamo inviato un'email di benvenuto.
Thanks for your order! We'll confirm the details by email shortly. | Bedankt voor uw bestelling! We bevestigen de details binnenkort per e-mail. | Grazie per l'ordine! Ti confermeremo a breve i dettagli via email.
Thanks for your interest! We'll be in touch within one business day to schedule your demo. | Bedankt voor uw interesse! We nemen binnen één werkdag contact op om uw demo in te plannen. | Grazie per l'interesse! Ti contatteremo entro un giorno lavorativo per fissare la demo.
Thanks — we've got everything we need and the team has been notified. | Bedankt, we hebben alles wat we nodig hebben en het team is op de hoogte gebracht. | Grazie, abbiamo tutto ciò che ci serve e il team è stato avvisato.
Thanks — we've opened a ticket and will reply by email soon. | Bedankt, we hebben een ticket aangemaakt en reageren snel per e-mail. | Grazie, abbiamo aperto un ticket e ti risponderemo presto via email.
Thanks! A consultant will call you within one business day to discuss your hiring needs. | Bedankt! Een consultant belt u binnen één werkdag om uw personeelsbehoefte te bespreken. | Grazie! Un consulente ti chiamerà entro un giorno lavorativo per parlare delle tue esigenze di personale.
Thanks! A specialist will send you a tailored quote within one business day. | Bedankt! Een specialist stuurt u binnen één werkdag een offerte op maat. | Grazie! Uno specialista ti invierà un preventivo su misura entro un giorno lavorativo.
Thanks! Check your inbox for a link to confirm a time that suits you. | Bedankt! In uw inbox vindt u een link om een tijd te bevestigen die u schikt. | Grazie! Nella tua casella di posta trovi un link per confermare l'orario che preferisci.
Thanks! Your download link is on its way to your inbox. | Bedankt! Uw downloadlink is onderweg naar uw inbox. | Grazie! Il link per il download sta arrivando nella tua casella di posta.
Thank you for your support! Our team will be in touch to confirm the details. | Bedankt voor uw steun! Ons team neemt contact op om de details te bevestigen. | Grazie per il tuo sostegno! Il nostro team ti contatterà per confermare i dettagli.
Thanks for signing up! The organiser will be in touch with the details. | Bedankt voor uw aanmelding! De organisator neemt contact op met de details. | Grazie per l'iscrizione! L'organizzatore ti contatterà con i dettagli.
You're unsubscribed. Sorry to see you go! | U bent afgemeld. Jammer dat u gaat! | Disiscrizione completata. Ci dispiace vederti andare via!
Thanks for signing up! We'll be in touch to confirm your subscription and first delivery. | Bedankt voor uw aanmelding! We nemen contact op om uw abonnement en eerste levering te bevestigen. | Grazie per l'iscrizione! Ti contatteremo per confermare l'abbonamento e la prima consegna.
Thanks for your booking request! We'll be in touch to confirm your place and the details. | Bedankt voor uw reserveringsaanvraag! We nemen contact op om uw plaats en de details te bevestigen. | Grazie per la richiesta di prenotazione! Ti contatteremo per confermare il posto e i dettagli.
Thanks — your entry is in. We'll be in touch once the judging is done. | Bedankt, uw inzending is binnen. We nemen contact op zodra de jury heeft beslist. | Grazie, abbiamo ricevuto la tua partecipazione. Ti contatteremo quando la giuria avrà deciso.
We've received your cancellation request and will confirm it by email. | We hebben uw opzegging ontvangen en bevestigen die per e-mail. | Abbiamo ricevuto la tua richiesta di disdetta e te la confermeremo via email.
Thanks — your application is in. We'll review it and be in touch. | Bedankt, uw aanvraag is binnen. We bekijken hem en nemen contact op. | Grazie, abbiamo ricevuto la tua domanda. La esamineremo e ti contatteremo.
Thanks for your nomination! We'll be in touch once the judges have decided. | Bedankt voor uw nominatie! We nemen contact op zodra de jury heeft beslist. | Grazie per la candidatura! Ti contatteremo quando la giuria avrà deciso.
Thanks! We'll call you back as soon as we can. | Bedankt! We bellen u zo snel mogelijk terug. | Grazie! Ti richiameremo il prima possibile.
Thanks for your enquiry! Our admissions team will be in touch soon. | Bedankt voor uw aanvraag! Ons toelatingsteam neemt snel contact op. | Grazie per la richiesta! Il nostro ufficio ammissioni ti contatterà presto.
Thanks for letting us know! Your RSVP has been recorded. | Bedankt voor uw antwoord! We hebben het genoteerd. | Grazie per la risposta! L'abbiamo registrata.
Thanks for signing up! We'll confirm the details by email shortly. | Bedankt voor uw aanmelding! We bevestigen de details binnenkort per e-mail. | Grazie per l'iscrizione! Ti confermeremo a breve i dettagli via email.
Thanks for signing up! We'll email you everything you need to start your trial. | Bedankt voor uw aanmelding! We mailen u alles wat u nodig heeft om uw proefperiode te starten. | Grazie per la registrazione! Ti invieremo via email tutto il necessario per iniziare la prova.
Thanks! We'll be in touch shortly to arrange your test drive. | Bedankt! We nemen snel contact op om uw proefrit in te plannen. | Grazie! Ti contatteremo a breve per organizzare il test drive.
Thanks — your vote has been counted. | Bedankt, uw stem is geteld. | Grazie, il tuo voto è stato registrato.
Thanks — we've received your form. | Bedankt, we hebben uw formulier ontvangen. | Grazie, abbiamo ricevuto il tuo modulo.
Thanks! We'll send your samples out shortly. | Bedankt! We versturen uw monsters binnenkort. | Grazie! Ti invieremo a breve i campioni.
Thanks for the referral! Our team will review it and be in touch. | Bedankt voor de doorverwijzing! Ons team bekijkt hem en neemt contact op. | Grazie per la segnalazione! Il nostro team la esaminerà e ti contatterà.
Thanks for your request! We'll review it and get back to you. | Bedankt voor uw aanvraag! We bekijken hem en laten van ons horen. | Grazie per la richiesta! La esamineremo e ti risponderemo.
Thanks for registering! Our procurement team will review your details and be in touch. | Bedankt voor uw registratie! Onze inkoopafdeling bekijkt uw gegevens en neemt contact op. | Grazie per la registrazione! Il nostro ufficio acquisti esaminerà i tuoi dati e ti contatterà.
Thank you — this has been passed straight to the right person. | Dank u — dit is direct doorgestuurd naar de juiste persoon. | Grazie — è stato inoltrato direttamente alla persona giusta.
Thanks! We'll review your details and be in touch if there's a fit. | Bedankt! We bekijken uw gegevens en nemen contact op als het past. | Grazie! Esamineremo i tuoi dati e ti contatteremo se c'è corrispondenza.
Thanks for reaching out! Our team will review your request and get back to you. | Bedankt voor uw bericht! Ons team bekijkt uw aanvraag en laat van zich horen. | Grazie per averci contattato! Il nostro team esaminerà la tua richiesta e ti risponderà.
Thanks for getting in touch! Someone from our team will contact you shortly. | Bedankt voor uw bericht! Iemand van ons team neemt snel contact met u op. | Grazie per averci contattato! Una persona del nostro team ti contatterà a breve.
Thanks, your request has been logged and the team has been notified. | Bedankt, uw aanvraag is geregistreerd en het team is op de hoogte gebracht. | Grazie, la tua richiesta è stata registrata e il team è stato avvisato.
You're on the list! We'll email you as soon as your spot opens up. | U staat op de lijst! We mailen u zodra er een plek vrijkomt. | Sei in lista! Ti scriveremo appena si libera un posto.
You're registered! A confirmation with all the details is on its way to your inbox. | U bent ingeschreven! Een bevestiging met alle details is onderweg naar uw inbox. | Iscrizione completata! Una conferma con tutti i dettagli sta arrivando nella tua casella di posta.
You're registered! We've emailed you the link to join — see you there. | U bent ingeschreven! We hebben u de link om deel te nemen gemaild. Tot dan! | Iscrizione completata! Ti abbiamo inviato via email il link per partecipare. A presto!
Thank you! We have received your submission. | Bedankt! We hebben uw inzending ontvangen. | Grazie! Abbiamo ricevuto il tuo invio.
"""

PHRASES_NL_IT = {
    parts[0].lower(): dict(zip(NL_IT, parts[1:], strict=True))
    for parts in ([p.strip() for p in line.split(" | ")] for line in _TABLE.strip().splitlines())
}
