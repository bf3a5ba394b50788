"""Form kinds a visitor writes in with: support, pricing and quotes, demos, partnerships,
bookings and the general contact form (the default)."""

from __future__ import annotations

from app.services.llm.local_kinds_base import (
    ENQUIRY,
    PRODUCT_REGISTRATION,
    SALES_ACTIONS,
    SUPPORT_ACTIONS,
    kind,
)
from app.services.llm.local_service_cues import HIRED_SLOT, SERVICE_PLAN, TRADE_EMERGENCY

ENQUIRY_KINDS = [
    kind(
        "support",
        "Support Request",
        "support",
        "support_triage",
        "semi_autonomous",
        SUPPORT_ACTIONS,
        [
            (r"\bsupport\b", 6),
            # "router setup help", "installation help": someone stuck with something they have
            (
                r"\b(?:setup|set-up|installation|install|connection|connectivity|login|log-in|technical|"
                r"tech) (?:help|assistance|troubleshooting)\b",
                6,
            ),
            (r"\bhelp ?desks?\b|\bit (?:support|problems?|issues?|faults?)\b", 8),
            # "IT helpdesk ticket for staff": a ticket to a help desk is triaged, whoever files it
            (r"\b(?:it|help ?desk|support|service ?desk) tickets?\b", 8),
            (r"\bbugs?\b|\bbug reports?\b|\bcrash\w*", 7),
            (
                r"\bhelp ?desk\b|\btroubleshoot\w*|\boutages?\b|\btechnical issues?\b|\btickets?\b|\bcustomer (?:service|care)\b",
                6,
            ),
            (r"\bcomplain\w*|\bcomplaints?\b", 8),
            (
                r"\breport(?:s|ing)? (?:a |an |the |any )?(?:\w+ )?(?:problems?|issues?|faults?|bugs?|lost|missing|damage\w*|outages?)\b",
                8,
            ),
            (
                r"\bfaults?\b|\bbroken\b|\bnot working\b|\bdidn't work\b|\bdoesn't work\b|\bwent wrong\b|"
                r"\bwrong (?:size|item|items|box|order|product)\b|\bdamaged\b|\bdefect\w*|\bis down\b|"
                r"\bwhat happened\b|\btypos?\b|\bbroken links?\b",
                5,
            ),
            (r"\bmissing\b", 3),
            # "roof leak report", "report a pothole": reporting something that happened
            (
                r"\breport (?:a|an) (?!expense)\w+|\b(?<!expense )(?<!annual )\w+ reports? (?:form|for)\b",
                2,
            ),
            (r"\brecalls?\b|\baffected\b|\breplacements?\b", 8),
            (r"\baccidents?\b|\bincidents?\b|\bdamage\w*", 5),
            (r"\bwhistle-?blow\w*|\bspeak(?:ing)? up\b", 12),
            # Privacy and legal requests a person must act on within a legal deadline.
            (
                r"\b(?:data|information) (?:subject )?(?:access|deletion|erasure|portability|correction|"
                r"rectification|protection|privacy) (?:requests?|complaints?|officers?|concerns?)\b|"
                r"\bdata subject (?:rights? )?requests?\b|\bdata (?:access|deletion|erasure)(?: requests?)?\b|"
                r"\b(?:access|deletion|erasure|copy) (?:to |of )?(?:the |my |your |their )?personal data\b|"
                r"\bpersonal (?:data|information|details) (?:(?:that )?(?:we|you) )?(?:hold|have|keep|store|held)\b|"
                r"\bwithdraw (?:my |their |your )?consent\b|\b(?:stop|object to) (?:the )?processing\b|"
                r"\bprocessing of (?:my|their|your) (?:personal )?(?:data|information)\b|"
                r"\blaw enforcement\b|\b(?:subpoenas?|court orders?|warrants? for)\b|"
                r"\blegal requests?\b|\brequesting (?:user|customer|account) (?:data|information|records)\b|\b(?:public |medical |police )?"
                r"records requests?\b|\b(?:gdpr|rgpd|dsgvo|lgpd)\b[^.]{0,60}\b(?:requests?|rights?)\b|"
                # a request word before the law's name, also where the language reader did
                # not take the description for German ("Antrag auf Datenauskunft nach DSGVO")
                r"\b(?:requests?|rights?|antrag|anfrage|auskunft\w*)\b[^.]{0,60}\b(?:gdpr|rgpd|dsgvo|lgpd)\b|"
                r"\bdatenauskunft\b|"
                r"\bsubject access\b|\bdsars?\b|\bright (?:to|of) (?:erasure|be forgotten|access|rectification|"
                r"object|data portability)\b|\b(?:gdpr|ccpa|cpra|lgpd|privacy|foi|foia) (?:requests?|"
                r"complaints?|enquir\w+|inquir\w+)\b|\bccpa\b|\bfreedom of information\b|"
                r"\bdo not sell my\b|\b(?:sale|selling|sharing) of (?:my |their |your )?personal "
                r"(?:data|information)\b|"
                r"\b(?:delete|erase|remove) (?:my|their|your) (?:account and )?(?:personal )?"
                r"(?:data|information|details)\b|\b(?:deletion|erasure) of (?:my |their |your )?(?:account "
                r"and )?personal (?:data|information)\b|\bcop(?:y|ies) of (?:my|their|your|the) (?:[\w-]+ )?"
                r"(?:records|personal data|data|file)\b|"
                r"\bdata protection officer\b|\bdpo\b",
                12,
            ),
            (r"\babuse\b|\bspam\b|\bfraud\b|\bscams?\b|\breport (?:content|a user|a post)\b", 8),
            (r"\bwarrant(?:y|ies)\b", 8),
            (PRODUCT_REGISTRATION, 8),
            (r"\bclaims?\b(?! (?:your|a|an|my|their|our) (?:free|complimentary)\b)", 2),
            # a claim on a policy or a loss is a case to handle, whatever it uploads
            (r"\binsurance claims?\b|\b(?:theft|accident|damage|loss|breakdown) claims?\b", 8),
            # "pick-up and return dates" is a rental, not a product return
            (r"(?<!tax )(?<!and )\breturns?\b(?! (?:dates?|times?|day)\b)|\brefunds?\b", 5),
            (r"\blost\b", 4),
            (r"\bmaintenance\b|\brepairs? requests?\b", 5),
            (r"\b(?:billing|invoice)(?: questions?| issues?| problems?| disputes?)?\b", 6),
            (r"\bissues?\b|\bproblems?\b|\berrors?\b", 2),
            (r"\bexisting customers\b|\bour customers\b|\bmembers\b|\btenants\b|\bresidents\b", 1),
            (r"\bfreeze\b|\bcancel\w*|\bpause (?:their|my|a) (?:membership|subscription)\b", 5),
            # A form that cancels something is a request to act on (an exit survey asks why after).
            (
                r"\bcancel\w* (?:(?:my|your|their|a|the) )?(?:subscription|membership|account|plan|order|"
                r"booking|policy|contract)s? (?:forms?|requests?)\b|\bcancell?ation requests?\b|"
                r"\brequest (?:a |to )?cancel\w*",
                8,
            ),
            (r"\bnoise\b|\bcouncil\b|\bcity services?\b", 3),
            # a fault in the street is reported to be fixed, whatever else the form collects
            # (a photo upload is its evidence, no client intake)
            (
                r"\bpotholes?\b|\bstreet ?lights?\b|\bbin collections?\b|\bfly-?tipping\b|"
                r"\bgraffiti\b|\bblocked drains?\b",
                7,
            ),
        ],
        ["name", "email", "priority-", "description"],
        ["name", "email", "description"],
        "triage support requests",
        "Thanks — we've opened a ticket and will reply by email soon.",
    ),
    # Somebody buying what the business sells, there and then: an order, not a quote to
    # prepare ("order form for our honey", "pre-order the album", "gift card purchase",
    # "Bestellformular", "bon de commande"). Wholesale, bulk and trade orders are priced.
    kind(
        "order",
        "Order Form",
        "sales",
        "sales_lead",
        "draft",
        SALES_ACTIONS,
        [
            (
                # free material is requested, not bought ("order our free brochure")
                r"^(?!.*\b(?:brochures?|catalog(?:ue)?s?|prospectus|info(?:rmation)? packs?|free samples?)\b)"
                r"(?:.*?\border(?:ing)? forms?\b|.*?\bpre-?orders?\b|.*?\bplace (?:an |your )?orders?\b|"
                # "hamper orders", "custom hoodie order": not "wrong order", "cancel an order"
                r"(?!(?:[\w-]+ ){0,3}?(?:wrong|cancel\w*|problems?|missing|late|damaged|lost|your|my|"
                r"an|the|returns?|track\w*|change|wholesale|bulk|trade)\b)"
                r"(?:[\w-]+ ){0,3}orders?\b(?! (?:number|status|problem|issue|tracking))|"
                r".*?\b(?:\w+ )?orders? (?:for|of) (?:our|my|the|your)\b)",
                12,
            ),
            (
                r"\b(?:gift (?:cards?|vouchers?|certificates?)) (?:purchase|order)s?\b|\bpurchase forms?\b",
                12,
            ),
            (r"\bbuy(?:ing)? tickets?\b|^tickets? (?:for|to)\b|\bticket (?:orders?|sales?)\b", 12),
            (
                r"\bbestell(?:formular|ung|schein)\b|\b(?:bon|formulaire) de commande\b|^commande de\b",
                12,
            ),
            (
                r"\b(?:formulario|form|hoja) de pedido\b|^encomenda de\b|\bformul[aá]rio de encomenda\b",
                12,
            ),
        ],
        ["name", "email", "phone", "address", "quantity", "notes"],
        ["name", "email"],
        "confirm orders and answer questions about them",
        "Thanks for your order! We'll confirm the details by email shortly.",
    ),
    kind(
        "pricing",
        "Pricing Request",
        "sales",
        "sales_lead",
        "draft",
        SALES_ACTIONS,
        [
            (r"\bpricing\b|\bprices?\b|\bcosts?\b|\bhow much\b|\brates\b", 5),
            (
                r"\bquotes?\b|\bquotations?\b|\bestimates?\b|\brfqs?\b|\brfps?\b|\bproposals?\b|"
                r"\brequest for (?:quote|proposal)\b|\btenders?\b",
                8,
            ),
            (r"\bvaluations?\b|\bvalue (?:my|your|their)\b|\bappraisals?\b", 8),
            # "request a callback about solar batteries / a mortgage / a new kitchen": a
            # product or service someone wants to buy; a callback about their appointment,
            # booking or order stays with the booking or support kinds
            (
                r"\b(?:call ?backs?|call[- ]backs?|call (?:me|you|them|us) back)"
                # "Callback request – solar panels: name, …": the subject between a dash and
                # the list
                r"(?: (?:request|form|request form))?(?: (?:about|regarding|on|for|re:?|concerning) |"
                r"\s[-–—]\s(?=[^:,;.]{3,40}:))"
                r"(?!(?:your |their |my |our |an? |the )?(?:existing |current |upcoming |next )?"
                r"(?:appointments?|bookings?|reservations?|visits?|orders?|accounts?|claims?|"
                r"complaints?|tickets?|deliver\w*|repairs?|cases?|results?|rescheduling|times?|"
                r"slots?|dates?)\b)"
                # "… pour modifier votre rendez-vous" glossed: the appointment comes later
                r"(?![^:;.,]{0,30}?\b(?:appointments?|bookings?|reservations?|orders?)\b)",
                14,
            ),
            # "callback from a mortgage adviser", "book a call back with our pension advisers",
            # "solar panel advice callback": an adviser's call, in the heading, talks over
            # something the visitor may buy
            (
                r"^(?![^:;.]*\b(?:support|technical|it|nurses?|medical|health|careers?|students?)\b)"
                r"[^:;.]*?(?:\b(?:call ?backs?|call[- ]backs?|call (?:me|you|them|us) back)\b"
                r"[^:;.]*?\b(?:advis[eo]rs?|advice|consultants?|brokers?)\b|"
                r"\b(?:advis[eo]rs?|advice|consultants?|brokers?)\b[^:;.]*?\b(?:call ?backs?|"
                r"call[- ]backs?)\b)",
                14,
            ),
            (
                r"\bwholesale\b|\bbulk\b|\bdistributors?\b|\bstock (?:our|their)\b|\bcarry our\b|\bstockists?\b|\bb2b\b|"
                r"\b(?:trade|wholesale|business|credit) accounts?\b",
                7,
            ),
            (r"\bsponsor(?:s|ing|ed)?\b|\bsponsorship(?! requests?)\b", 7),
            (
                r"\bvenue hire\b|\bprivate hire\b|\bhire (?:our|the|a) (?:venue|space|hall|room)\b",
                8,
            ),
            (r"\bprojects?\b", 2),
            # "approximate budget", "budget range" asked in the list (not a budgeting app, not
            # an option in brackets)
            (
                r"\bbudgets?\b(?! ?ing)(?! (?:app|tool|tracker|planner|template)s?\b)(?![^()]*\))",
                4,
            ),
            # Asking about a rental (no dates to book) is a sales enquiry.
            (r"\b(?:rental|hire) (?:enquir|inquir)\w*", 8),
            (ENQUIRY, 3),
            (
                r"\bnew clients?\b|\bnew business\b|\bpotential (?:clients|customers|buyers)\b|"
                r"\bprospective (?:clients|customers)\b|\bprospects\b",
                5,
            ),
            (r"\bsales (?:inquir|enquir|question|lead)\w*", 12),
            (r"\bsales team\b|\btalk to sales\b|\bcontact sales\b|\benterprise deals?\b", 12),
            (
                r"\bavailability (?:check|enquir\w*|request)\b|\bcheck (?:our |my )?availability\b",
                6,
            ),
            (r"\bregister (?:your |their )?interest\b|\bexpressions? of interest\b", 10),
            # A home or business service taken on a plan or contract ("contact us for a pool
            # care plan", "a lawn care contract", "monthly window cleaning plan") is a sale,
            # however the visitor is asked to get in touch
            (SERVICE_PLAN, 10),
            # someone buying into a franchise is a prospect ("solicitud de franquicia")
            (r"\bfranchis\w*", 6),
            (
                r"\b(?:businesses|companies|clients|customers|homeowners|buyers) (?:wanting|who want|looking|"
                r"interested)\b|\binterested in (?:buying|hiring|our)\b",
                5,
            ),
            (r"\bassessments?\b|\baudits?\b|\bqualify\b|\bdecision[- ]makers?\b", 3),
            # A free survey/audit/estimate offered to prospects is how a business wins work.
            (
                r"\b(?:free|no[- ]obligation|complimentary)(?:,? no[- ]obligation)? (?:[\w-]+ ){0,3}?"
                r"(?:surveys?|assessments?|audits?|consultations?|estimates?|inspections?|quotes?|"
                r"valuations?|appraisals?|health ?checks?|site visits?|design visits?|reviews?|"
                r"(?:strategy|advice|audit) (?:calls?|sessions?))\b",
                12,
            ),
            (r"\bsamples?\b|\bsample packs?\b|\bswatches\b", 5),
            (r"\bcustom\b|\bbespoke\b|\bmade[- ]to[- ]order\b|\bcommissions?\b", 6),
            (r"\b(?:box|delivery|meal|veg|vegetable|coffee|wine|flower) subscriptions?\b", 10),
            (r"\borders\b|\btrade customers\b|\bprice lists?\b", 3),
            (r"\blead (?:gen(?:eration)? )?forms?\b|\bsales leads?\b", 8),
            (r"\bsite (?:surveys?|visits?|assessments?)\b|\binstallations?\b", 6),
            (r"\bpre-?orders?\b|\border forms?\b|\bplace (?:an )?orders?\b|\bbulk orders?\b", 8),
            (
                r"\b\w+s (?:that|who) want (?:us )?to (?:list|join|sell|partner|work with|stock|carry|advertise|"
                r"manage|use|buy|order)\b|\bwho want us to\b|\bthat want us to\b",
                5,
            ),
            (r"\btutoring\b|\btuition\b|\bpackages?\b", 3),
            (r"\bseats?\b|\blicen[cs]es?\b|\benterprise plan\b", 3),
        ],
        [
            "name",
            "work_email",
            "company",
            "company_size",
            "budget",
            "timeline",
            "phone",
            "requirements",
        ],
        ["name", "email", "requirements"],
        "qualify pricing requests and prepare a tailored quote",
        "Thanks! A specialist will send you a tailored quote within one business day.",
    ),
    kind(
        "demo",
        "Demo Request",
        "sales",
        "sales_lead",
        "draft",
        SALES_ACTIONS,
        [
            (r"\bdemos?\b|\bdemonstra(?:tions?|cao)\b|\bproduct tour\b|\bwalkthrough\b", 9),
            (r"\bfree trial\b|\btrials?\b", 6),
        ],
        ["name", "work_email", "company", "job_title", "company_size", "phone", "message"],
        ["name", "work_email", "company", "message"],
        "qualify demo requests and book the right ones",
        "Thanks for your interest! We'll be in touch within one business day to schedule your demo.",
    ),
    kind(
        "partnership",
        "Partnership Inquiry",
        "sales",
        "sales_lead",
        "draft",
        ["qualify_lead", "send_email", "create_deal", "escalate"],
        [
            (
                r"\bpartnerships?\b|\bpartner (?:program|programme)\b|\bpartners?\b(?! (?:can|will|would|may|could) (?:call|ring|phone|contact|get back|reply))|\bresellers?\b|"
                r"\baffiliates?\b|\balliances?\b|\bco-marketing\b",
                8,
            )
        ],
        [
            "name",
            "work_email",
            "company",
            "website",
            "partnership_type-",
            "company_size",
            "message",
        ],
        ["name", "work_email", "company", "website", "message"],
        "assess partnership inquiries",
        "Thanks for reaching out! Our partnerships team will review your inquiry "
        "and reply within a few days.",
    ),
    kind(
        "booking",
        "Booking Request",
        "general",
        "booking_request",
        "semi_autonomous",
        ["book_meeting", "send_email", "qualify_lead"],
        [
            (r"\bbook(?:ing|ings|ed)?\b", 6),
            (r"\breserv\w+", 8),
            (r"\bappointments?\b", 8),
            (r"\bschedul\w+", 5),
            (r"\bconsultations?\b", 4),
            (r"\bviewings?\b|\btest[- ]drives?\b", 8),
            (r"\btrial (?:class|lesson|session)\b|\btaster (?:class|session)\b", 10),
            (r"\blessons?\b|\bclass(?:es)?\b|\bsessions?\b|\btours?\b", 3),
            (r"\bslots?\b|\btable\b|\bcheck[- ]?ins?\b", 4),
            (
                r"\bcall ?back\b|\bdiscovery call\b|\bintro(?:duction|ductory)? call\b|\bmeetings?\b",
                4,
            ),
            (r"\bhotels?\b|\bguests?\b|\bstay\b|\brooms?\b|\barrival\b|\bnights?\b", 3),
            # a camping pitch, not a pitch someone sends ("guest blogger pitch form", "Pitch us
            # your startup", "startup pitch submission")
            (
                r"\bberths?\b|\bmoorings?\b|\bcampsites?\b|"
                r"(?<!\bstartup )(?<!\bsales )(?<!\bwriter )(?<!\bstory )(?<!\barticle )(?<!\beditorial )"
                r"(?<!\bfreelance )(?<!\bguest post )\bpitch(?:es)?\b(?! (?:form|deck|yourself|an? idea|us|me|"
                r"to us|your|submissions?|competitions?|night|event|day|sessions?|headline|summary|idea)\b)|"
                r"\bparking spaces?\b",
                8,
            ),
            (
                r"\bby the hour\b|\bhourly\b|\bhire (?:the|our) (?:studio|court|pitch|room|space|desk)\b",
                8,
            ),
            (r"\btalk\b|\bchat\b", 1),
            # Care while someone is away, on their dates: a booking
            (r"\b(?:pet|dog|cat|house|baby)[- ]?sitt\w*|\bdog[- ]walk\w*|\bdates away\b", 8),
            # "the best time to call": a call to schedule
            (r"\bbest time to (?:call|ring|reach)\b", 4),
            # Something rented out ("van hire", "bike rental"): weak alone, a rental enquiry is sales
            (
                r"\brentals?\b|\b(?:car|van|bike|cycle|equipment|tool|plant|machine|ski|boat|"
                r"kayak|costume|dress|suit|trailer|minibus|marquee|camper(?:van)?)s? hire\b|\bhire (?:start|period)\b",
                2,
            ),
            # ...and what makes it a booking rather than a rental enquiry is the dates
            (r"\b(?:pick[- ]?up|collection|start|hire) and return\b|\breturn dates?\b", 10),
            # a hall or a room hired from one time to another: a slot in the diary to confirm
            (HIRED_SLOT, 10),
            # A visit to schedule: "a good time for the technician to come", "a service call"
            (
                r"\b(?:service|call[- ]?out) (?:calls?|visits?)\b|\bhome visits?\b|"
                r"\b(?:technician|engineer|plumber|electrician|fitter|inspector)s? to (?:come|visit|call)\b",
                8,
            ),
        ],
        ["name", "email", "phone", "preferred_date", "preferred_time", "notes"],
        ["name", "email", "phone"],
        "confirm booking requests and send the booking link",
        "Thanks! Check your inbox for a link to confirm a time that suits you.",
    ),
    kind(
        "contact",
        "Contact Us",
        "general",
        "direct_route",
        "draft",
        ["respond_direct", "send_email", "escalate"],
        [
            (r"\bcontact us\b|\bcontact form\b|\bget in touch\b|\breach out\b", 6),
            (r"\bgeneral (?:inquir|enquir)\w*", 8),
            (
                r"\basking (?:us|our \w+) for\b|\bdonation requests?\b|\bsponsorship requests?\b|"
                r"\brequests? for (?:sponsorship|donations?|support)\b|\bpress pass\w*",
                9,
            ),
            (r"\badopt\w*|\bfoster\w*", 5),
            # a member bringing a friend: a person follows the friend up, no newsletter
            (r"\brefer (?:a|your) friends?\b|\breferral (?:program(?:me)?|scheme)s?\b", 12),
            # A pledge or donation is a gift, not a purchase: routed to the fundraiser.
            (r"\bpledges?\b|\bdonat(?:e|es|ion|ions|ing)\b|\bgift aid\b", 9),
            (r"\bgentle\b|\bsensitive\b|\bcondolence\w*|\bbereave\w*|\bfuneral\w*|\bprayer\w*", 6),
            (r"\bpress\b|\bjournalists?\b|\bmedia (?:inquir|enquir)\w*", 6),
            # a buyer's security or vendor questionnaire for us to fill in: a person takes it
            (
                r"\b(?:security|vendor|supplier|compliance|due diligence|infosec|privacy)\s+"
                r"questionnaires?(?:\s+requests?)?\b|\b(?:vendor|supplier|due diligence)\s+"
                r"(?:assessments?|reviews?)\b",
                14,
            ),
            # A trade emergency ("burst pipe", "locked out", "emergency electrician") goes to a
            # person straight away: no slot to book
            (TRADE_EMERGENCY, 12),
            (r"\bquestions?\b|\bask (?:a|us)\b", 3),
            (ENQUIRY, 1),
        ],
        ["name", "email", "message+"],
        ["name", "email", "message+"],
        "answer general inquiries or route them to the right person",
        "Thanks for getting in touch! We'll get back to you within one business day.",
    ),
]
