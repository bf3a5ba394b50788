"""Lead cues in Spanish, French, German and Portuguese (and Dutch and Italian), glossed in English.

The scorer's cues (``local_scoring``) are English. A German quote request with an
approved budget, a start month and a seat count is the same lead as the English one,
so ``gloss(text)`` returns the English words for the cues it finds ("budget approved",
"quote", "march", "120 users", "student", "we offer"…), which the scorer reads after
the message. Small lists of the phrasings people use, per language and per signal —
not a translator: an unrecognised sentence adds nothing.
"""

from __future__ import annotations

import re

_MONTHS = {
    "january": r"januar|enero|janvier|janeiro|januari|gennaio",
    "february": r"februar|febrero|f[ée]vrier|fevereiro|februari|febbraio",
    "march": r"m[äa]rz|marzo|mars|mar[çc]o|maart",
    "april": r"abril|avril|aprile",
    "may": r"mai|mayo|maio|mei|maggio",
    "june": r"juni|junio|juin|junho|giugno",
    "july": r"juli|julio|juillet|julho|luglio",
    "august": r"agosto|ao[ûu]t|augustus",
    "september": r"septiembre|setiembre|septembre|setembro|settembre|september",
    "october": r"oktober|octubre|octobre|outubro|ottobre",
    "november": r"noviembre|novembre|novembro",
    "december": r"dezember|diciembre|d[ée]cembre|dezembro|dicembre",
}
MONTH_WORDS = "|".join(_MONTHS.values())  # every month in es, fr, de, pt, nl and it
_UNITS = (
    r"lizenzen|nutzer(?:innen)?|benutzer|anwender|mitarbeiter(?:innen|n)?|mitarbeitende(?:n)?|"
    r"arbeitspl[äa]tze|pl[äa]tze|standorte|filialen|ger[äa]te|fahrzeuge|"
    r"usuarios|licencias|empleados|trabajadores|puestos|sedes|tiendas|veh[íi]culos|equipos|"
    r"utilisateurs|licences|collaborateurs|salari[ée]s|employ[ée]s|postes|magasins|v[ée]hicules|"
    r"usu[áa]rios|licen[çc]as|funcion[áa]rios|colaboradores|lojas|unidades|ve[íi]culos|"
    r"gebruikers|licenties|medewerkers|vestigingen|winkels|merken|utenti|licenze|dipendenti|sedi|negozi|marchi|"
    r"ristoranti|filiali|punti(?: di)? vendita|puntos de venta|points de vente|pontos de venda|verkooppunten"
)
# (pattern, English gloss); "{n}" in a gloss is the number the pattern captured.
CUES = [
    # buying: an approved budget, a quote, a demo, a purchase, a rollout, a contract
    (
        r"budget (?:ist |wurde |is )?(?:bereits )?(?:freigegeben|genehmigt|bewilligt|vorhanden)|"
        r"presupuesto (?:ya )?(?:est[áa] |ha sido )?(?:aprobado|asignado|confirmado)|"
        r"budget (?:est |a [ée]t[ée] )?(?:d[ée]j[àa] )?(?:valid[ée]|approuv[ée]|d[ée]bloqu[ée]|allou[ée])|"
        r"or[çc]amento (?:j[áa] )?(?:est[áa] |foi )?(?:aprovado|garantido|confirmado)|"
        r"budget (?:is |werd )?(?:al )?goedgekeurd|budget (?:[èe] )?(?:gi[àa] )?(?:approvato|stanziato)",
        "budget approved",
    ),
    (
        r"\bangebot\w*|kostenvoranschlag|preisauskunft|\bpresupuesto\b|cotizaci[óo]n|\bdevis\b|"
        r"\bor[çc]amento\b|cota[çc][ãa]o|\bproposta\b|\bpropuesta\b|\bproposition commerciale\b|"
        r"\bofferte\b|\bpreventiv[oi]\b",
        "quote",
    ),
    (
        r"senden sie (?:uns |mir )?(?:bitte )?(?:ein|ihr) angebot|bitte um (?:ein )?angebot|"
        r"env[íi]en(?:nos|me)? (?:un |una )?(?:presupuesto|cotizaci[óo]n|propuesta)|"
        r"(?:envoyer|transmettre|faire parvenir) (?:un |votre )?devis|"
        r"(?<!podemos )envi(?:ar|em)(?:-nos| nos)? (?:uma |um )?(?:proposta|or[çc]amento|cota[çc][ãa]o)",
        "send us a quote",
    ),
    (
        r"\bdemo\b|vorf[üu]hrung|demostraci[óo]n|d[ée]monstration|\bd[ée]mo\b|demonstra[çc][ãa]o",
        "demo",
    ),
    (
        r"\bkaufen\b|bestell\w+|\bcomprar\b|\bpedido\b|\bacheter\b|\bcommander\b|encomenda",
        "purchase",
    ),
    (
        r"einf[üu]hrung|ausroll\w+|implantaci[óo]n|implementaci[óo]n|desplegar|despliegue|"
        r"d[ée]ployer|d[ée]ploiement|implanta[çc][ãa]o|implementa[çc][ãa]o",
        "roll out",
    ),
    (
        r"\bvertrag\b|unterschreiben|\bcontrato\b|\bfirmar\b|\bcontrat\b|\bsigner\b|\bassinar\b",
        "contract",
    ),
    (
        r"\bprecios?\b|cu[áa]nto (?:cuesta|costar\w*|vale|cobr\w+)|qu[ée] precio|\btarifas?\b|\bprix\b|"
        r"combien (?:[çc]a )?co[ûu]te|\btarifs?\b|\bpreis\w*|was kostet|wie teuer|\bkosten\b|quanto custa|"
        r"\bpre[çc]os?\b|quanto (?:cobram|fica)|\bprijs\w*|(?:wat|hoeveel) kost|\bprezz[oi]\b|quanto cost\w*",
        "price",
    ),
    # a need of their own (the English scorer's "we need …")
    (
        r"\bnecesit(?:amos|o)\b|\bbrauchen\b|\bbrauche\b|\bben[öo]tigen\b|avons besoin|\bj'ai (?:juste |seulement )?besoin\b|"
        r"\bil nous faut\b|\bprecis(?:amos|o)\b|\bwij zoeken\b|\bwe zoeken\b|\bhebben \w+ nodig\b|"
        r"\babbiamo bisogno\b|\bcerchiamo\b|\bho bisogno\b|\b(?:mi|ci) serve\b|\bik zoek\b|\bzoek een\b|\bheb \w+ nodig\b|"
        # "vorrei un modulo per …", "nous voudrions un formulaire": a wish for a thing of their own
        r"\b(?:vorrei|vorremmo|quisiera|quisi[ée]ramos|je voudrais|nous voudrions|queria|quer[ií]amos|"
        r"ik wil graag|we willen graag) (?:un|una|uno|une|um|uma|een|dei|delle)\b|"
        r"\b(?:ich|wir) (?:h[äa]tten?|m[öo]chten?) gern(?:e)? (?:ein|eine|einen)\b|\bci servirebbe\b",
        "we need",
    ),
    # who writes: the owner of a (small) business, named in the message
    (
        r"\bsoy (?:el |la )?(?:due[ñn][oa]|propietari[oa]|gerente)\b|\bmi (?:peque[ñn]o )?negocio\b|"
        r"\b(?:tengo|llevo|dirijo|regento|gestiono) (?:un|una) (?:peque[ñn][oa] )?(?:negocio|empresa|tienda|taller|restaurante|bar|"
        r"cl[íi]nica|sal[óo]n|hotel|estudio|despacho|agencia|\w+er[íi]a)\b|"
        r"\bje (?:g[èe]re|dirige|tiens|poss[èe]de)\b|\bj'ai (?:un|une) (?:petite? )?(?:entreprise|"
        r"commerce|boutique|magasin|salon|restaurant|caf[ée]|atelier|cabinet|agence|\w+erie)\b|"
        r"\bpropri[ée]taire d\b|\bma (?:petite )?(?:entreprise|boutique|soci[ée]t[ée])\b|"
        r"\bich (?:habe|f[üu]hre|leite|betreibe) (?:eine?n?|meine?n?) (?:kleine[nm]? )?(?:\w+ei|firma|"
        r"betrieb|laden|gesch[äa]ft|praxis|salon|werkstatt|restaurant|caf[ée]|unternehmen|agentur)\b|"
        r"\binhaber(?:in)?\b|"
        # a compound names the business: "einen kleinen Friseursalon", "eine Hundeschule"
        r"\bich (?:habe|f[üu]hre|leite|betreibe) (?:eine?n?|meine?n?) (?:kleine[nm]? )?\w+(?:salon|laden|praxis|"
        r"studio|werkstatt|schule|b[äa]ckerei|gesch[äa]ft)\b|\bmein(?:e|en)? (?:kleine[ns]? )?\w*(?:firma|betrieb|laden|gesch[äa]ft|salon|"
        r"praxis|werkstatt|caf[ée]|restaurant|studio|agentur|ei)\b|"
        r"\b(?:tenho|gerencio|administro) (?:um|uma) (?:pequen[oa] )?(?:neg[óo]cio|empresa|loja|oficina|restaurante|caf[ée]|"
        r"sal[ãa]o|cl[íi]nica|ag[êe]ncia|\w+aria)\b|\bsou (?:o |a )?(?:don[oa]|propriet[áa]ri[oa])\b|"
        r"\b(?:minha empresa|meu neg[óo]cio)\b|"
        # the business named by a possessive only ("mi clínica veterinaria", "minha loja")
        r"\bmi (?:peque[ñn][oa] )?(?:tienda|taller|restaurante|cl[íi]nica|sal[óo]n|estudio|despacho|"
        r"agencia|consulta|academia|gimnasio|hotel|bar|\w+er[íi]a)\b|"
        r"\b(?:minha|meu) (?:pequen[oa] )?(?:loja|oficina|restaurante|caf[ée]|sal[ãa]o|cl[íi]nica|"
        r"ag[êe]ncia|consult[óo]rio|academia|est[úu]dio|escrit[óo]rio|\w+aria)\b|"
        r"\bmon (?:petit )?(?:restaurant|salon|cabinet|magasin|commerce|atelier|caf[ée]|garage|studio)\b|"
        # it, nl: "ho un piccolo studio di fisioterapia", "ik heb een kapsalon", "mijn bakkerij"
        r"\bho (?:un|una|un') ?(?:piccol[oa] )?(?:negozio|studio|ristorante|bar|salone|agenzia|azienda|"
        r"attivit[àa]|laboratorio|officina|\w+eria)\b|\b(?:il mio|la mia) (?:piccol[oa] )?(?:negozio|studio|"
        r"ristorante|salone|agenzia|azienda|attivit[àa]|\w+eria)\b|\bsono (?:il |la )?(?:titolare|proprietari[oa])\b|"
        r"\bik heb (?:een )?(?:eigen |kleine? )?(?:winkel|zaak|bedrijf|praktijk|salon|kapsalon|bakkerij|restaurant|"
        r"studio)\b|\bmijn (?:eigen |kleine? )?(?:winkel|zaak|bedrijf|praktijk|salon|kapsalon|bakkerij|restaurant|"
        r"studio)\b|\beigena(?:ar|resse)\b",
        "i run my own business",
    ),
    # partners: taking our product to their clients (the English partner words)
    (
        r"partner werden|vertriebspartner\w*|partnerprogramm|\bser (?:su |vuestro |sus )?(?:partners?|socios?)\b|"
        r"programa de (?:partners|socios|parceiros)|devenir (?:votre |un )?partenaire|programme partenaire|"
        r"tornar-(?:nos|me) (?:\w+ )?parceir\w*|\bser (?:vosso |seu )?parceir\w*|partenaire revendeur",
        "become a partner",
    ),
    (
        r"wiederverk[äa]uf\w*|weiter(?:zu)?verkauf\w*|\brevend\w+|\brevenda\b|"
        # selling it on to their own clients, in so many words
        r"\bvender(?:l[oa]s?)? (?:\w+ ){0,3}?(?:a|para|aos|para os) (?:nuestros|sus|nossos|os nossos) clientes\b|"
        r"\bvendre (?:\w+ ){0,3}?[àa] nos clients\b|\ban unsere kunden (?:weiter)?(?:zu )?verkaufen\b",
        "resell",
    ),
    (
        r"\bdistribu(?:ir|idor\w*|er|teur\w*)\b|\bvertreiben\b|\bvertriebspartner\w*\b",
        "distribute",
    ),
    # when: a month, a quarter, a deadline, a start
    *((rf"\b(?:{words})\b", month) for month, words in _MONTHS.items()),
    (
        r"\bquartal\b|\btrimestre\b|bis ende|bis zum|\bfrist\b|dringend|so schnell wie m[öo]glich|"
        r"n[äa]chste(?:n)? (?:woche|monat)|diese(?:n)? (?:woche|monat)|entscheidung (?:f[äa]llt )?bis|"
        r"antes de (?:fin|finales|que termine)|para finales de|cuanto antes|\burgente?\b|"
        r"la pr[óo]xima semana|este mes|el pr[óo]ximo mes|avant la fin|d[èe]s que possible|"
        r"la semaine prochaine|cette semaine|esta semana|ce mois|le mois prochain|at[ée] (?:o|ao) fi(?:m|nal)|o mais r[áa]pido|"
        r"pr[óo]xima semana|este m[êe]s|pr[óo]ximo m[êe]s|(?:la semana|el mes) que viene|"
        r"(?:a )?semana que vem|(?:o )?m[êe]s que vem|d[èe]s (?:le mois|la semaine) prochaine?|ab (?:n[äa]chste[rnm]?|diese[rnm]?) "
        r"(?:woche|monat)|im n[äa]chsten monat",
        "by the end of",
    ),
    (
        r"\bstart(?:en)? (?:im|am|ab)\b|beginnen|\bempezar\b|\bcomenzar\b|\bcommencer\b|"
        r"\bd[ée]marrer\b|\bcome[çc]ar\b|\biniciar\b|\biniziare\b|\bpartire\b|\bstarten\b",
        "want to start",
    ),
    # not buyers
    (
        r"\bstudent(?:in)?\b|bachelorarbeit|masterarbeit|abschlussarbeit|hausarbeit|\bestudiante\b|"
        r"\btesis\b|\btfg\b|\btfm\b|[ée]tudiant(?:e)?\b|\bm[ée]moire\b|\bth[èe]se\b|"
        r"\bestudante\b|\btese\b|\btcc\b|monografia|"
        # it, nl: "sono una studentessa", "la mia tesi", "mijn scriptie", "afstudeeronderzoek"
        r"\bstudent(?:e|essa)\b|\btesi\b|\bscriptie\b|\bafstudeer\w*",
        "student",
    ),
    (
        r"bewerbung|praktikum|lebenslauf|offene stellen?|freie stellen?|busco (?:empleo|trabajo)|"
        r"\bempleo\b|\bvacantes?\b|curr[íi]culum|pr[áa]cticas|\bstage\b|\bemploi\b|candidature|"
        r"\bmon cv\b|\bemprego\b|\bvagas?\b|curr[íi]culo|est[áa]gio|\bbewerben\b|\bcandidatar\w*|"
        r"\bpostul(?:ar|arme|er)\b|"
        # it, nl: "lavorare con voi", "posizioni aperte", "bij jullie werken", "vacatures"
        r"\blavorare (?:con|per|da) voi\b|posizion[ei] apert[ea]|offerte di lavoro|\bcandidar\w*|"
        r"\bvacatures?\b|\bsollicit\w+|\bbij (?:jullie|u) (?:komen )?werken\b|\bwerken bij (?:jullie|u)\b|"
        # "is the job still open?": "die Stelle … noch frei", "le poste … toujours disponible"
        r"\b(?:stelle|puesto|poste)\b[^.?!]{0,40}?\b(?:noch (?:frei|offen|verf[üu]gbar|zu besetzen)|"
        r"sigue (?:abiert[oa]|disponible|vacante)|toujours (?:ouvert|disponible|à pourvoir))",
        "looking for a job",
    ),
    # press: a journalist or editor says so, or says they write an article or a feature
    (
        r"\b(?:soy|je suis|ich bin|sou)(?: (?:un|una|une|um|uma|ein|eine))? (?:periodista|reporter[oa]?|"
        r"journaliste|rédact(?:eur|rice)|journalist(?:in)?|redakteur(?:in)?|reporter(?:in)?|jornalista|"
        r"rep[óo]rter)\b|"
        r"\b(?:escribiendo|preparando|escribo|preparo) un (?:art[íi]culo|reportaje)\b|"
        r"\b(?:j'[ée]cris|je pr[ée]pare|j'[ée]cris actuellement|je r[ée]dige) un (?:article|reportage|dossier)\b|"
        r"\bschreibe (?:gerade |derzeit )?(?:einen|ein) (?:artikel|beitrag|bericht|feature)\b|"
        r"\b(?:a escrever|escrevendo|a preparar|preparando) (?:um artigo|uma reportagem|uma mat[ée]ria)\b|"
        r"\bsono (?:un |una )?(?:giornalista|redattore|redattrice)\b|\bsto (?:scrivendo|preparando) un "
        r"(?:articolo|servizio)\b|\bik ben (?:een )?(?:journalist|redacteur|verslaggever)\b|"
        r"\bschrijf (?:een|aan een) (?:artikel|stuk|reportage)\b",
        "journalist",
    ),
    # an agency's pitch: "we help companies like yours …"
    (
        r"\bayudamos a (?:\w+ ){0,2}?(?:empresas|compa[ñn][íi]as|negocios|marcas|tiendas) como (?:la suya|la vuestra|"
        r"la tuya|usted|ustedes|t[úu])\b|"
        r"\bnous aidons (?:les |des )?(?:\w+ ){0,2}?(?:entreprises|soci[ée]t[ée]s|[ée]diteurs|marques|"
        r"commerces|boutiques|startups) (?:\w+ )?comme (?:vous|la v[ôo]tre|votre entreprise)\b|"
        r"\bwir helfen (?:\w+ ){0,2}?(?:unternehmen|firmen|marken|shops|agenturen) wie (?:ihrem|ihnen|ihrer|"
        r"ihres|euch|dir|deinem)\b|"
        r"\bajudamos (?:\w+ ){0,2}?(?:empresas|marcas|neg[óo]cios|lojas) como a (?:sua|vossa|tua)\b",
        "we help companies like yours",
    ),
    (
        # "podemos colocar o seu site na primeira página": what the sender can do for you
        r"\bpodemos (?:colocar|p[ôo]r|levar|posicionar|aumentar|melhorar|duplicar|triplicar) (?:o |a |os |as )?"
        r"(?:seu|sua|seus|suas|vosso|vossa)\b|\bpodemos (?:poner|llevar|posicionar|aumentar|mejorar|duplicar|"
        r"triplicar) (?:su|sus|tu|tus|vuestr[oa]s?)\b|\bnous pouvons (?:mettre|placer|positionner|doubler|"
        r"tripler|augmenter|am[ée]liorer) (?:votre|vos)\b|\bwir k[öo]nnen (?:ihre?n?|eure?n?) [^.?!]{0,40}?"
        r"(?:verdoppeln|verdreifachen|steigern|bringen|platzieren)\b|"
        r"wir bieten|bieten (?:ihnen|euch)|\bgarantiert\w*|le ofrecemos|\bofrecemos\b|garantizad[oa]s?|"
        r"nous (?:vous )?(?:proposons|offrons)|\bgaranti(?:e|es|s)?\b|\boferecemos\b|garantid[oa]s?|"
        # it, nl: "possiamo portarvi 50 nuovi clienti", "vi offriamo", "(wij) helpen SaaS-bedrijven aan
        # 30% meer leads"
        r"\bpossiamo (?:portarvi|portarle|aumentare|raddoppiare|triplicare|migliorare|posizionare)\b|"
        r"\bvi (?:offriamo|proponiamo)\b|\bgarantit[oaie]\b|\bhelpen [\w-]+ (?:[\w-]+ )?aan (?:\d+% )?meer\b|"
        r"\b(?:wij|we) bieden\b|\bbieden (?:u|jullie)\b|\bgegarandeerd\b",
        "we offer",
    ),
    (
        r"abmelden|austragen|keine (?:e-?mails|werbung|newsletter) mehr|darme de baja|dar(?:me)? de baja|"
        r"no me env[íi]en|d[ée]sabonner|d[ée]sinscri\w+|ne plus recevoir|descadastr\w+|"
        r"cancelar a inscri[çc][ãa]o|n[ãa]o quero (?:mais )?receber|"
        # "entfernen Sie mich aus Ihrem Verteiler", "je ne me suis jamais inscrit"
        r"(?:entfernen|l[öo]schen|streichen) sie mich|aus (?:ihrem|dem|eurem) verteiler|nie angemeldet|"
        r"(?:elim[íi]nenme|b[óo]rrenme|s[áa]quenme|qu[íi]tenme) de|nunca me (?:suscrib[íi]|registr[ée]|apunt[ée])|"
        r"(?:retirez|supprimez|enlevez)-moi|jamais inscrit\w*|"
        r"(?:retirem|removam|tirem)-me|nunca me (?:inscrevi|registei|registrei|cadastrei)",
        "unsubscribe",
    ),
    (
        r"funktioniert nicht|r[üu]ckerstattung|bereits kunde|no funciona|reembolso|ya somos clientes|"
        r"ne (?:fonctionne|marche) (?:pas|plus)|remboursement|d[ée]j[àa] client|n[ãa]o funciona|"
        r"j[áa] somos clientes|"
        # it, nl: "siamo già clienti", "non inviano più le notifiche", "wij zijn al klant",
        # "sinds gisteren werkt het formulier niet meer"
        r"\b(?:siamo|sono) gi[àa] client[ie]\b|smesso di funzionare|"
        r"\bnon (?:inviano|invia|arrivano|arriva|funziona|funzionano) pi[ùu]\b|\b(?:wij|we|ik) (?:zijn|ben) al klant\b|"
        r"\bwerkt (?:[\w-]+ ){0,5}?niet meer\b|\b(?:wij|we|ik) (?:zijn|ben) (?:al |bestaande )?klant\b|"
        r"\bkomen (?:er )?geen (?:meldingen|e-?mails|notificaties|aanvragen) meer (?:binnen|door)\b|"
        # a customer since a year, whose product changed under them: "wir sind Kunde seit 2024",
        # "seit dem letzten Update werden … nicht mehr angezeigt", "depuis la dernière mise à jour"
        r"\b(?:wir sind|ich bin) (?:schon |bereits )?kunden? seit\b|\bsomos clientes desde\b|"
        r"\bsommes clients? depuis\b|\bclients? depuis (?:20\d\d|\d+ ans?)\b|"
        r"\bseit (?:dem|ihrem|eurem) (?:letzten |neuen )?update\b|nicht mehr (?:angezeigt|geladen|verschickt|zugestellt)|"
        r"desde (?:la|a) [úu]ltima actualiza(?:ci[óo]n|[çc][ãa]o)|depuis la derni[èe]re mise [àa] jour",
        "not working",
    ),
    (
        r"(?:[äa]hnliche|vergleichbare)\w* (?:[\w-]+[ -])?(?:software|tool|produkt|l[öo]sung|plattform)|"
        r"\bkonkurrent\w*|\bwettbewerber\w*|"
        r"(?:software|herramienta|producto|plataforma|soluci[óo]n) (?:\w+ )?(?:similar|parecid[oa])|"
        r"\bcompetidor(?:es)?\b|(?:outil|logiciel|produit|plateforme|solution) (?:\w+ )?similaire|"
        r"\bconcurrent(?:s)?\b|(?:software|ferramenta|produto|plataforma|solu[çc][ãa]o) (?:\w+ )?"
        r"(?:semelhante|parecid[oa]|similar)|\bconcorrente(?:s)?\b",
        "we make a similar tool",
    ),
    # a maker of the same kind of product, and a wish to swap notes: both are needed for
    # the scorer's competitor check ("wir entwickeln auch Software" alone may be a buyer)
    (
        r"(?:\bwir (?:entwickeln|bauen|machen|haben|betreiben|verkaufen) (?:auch|ebenfalls|selbst)|"
        r"\b(?:ich|wir) (?:habe|haben|hab) (?:auch|ebenfalls|selbst)|"
        r"\b(?:nous|on) (?:d[ée]velopp\w+|construi\w+|fai\w+|cr[ée]\w+|[ée]dit\w+|vend\w+|avons|a) "
        r"(?:aussi|[ée]galement)|\btambi[ée]n (?:tengo|tenemos|desarrollamos|hacemos|creamos|construimos|"
        r"vendemos)|\btamb[ée]m (?:tenho|temos|desenvolvemos|fazemos|criamos|constru[íi]mos|vendemos)|"
        # "moi aussi je dirige une startup de formulaires", "wir auch: ein Formular-Tool"
        r"\b(?:moi|nous) aussi\b|\b(?:yo|nosotros) tambi[ée]n\b|\b(?:ich|wir) auch\b|"
        r"\b(?:eu|n[óo]s) tamb[ée]m\b|"
        # "somos una startup que hace formularios", "nous sommes une startup qui développe …"
        r"\bsomos una? (?:startup|empresa|compa[ñn][íi]a) que\b|\bsomos uma? (?:startup|empresa) que\b|"
        r"\bnous sommes une? (?:startup|entreprise|soci[ée]t[ée]) qui\b|"
        r"\bwir sind (?:ein|eine) (?:startup|unternehmen|firma)\b)"
        r"[^.?!]{0,40}?(?:outil|logiciel|plate-?forme|solution|app|startup|herramienta|software|plataforma|"
        r"producto|ferramenta|produto|baukasten|tool|produkt|l[öo]sung|formul\w+)",
        "we make software",
    ),
    (
        r"\baus(?:zu)?tauschen\b|\baustausch\b|\bausgetauscht\b|\bErfahrungen teilen\b|[ée]changer (?:sur|des id[ée]es|nos|nos id[ée]es)\b|"
        r"intercambiar (?:ideas|experiencias|notas)|comparar (?:enfoques|notas)|"
        r"trocar (?:ideias|experi[êe]ncias|notas)",
        "swap notes",
    ),
    (
        r"vielleicht|irgendwann|nur neugierig|quiz[áa]s?|tal vez|solo (?:estoy )?mirando|"
        r"peut-[êe]tre|juste curieux|talvez|s[óo] curiosidade",
        "maybe",
    ),
]
_COMPILED = [(re.compile(p, re.I), gloss) for p, gloss in CUES]
_APPROX = r"(?:ca\.?\s*|circa\s+|rund\s+|etwa\s+|[üu]ber\s+|unos\s+|m[áa]s de\s+|environ\s+|plus de\s+|cerca de\s+|mais de\s+)?"
VOLUME = re.compile(rf"\b{_APPROX}(\d[\d.,]*)\s+(?:{_UNITS})\b", re.I)
# Their clients, as a partner counts them ("we look after 40 clients").
CLIENTS = re.compile(
    rf"\b{_APPROX}(\d[\d.,]*)\s+(?:kunden|mandanten|clientes|clients|empresas clientes|entreprises clientes)\b",
    re.I,
)
# Round numbers in words ("une trentaine de clients", "cuarenta clientes", "fünfzig Kunden").
_TENS = {
    10: "diez|dix|zehn|dez|dizaine",
    20: "veinte|vingt|zwanzig|vinte|vingtaine",
    30: "treinta|trente|drei(?:ß|ss)ig|trinta|trentaine",
    40: "cuarenta|quarante|vierzig|quarenta|quarantaine",
    50: "cincuenta|cinquante|f[üu]nfzig|cinquenta|cinquantaine",
    60: "sesenta|soixante|sechzig|sessenta|soixantaine",
    100: "cien|cent|hundert|cem|centaine",
}
_NUMBER_WORDS = [
    (re.compile(rf"\b(?:une |un )?(?:{words})(?: de| d')?(?=\s)", re.I), str(n))
    for n, words in _TENS.items()
]


_STOP = {
    "en": "the and we to of is for our you with are this have what how can do does i my me your "
    "it be please hi hello thanks looking need want",
    "de": "der die das und wir ist für ein eine sie ihr uns mit nicht ich im den bitte",
    "es": "el la los las que para y nuestro nuestra un una por con es somos de del necesitamos "
    "mi en su sus tengo tenemos quiero queremos hola este esta busco tienen pueden cuánto "
    "cuesta usted ustedes también estamos todavía sin",
    "fr": "le la les des nous vous pour est une un et avec dans je notre votre de du "
    "mon ma mes avons souhaitons bonjour cette",
    "pt": "o os as que para uma um nós com é somos de do da nossa precisamos vocês "
    "e em minha meu sua seu tenho temos quero queremos olá pelo pela vossa vosso não obrigado "
    "por quanto quanta custa custam mês você podem pode isso está estão são também gostaria ao",
    # Italian and Dutch are told apart so that no neighbour (es, de) answers them
    "it": "il lo gli la le una un di che per con non siamo abbiamo vorremmo vorrei nostro nostra "
    "nostri mio mia della del dei delle al alla sono ho ci mi buongiorno salve grazie cerchiamo "
    "quanto costa potete possiamo anche sul nel nella è già più può",
    "nl": "de het een en wij we zijn voor van met niet graag onze ons ik mijn jullie hebben heb "
    "wat hoe kunnen kan zoeken zoek bij al maar ook naar op dat deze goedemorgen hallo dank "
    "bedankt uw kunt geen meer dit goedemiddag goedendag alstublieft",
}
_WORDS = {lang: set(words.split()) for lang, words in _STOP.items()}


def message_language(text: str) -> str | None:
    """es, fr, de, pt, it or nl when the text reads as that language rather than English (as
    ``foreign``), else None."""
    words = set(re.findall(r"[^\W\d_]+", text.lower()))  # "what do you do?" has one "do"
    counts = {lang: sum(w in vocab for w in words) for lang, vocab in _WORDS.items()}
    own = {  # es and pt share "que", "para", "de": the words only one of them has break a tie
        lang: sum(
            w in vocab and not any(w in v for o, v in _WORDS.items() if o != lang) for w in words
        )
        for lang, vocab in _WORDS.items()
    }
    best = max(
        (lang for lang in counts if lang != "en"), key=lambda lang: (counts[lang], own[lang])
    )
    return best if counts[best] >= 2 and counts[best] > counts["en"] else None


def foreign(text: str) -> bool:
    """Whether the text reads as Spanish, French, German, Portuguese, Italian or Dutch rather
    than English (its commonest little words), so an English "stage" or "demo" is never glossed."""
    return message_language(text) is not None


def glossed_from(text: str, english: str) -> str:
    """The words of ``text`` a gloss cue came from ("la semaine prochaine" for "by the end of"),
    so a reason quotes what the person wrote, not the gloss; "" when none did."""
    for pattern, g in _COMPILED:
        if g.lower() == english.lower() and (m := pattern.search(text)):
            return m.group(0)
    return ""


# Dutch and Italian are glossed too, though replies to them are written in English.
_GLOSSED_TOO = {
    "nl": set("de het een en wij we zijn voor van met niet graag onze ons ik mijn jullie".split()),
    "it": set(
        "il lo gli una e che per con non siamo vorremmo nostro nostra nostri mio della".split()
    ),
}


def dutch_or_italian(text: str) -> bool:
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    return any(len(words & vocab) >= 3 for vocab in _GLOSSED_TOO.values())


def says(text: str, english: str) -> bool:
    """Whether ``text`` has a cue glossed ``english``, in whichever language it is written
    (a question too short to tell its language, "Combien ça coûte ?", still says "price")."""
    return any(g == english and pattern.search(text) for pattern, g in _COMPILED)


def gloss(text: str) -> str:
    """English words for the foreign-language cues in ``text`` ("" when there are none)."""
    if not (foreign(text) or dutch_or_italian(text)):
        return ""
    found = [g for pattern, g in _COMPILED if pattern.search(text)]
    counted = text
    for pattern, digits in _NUMBER_WORDS:
        counted = pattern.sub(digits, counted)
    found += [f"{m.group(1).replace('.', '')} users" for m in VOLUME.finditer(counted)]
    found += [f"{m.group(1).replace('.', '')} clients" for m in CLIENTS.finditer(counted)]
    return " . ".join(dict.fromkeys(found))
