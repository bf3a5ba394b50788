"""The local engine's field catalogue: reusable fields and the contact or
company property each fills. ``local_kinds`` lists the form kinds that use
them, ``local_domain`` adds the domain fields (order number, party size…);
``local_refine`` reuses the catalogue for "add a phone field" instructions.
"""

from __future__ import annotations

import copy

COMPANY_SIZES = ["1-10", "11-50", "51-200", "201-1000", "1000+"]
BUDGETS = ["<$10K", "$10K-$50K", "$50K-$100K", "$100K+"]
TIMELINES = ["This month", "This quarter", "Next 6 months", "Just researching"]


def _f(
    name,
    ftype,
    label,
    *,
    required=False,
    placeholder="",
    help="",
    options=None,
    min=None,
    max=None,
    max_length=None,
    maps_to=None,
):
    return {
        "field": {
            "name": name,
            "type": ftype,
            "label": label,
            "placeholder": placeholder,
            "help": help,
            "required": required,
            "options": list(options or []),
            "min": min,
            "max": max,
            "max_length": max_length,
            "regex": None,
            "default": None,
        },
        "maps_to": maps_to,
    }


def _custom(key: str) -> str:
    return f"contact.custom_fields.{key}"


# name -> field template. ``maps_to`` is the contact/company property it fills.
FIELDS = {
    "name": _f(
        "name",
        "text",
        "Full name",
        required=True,
        placeholder="Jane Smith",
        max_length=120,
        maps_to="contact.name",
    ),
    "first_name": _f(
        "first_name",
        "text",
        "First name",
        placeholder="Jane",
        max_length=80,
        maps_to="contact.first_name",
    ),
    "last_name": _f(
        "last_name",
        "text",
        "Last name",
        placeholder="Smith",
        max_length=80,
        maps_to="contact.last_name",
    ),
    "email": _f(
        "email",
        "email",
        "Email",
        required=True,
        placeholder="jane@example.com",
        maps_to="contact.email",
    ),
    "work_email": _f(
        "email",
        "email",
        "Work email",
        required=True,
        placeholder="jane@company.com",
        help="Please use your company address.",
        maps_to="contact.email",
    ),
    "phone": _f("phone", "phone", "Phone", placeholder="+1 555 010 0199", maps_to="contact.phone"),
    "company": _f(
        "company",
        "text",
        "Company",
        required=True,
        placeholder="Acme Inc.",
        max_length=160,
        maps_to="company.name",
    ),
    "job_title": _f(
        "job_title",
        "text",
        "Job title",
        placeholder="Head of Operations",
        max_length=120,
        maps_to=_custom("job_title"),
    ),
    "company_size": _f(
        "company_size",
        "select",
        "Company size",
        options=COMPANY_SIZES,
        help="Number of employees",
        maps_to=_custom("company_size"),
    ),
    "budget": _f("budget", "select", "Budget", options=BUDGETS, maps_to=_custom("budget")),
    "timeline": _f(
        "timeline",
        "select",
        "Timeline",
        options=TIMELINES,
        help="When do you plan to start?",
        maps_to=_custom("timeline"),
    ),
    "website": _f(
        "website",
        "url",
        "Website",
        placeholder="https://www.example.com",
        maps_to=_custom("website"),
    ),
    "linkedin": _f(
        "linkedin",
        "url",
        "LinkedIn profile",
        placeholder="https://www.linkedin.com/in/…",
        maps_to=_custom("linkedin"),
    ),
    "industry": _f(
        "industry",
        "select",
        "Industry",
        options=[
            "Software",
            "Financial services",
            "Healthcare",
            "Retail",
            "Manufacturing",
            "Education",
            "Public sector",
            "Other",
        ],
        maps_to=_custom("industry"),
    ),
    "country": _f("country", "text", "Country", max_length=80, maps_to=_custom("country")),
    "message": _f(
        "message",
        "textarea",
        "How can we help?",
        placeholder="Tell us a little about your needs",
        max_length=5000,
    ),
    "consent": _f(
        "consent",
        "checkbox",
        "I agree to receive emails and can unsubscribe at any time",
        required=True,
    ),
    "referral_source": _f(
        "referral_source",
        "select",
        "How did you hear about us?",
        options=["Search engine", "Social media", "Friend or colleague", "Event", "Other"],
    ),
}


def field(key: str, **changes) -> dict:
    """A fresh copy of a catalogue field, with attribute changes (e.g. required=False)."""
    item = copy.deepcopy(FIELDS[key]["field"])
    item.update(changes)
    return item


def mapping_target(field_name: str) -> str | None:
    for entry in FIELDS.values():
        if entry["field"]["name"] == field_name:
            return entry["maps_to"]
    return None


# Fields only some kinds use.
EXTRA_FIELDS = {
    "position": _f(
        "position",
        "text",
        "Position you are applying for",
        required=True,
        max_length=160,
        maps_to=_custom("position"),
    ),
    "portfolio": _f(
        "portfolio",
        "url",
        "Link to your CV or portfolio",
        required=True,
        placeholder="https://…",
        help="A link to a PDF, Google Drive file or personal site.",
    ),
    "experience": _f("experience", "number", "Years of relevant experience", min=0, max=60),
    "start_date": _f("start_date", "date", "Earliest start date"),
    "cover_letter": _f("cover_letter", "textarea", "Why do you want to join us?", max_length=5000),
    "department": _f(
        "department",
        "select",
        "Department",
        options=["Engineering", "Sales", "Marketing", "Finance", "Operations", "People", "Other"],
        required=True,
    ),
    "request_type": _f(
        "request_type",
        "select",
        "Request type",
        options=["IT / equipment", "Access", "Purchase", "Time off", "Other"],
        required=True,
    ),
    "details": _f("details", "textarea", "Details", required=True, max_length=5000),
    "needed_by": _f("needed_by", "date", "Needed by"),
    "question": _f("question", "textarea", "Any question for the speakers?", max_length=2000),
    "ticket_type": _f(
        "ticket_type",
        "select",
        "Ticket type",
        options=["General admission", "VIP", "Student"],
        required=True,
    ),
    "attendees": _f("attendees", "number", "Number of attendees", min=1, max=20),
    "dietary": _f("dietary", "text", "Allergies or dietary requirements", max_length=300),
    "use_case": _f("use_case", "textarea", "What would you use it for?", max_length=2000),
    "product_area": _f(
        "product_area",
        "select",
        "Product area",
        options=["Account & billing", "Web app", "Mobile app", "Integrations / API", "Other"],
    ),
    "priority": _f(
        "priority", "select", "Priority", options=["Low", "Normal", "High", "Urgent"], required=True
    ),
    "subject": _f("subject", "text", "Subject", required=True, max_length=200),
    "description": _f(
        "description",
        "textarea",
        "Describe the problem",
        required=True,
        placeholder="What happened, and what did you expect?",
        max_length=10000,
    ),
    "page_url": _f("page_url", "url", "Page where it happened", placeholder="https://…"),
    "steps": _f(
        "steps", "textarea", "Steps to reproduce", placeholder="1. …\n2. …", max_length=5000
    ),
    "rating": _f(
        "rating",
        "select",
        "How satisfied are you overall?",
        required=True,
        options=["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"],
    ),
    "nps": _f(
        "nps",
        "number",
        "How likely are you to recommend us to a friend or colleague? (0-10)",
        required=True,
        min=0,
        max=10,
    ),
    "liked": _f("liked", "textarea", "What did you like most?", max_length=3000),
    "improve": _f("improve", "textarea", "What could we improve?", max_length=3000),
    "may_contact": _f("may_contact", "checkbox", "You may contact me about my feedback"),
    "requirements": _f(
        "requirements", "textarea", "What do you need a quote for?", required=True, max_length=5000
    ),
    "partnership_type": _f(
        "partnership_type",
        "select",
        "Partnership type",
        required=True,
        options=["Reseller", "Referral", "Technology / integration", "Agency", "Other"],
    ),
    "preferred_date": _f("preferred_date", "date", "Preferred date"),
    "preferred_time": _f(
        "preferred_time",
        "select",
        "Preferred time",
        options=["Morning", "Midday", "Afternoon", "Evening"],
    ),
    "topic": _f("topic", "textarea", "What would you like to discuss?", max_length=3000),
}
FIELDS.update(EXTRA_FIELDS)
