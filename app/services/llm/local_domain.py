"""Domain fields a marketer expects, and the words that call for them.

``CONCEPTS`` maps what a description talks about ("an order problem", "a car
service", "a table for four", "a trip quote") to catalogue fields (order
number, make and model, party size, travel dates…). ``concept_for(phrase)``
maps a field named in the description ("party size", "reg number") to the same
catalogue entry, so a named field and a domain field are never duplicated.
"""

from __future__ import annotations

import re

from app.services.llm.local_catalog import FIELDS, _f
from app.services.llm.local_kinds_base import PRODUCT_REGISTRATION

DOMAIN_FIELDS = {
    "order_number": _f(
        "order_number", "text", "Order number", placeholder="e.g. #10234", max_length=60
    ),
    "invoice_number": _f("invoice_number", "text", "Invoice number", max_length=60),
    "booking_reference": _f("booking_reference", "text", "Booking reference", max_length=60),
    "account_number": _f("account_number", "text", "Account number", max_length=60),
    "device": _f("device", "text", "Device", placeholder="e.g. iPhone 15, Pixel 8", max_length=120),
    "os": _f(
        "os",
        "select",
        "Operating system",
        options=["iOS", "Android", "Windows", "macOS", "Linux", "Other"],
    ),
    "app_version": _f(
        "app_version", "text", "App version", placeholder="e.g. 4.2.1", max_length=40
    ),
    "serial_number": _f("serial_number", "text", "Serial number", max_length=80),
    "purchase_date": _f("purchase_date", "date", "Purchase date"),
    "product": _f("product", "text", "Product", max_length=160),
    "make": _f("make", "text", "Make", placeholder="e.g. Toyota", max_length=60),
    "model": _f("model", "text", "Model", placeholder="e.g. Corolla", max_length=80),
    "registration": _f("registration", "text", "Registration number", max_length=20),
    "mileage": _f("mileage", "number", "Mileage", min=0),
    "party_size": _f("party_size", "number", "Number of guests", min=1, max=500),
    "check_in": _f("check_in", "date", "Check-in date"),
    "check_out": _f("check_out", "date", "Check-out date"),
    "room_type": _f(
        "room_type", "select", "Room type", options=["Single", "Double", "Twin", "Suite"]
    ),
    "destination": _f("destination", "text", "Destination", max_length=160),
    "departure_date": _f("departure_date", "date", "Travel date (departure)"),
    "return_date": _f("return_date", "date", "Travel date (return)"),
    "travellers": _f("travellers", "number", "Number of travellers", min=1, max=100),
    "grade": _f(
        "grade",
        "select",
        "Child's grade",
        options=["Pre-school", "Primary / elementary", "Middle school", "High school"],
    ),
    # a UK "year group" (Reception, Year 1 … Year 13) is no US grade band: typed as said
    "year_group": _f("year_group", "text", "Year group", max_length=60),
    "address": _f(
        "address", "text", "Address", placeholder="Street, town, postcode", max_length=300
    ),
    "location": _f("location", "text", "Location or address", max_length=300),
    "postcode": _f("postcode", "text", "Postcode / ZIP", max_length=20),
    "quantity": _f("quantity", "number", "Quantity", min=1),
    "deadline": _f("deadline", "date", "Deadline"),
    "event_date": _f("event_date", "date", "Event date"),
    "dietary": FIELDS["dietary"]["field"] if "dietary" in FIELDS else None,
    "patient_status": _f(
        "patient_status",
        "select",
        "New or existing patient",
        options=["New patient", "Existing patient"],
    ),
    "visit_reason": _f("visit_reason", "textarea", "Reason for your visit", max_length=2000),
    "roles": _f("roles", "text", "Role(s) you need to fill", max_length=300),
    "headcount": _f("headcount", "number", "How many people do you need?", min=1, max=10000),
    "return_reason": _f(
        "return_reason",
        "select",
        "Reason for return",
        options=[
            "Damaged or faulty",
            "Wrong item",
            "Wrong size",
            "Not as described",
            "Changed my mind",
            "Other",
        ],
    ),
    "comments": _f("comments", "textarea", "Comments", max_length=5000),
    "outlet": _f("outlet", "text", "Publication or outlet", max_length=160),
    "reason": _f("reason", "textarea", "Reason for your request", max_length=3000),
    "notes": _f("notes", "textarea", "Anything we should know?", max_length=3000),
    "seats": _f("seats", "number", "Number of seats / users", min=1),
}
DOMAIN_FIELDS = {k: v for k, v in DOMAIN_FIELDS.items() if v}
FIELDS.update({k: v for k, v in DOMAIN_FIELDS.items() if k not in FIELDS})

_SOFTWARE = r"\b(?:app|apps|software|saas|platform|api|website|portal|system)\b"
_ONSITE = (
    r"\b(?:roof\w*|clean\w*|plumb\w*|landscap\w*|garden\w*|solar|remodel\w*|renovat\w*|kitchens?|bathrooms?|"
    r"boilers?|install\w*|repairs?|pest|removals?|moving (?:house|home)|builders?|electrician|decorat\w*|"
    r"paint\w*|fenc\w*|driveways?|windows|flooring|carpets?|hvac|heating|on-site|onsite|site visits?)\b"
)
_B2B = (
    r"\b(?:b2b|saas|pricing|seats|licen[cs]es?|enterprise|enterprises|businesses|companies|company's|corporate|firms|organi[sz]ations|"
    r"procurement|distributors|retailers|resellers|agencies|employers|teams|it decision-makers|"
    r"decision-makers|finance teams|cfos|ctos|smbs|smes|merchants|clients at)\b"
)

# (kind keys or None for any kind, regex over the description, catalogue keys to add)
CONCEPTS = [
    (("support",), r"\brefunds?\b|\bcancel\w*|\bfreeze\b", ["reason"]),
    (
        ("support",),
        r"\bpurchase[sd]?\b|\brefunds?\b|\bbought\b|\border(?:s|ed)\b|\border\b(?! (?:a|an|some|more|new|"
        r"replacements?|spares?|extra|free|copies|samples?|brochures?|catalogues?)\b)|"
        r"\bparcels?\b|\bdeliver(?:y|ies|ed)\b|\be-?commerce\b|\bonline (?:shop|store)\b|\bshop\b",
        ["order_number"],
    ),
    (("support",), r"\binvoices?\b|\bbill\b|\bbilling\b", ["invoice_number"]),
    (
        ("support",),
        r"\bmobile app\b|\b(?:our|the|an?) app\b|\bios\b|\bandroid\b",
        ["device", "os", "app_version"],
    ),
    (("support",), r"\bbugs?\b|\bcrash\w*", ["steps"]),
    (
        ("support",),
        rf"\bwarrant(?:y|ies)\b|\bserial\b|{PRODUCT_REGISTRATION}",
        ["product", "serial_number", "purchase_date"],
    ),
    (
        ("support",),
        r"\bcity\b|\bcouncil\b|\bpotholes?\b|\bstreet\w*\b|\bresidents\b|\bnoise\b|\bneighbou?rhood\b",
        ["location"],
    ),
    (("support",), r"\bhotel\b|\bstay\b", ["booking_reference"]),
    (
        None,
        r"\bmake and model\b|\bcar service\b|\bgarage\b|\bmot\b|\bvehicles?\b|\btrade-?in\b|\bdealerships?\b",
        ["make", "model"],
    ),
    (None, r"\bgarage\b|\bcar service\b|\bmot\b", ["registration"]),
    (
        ("booking",),
        r"\btable\b|\brestaurant\b|\bdinner\b|\blunch\b|\bbrunch\b|\bparty size\b|\bcovers\b",
        ["party_size"],
    ),
    (
        ("booking", "pricing"),
        r"\bhotel\b|\broom reservations?\b|\bcheck[- ]?in\b|\bb&b\b|\bguest ?house\b",
        ["check_in", "check_out", "party_size", "room_type"],
    ),
    (
        ("pricing",),
        r"\btravel\b|\btrips?\b|\bholidays?\b|\bvacations?\b|\btour operator\b|\bflights?\b",
        ["destination", "departure_date", "return_date", "travellers"],
    ),
    (("contact",), r"\bjournalists?\b|\bpress\b|\bmedia\b", ["outlet"]),
    (None, r"\bschool tours?\b|\bgrade\b|\bpupils?\b|\bschool visits?\b", ["grade"]),
    (("pricing", "booking"), _ONSITE, ["address"]),
    (
        ("pricing",),
        r"\bbulk\b|\bwholesale\b|\brfqs?\b|\bunits\b|\bquantit(?:y|ies)\b",
        ["quantity"],
    ),
    (
        ("booking",),
        r"\bdent\w+|\bclinic\b|\bdoctors?\b|\bgp\b|\bphysio\w*|\bpatients?\b|\bvets?\b|\bveterinar\w+",
        ["visit_reason"],
    ),
    (("booking",), r"\bdent\w+|\bpatients?\b|\bphysio\w*", ["patient_status"]),
    (("pricing",), r"\bcatering\b|\bweddings?\b|\bparty\b|\bvenue\b", ["event_date"]),
]


# "type of request (information, quote, complaint)", "Art der Anfrage (Angebot, Support,
# Sonstiges)": the kinds a "type" choice offers are what visitors may pick, not what the
# form is for.
OPTION_LIST = re.compile(
    r"(\b(?:(?:type|kind|nature|reason|topic|subject|category|art|tipo|motivo|objet|sujet|genre) "
    r"(?:of |de |der |des |del |da |do )?(?:the |la |el |a )?(?:request|enquiry|inquiry|contact|message|"
    r"question|demande|anfrage|solicitud|consulta|pedido|contacto)|(?:request|enquiry|inquiry|contact) "
    r"(?:type|kind|reason|topic|category))\s*)\([^()]*(?:,|/|\bor\b)[^()]*\)"
)


def without_request_types(text: str) -> str:
    return OPTION_LIST.sub(r"\1", text)


def domain_keys(kind_key: str, text: str) -> list[str]:
    """Catalogue keys of the domain fields this description calls for, in order."""
    text = without_request_types(text)
    keys = []
    for kinds, pattern, adds in CONCEPTS:
        if (kinds is None or kind_key in kinds) and re.search(pattern, text):
            keys += [k for k in adds if k not in keys]
    return keys


def is_b2b(text: str) -> bool:
    return re.search(_B2B, text) is not None


# A field the description names → a catalogue entry (first match wins).
PHRASES = [
    (r"^(?:full |your |their )?names?$|^(?:couple|patient|contact) names?$", "name"),
    # the person filling the form in, named by their part in it: one name field
    (
        r"^(?:(?!emergency\b|other\b|second\b)[\w-]+ )?(?:speaker|applicant|candidate|"
        r"participant|attendee|delegate|customer|client|"
        r"submitter|author|presenter|requester|requestor|sender|member|nominator|organi[sz]er|"
        r"teacher|parent|guardian|player|owner|founder|officer|lead|main|primary)'?s? "
        r"(?:full )?names?$|"
        r"^guest(?:'s)? (?:full )?name$|"
        r"^(?:main |primary )?contact (?:person|name)s?$|^(?:main |primary )?point of contact$|"
        r"^names? (?:of the |do |da |del |de la |du |des |der )?(?:participante?s?|candidat[oae]?s?|"
        r"solicitante|applicant|speaker|player|joueur|jugador|jogador|spieler\w*|contact\w*|"
        r"teilnehmer\w*|bewerber\w*)$",
        "name",
    ),
    (r"^first names?$", "first_name"),
    (r"^(?:last name|surname)s?$", "last_name"),
    (r"^(?:e-?mail|email address|work email|business email)$", "email"),
    # "best email to reach you", "email we can reach you on": the person's own address
    (
        r"^(?:best |preferred )e-?mail(?: address)?\b|"
        r"^e-?mail(?: address)? (?:to reach|to contact|we can (?:reach|contact|use))\b",
        "email",
    ),
    (
        r"^(?:phone|phone number|telephone|mobile|mobile number|contact number|number to call)$|^best (?:phone|number)",
        "phone",
    ),
    (r"^(?:company|company name|business name|organi[sz]ation|practice name)$", "company"),
    (r"^(?:job )?titles?$|^roles?$|^role title$", "job_title"),
    (
        r"^(?:company size|number of employees|employees|team size|company headcount|staff headcount)$",
        "company_size",
    ),
    (
        # not "main reason for your score": the reason is written, not rated
        r"^(?!.*\b(?:reasons?|why|because|explain\w*)\b)"
        r"(?:.*\s)?(?:rating|score|satisfaction|stars?)(?:\s+(?:out of\s+)?\d+(?:\s*-\s*\d+)?)?$",
        "rating",
    ),
    (r"^(?:any )?(?:comments?|feedback)$", "comments"),
    (r"budget", "budget"),
    (r"^(?:timeline|time ?frame|timescale)s?$", "timeline"),
    (r"^(?:website|site|url|web address)$", "website"),
    (r"linkedin", "linkedin"),
    (r"^industry$|^sector$", "industry"),
    (r"^country$|^delivery country$", "country"),
    (r"^(?:message|your message|question|questions)$", "message"),
    # "your enquiry", "query", "request": the form's own free-text question, in their word
    (r"^(?:your |an? |the )?(?:enquiry|inquiry|query|request)$", "message"),
    (r"consent|gdpr|opt[- ]?in", "consent"),
    (
        r"(?:how|where) (?:did |do |have )?(?:[\w-]+ ){0,2}?[\w-]+ "
        r"(?:first )?(?:hear|heard|find|found|learn(?:ed|t)?|discover(?:ed)?)"
        r"(?: out)? (?:about|of) (?:us|our|"
        r"the (?:course|class|classes|event|school|club|academy|studio|camp|programme|program|"
        r"competition|job|role|vacancy|opportunity|offer))\b|how (?:did )?(?:you|they) (?:hear|find)\b",
        "referral_source",
    ),
    (r"order (?:number|no|#|id)|^order$", "order_number"),
    (r"invoice (?:number|no|#|id)", "invoice_number"),
    (r"booking ref|booking reference|confirmation number", "booking_reference"),
    (r"account (?:number|no|#)", "account_number"),
    (r"serial", "serial_number"),
    (r"purchase date|date of purchase|when (?:they )?bought", "purchase_date"),
    (r"^make$", "make"),
    (r"^(?:which )?models?$|^car model$", "model"),
    (r"^(?:registration|reg|reg number|number plate|licen[cs]e plate)$", "registration"),
    (r"^mileage$", "mileage"),
    (r"party size|number of guests|^guests$|how many (?:people|guests)|^covers$", "party_size"),
    (r"^check[- ]?in(?: date)?$", "check_in"),
    (r"^check[- ]?out(?: date)?$", "check_out"),
    (r"^room types?$", "room_type"),
    (r"^destinations?$", "destination"),
    (r"travel dates?|dates? of travel", "departure_date"),
    (r"number of travell?ers|^travell?ers$|how many travell?ers", "travellers"),
    (r"year group|school year", "year_group"),
    (r"^(?:child'?s? )?grade$", "grade"),
    (
        r"^(?:address|property address|site address|home address|their address|full address)$",
        "address",
    ),
    (r"^(?:location|site location)$", "location"),
    (r"^(?:postcode|post code|zip|zip code|postal code)$", "postcode"),
    (r"^quantit(?:y|ies)$", "quantity"),
    (r"^deadline$", "deadline"),
    (
        r"^(?:preferred )?(?:appointment )?date$|^(?:preferred )?day$|what day|which day|date that works",
        "preferred_date",
    ),
    (
        # "when suits you", "what time works for you": the time of day to call or come
        r"^(?:preferred )?(?:appointment )?times?$|preferred times?|best time|"
        r"^(?:when|what time) (?:suits|works(?: best)?(?: for)?|is (?:best|good|convenient)(?: for)?) you$",
        "preferred_time",
    ),
    (r"dietary|allerg", "dietary"),
    (r"reason for (?:the |your )?visit", "visit_reason"),
    (r"reason for (?:the |a )?return", "return_reason"),
    (r"new or existing", "patient_status"),
    (r"^(?:cv|resume|cv link|resume link)$", "portfolio"),
    (r"^(?:portfolio|portfolio link)$", "portfolio"),
]


def concept_for(phrase: str) -> str | None:
    for pattern, key in PHRASES:
        if re.search(pattern, phrase):
            return key
    return None


# A domain default the marketer named in their own words ("approximate wedding date",
# "guest count", "where they want to go") is replaced by their field: one concept, one
# field. (default field, what the named field must be, words of its label)
_PEOPLE = (
    r"\b(?:guests?|people|persons|adults|travell?ers|party|group|headcount|attendees|covers|"
    r"pax|participants|diners|passengers|delegates|kids|children)\b"
)
# A place written out: an address, a postcode, in any of the five languages
_ADDRESS_WORDS = (
    r"\baddress\b|\bpost ?codes?\b|\bzip\b|\bpostal\b|\bpostleitzahl\b|\badresse\b|"
    r"\bdirecci[oó]n\b|\bmorada\b|\bendere[cç]o\b|\bc[oó]digo postal\b|\bcode postal\b"
)
SAME_AS = [
    ("grade", None, r"\byear group\b|\bschool year\b"),
    ("party_size", "number", _PEOPLE),
    ("travellers", "number", _PEOPLE),
    ("check_in", "date", r"\barriv\w*|\bcheck[- ]?in\b"),
    ("check_out", "date", r"\bdepart\w*|\bcheck[- ]?out\b|\bleav\w*"),
    ("departure_date", "date", r"\bdepart\w*|\btravel dates?\b|\boutbound\b|\bleav\w*"),
    ("return_date", "date", r"\breturn\w*|\bcoming back\b|\binbound\b"),
    # any date the marketer names is the event's, unless it is plainly another date
    ("event_date", "date", r"^(?!.*\b(?:birth|return\w*|deadline|purchase\w*|bought|start)\b)"),
    # "move-out date", "date of your visit": the date asked for is the one wanted, unless
    # it is plainly another (a birthday, the last service, a purchase)
    (
        "preferred_date",
        "date",
        r"^(?!.*\b(?:birth|born|dob|last|previous|purchase\w*|bought|expir\w*|issued?|deadline)\b)",
    ),
    (
        "destination",
        None,
        r"\bdestination\b|\bwhere\b.*\b(?:go|going|travel\w*|visit\w*|stay)\b|\bdrop[- ]?off\b",
    ),
    (
        "room_type",
        None,
        r"\broom (?:type|preference|choice|kind)s?\b|\b(?:type|kind) of room\b|\bwhich room\b|"
        r"^room room$",  # "single, double or family room": the room asked as a choice
    ),
    ("device", "text", r"\b(?:device|handset|phone|laptop|computer|tablet)\b"),
    # "media outlet", "publication", "newspaper": the journalist's outlet in their words
    (
        "outlet",
        "text",
        r"\b(?:outlet|publication|media|medium|newspaper|magazine|station|channel)\b",
    ),
    ("order_number", "text", r"\border\b.*\b(?:number|no|reference|ref|id|code)\b"),
    ("cover_letter", None, r"\bcover(?:ing)? letter\b|\bmotivation(?:al)? letter\b"),
    ("make", "text", r"\bmake\b|\bbrand\b|\bmanufacturer\b"),
    ("model", "text", r"\bmodel\b"),
    # a postcode alone is what the marketer needs to know of where: no full address too; the
    # place named as a location ("property location"), not a spot in it ("location of the leak")
    (
        "address",
        "text",
        rf"{_ADDRESS_WORDS}|\blocation$|\bwhere (?:are you|is the "
        r"(?:property|house|home|site|job|venue|event)\b)",
    ),
    # where a reported problem is ("street address", "exact location", "where is it", "lieu
    # exact", "Ort"): the place the engine asks as "Location or address"
    (
        "location",
        "text|textarea",
        rf"{_ADDRESS_WORDS}|\blocation\b|\b(?:street|road|lane|avenue|junction|landmark|spot|"
        r"site)s?\b|\bwhere\b(?!.*\b(?:hear|heard|find|found|learn\w*|go|going|travel\w*|stay\w*|"
        r"work\w*|buy|bought)\b)|"
        r"\b(?:lieu|ort|standort|ubicaci[oó]n|localiza[cç][aã]o)\b",
    ),
    # "estimated monthly order (kg)", "how many units", "quantidade estimada": the quantity
    (
        "quantity",
        "number|text",
        r"\bunits?\b|\bquantit\w*|\bhow many\b(?! (?:people|employees|staff|years))|\bvolumes?\b|"
        r"\borders?\b(?! (?:number|no\b|ref\w*|id\b|#|date|type|status))|\bkg\b|\bpieces\b|"
        r"\bpallets?\b|\bcopies\b|\bmenge\b|\bcantidad\b",
    ),
    # "how likely are you to recommend us (0-10)" asked in the marketer's words
    ("nps", "number", r"\brecommend\b"),
]


def covers(default: str, field: dict) -> bool:
    """Whether ``field`` (one the description named) asks what domain default ``default`` asks."""
    text = f"{field['name'].replace('_', ' ')} {field.get('label') or ''}".lower()
    return any(
        default == name
        and (ftype is None or field["type"] in ftype.split("|"))
        and re.search(words, text)
        for name, ftype, words in SAME_AS
    )
