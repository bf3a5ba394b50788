"""Form kinds that grow an audience: webinars, events, downloads, waitlists, newsletters."""

from __future__ import annotations

from app.services.llm.local_kinds_base import (
    MARKETING_ACTIONS,
    kind,
)

MARKETING_KINDS = [
    kind(
        "webinar",
        "Webinar Registration",
        "marketing",
        "email_marketing",
        "fully_autonomous",
        MARKETING_ACTIONS,
        # "post-webinar survey", "feedback after the webinar", "webinar feedback": about a
        # webinar, not a place at one
        [
            (
                r"(?<!post-)(?<!post )(?<!after-)(?<!after )(?<!after the )(?<!after our )"
                r"\bwebinars?\b(?!\s+(?:feedback|survey|evaluation|review|questionnaire))|web seminar|"
                r"livestream|live stream|virtual session",
                10,
            )
        ],
        ["name", "email", "company-", "job_title", "question"],
        ["name", "email"],
        "register attendees for the webinar and send them the joining details",
        "You're registered! We've emailed you the link to join — see you there.",
    ),
    # A place on a course, a class or a term: confirmed and routed like an event registration,
    # without a conference's company, job title and ticket type.
    kind(
        "course",
        "Course Enrolment",
        "general",
        "direct_route",
        "semi_autonomous",
        ["send_email", "respond_direct", "escalate"],
        [
            (
                r"\benrol(?:l|s|ls|led|ling|ment|ments|lment|lments)?\b|"
                r"\b(?:sign[- ]?ups?|register|registration)\b[^.;:]{0,40}\b(?:course|class|classes|"
                r"bootcamp|term|semester)\b(?! (?:info|information|open|taster)\b)|"
                r"\bplaces? (?:on|in|at) (?:our|the|a|an) (?:[\w-]+ ){0,3}?(?:course|class|classes|"
                r"bootcamp|programme|program|term)\b|\b(?:course|class|bootcamp|term|semester) "
                r"(?:registration|sign[- ]?ups?)\b",
                7,
            ),
        ],
        ["name", "email", "phone-", "preferred_date-", "message-"],
        ["name", "email"],
        "enrol students and send them the course details",
        "Thanks for enrolling! We'll confirm your place and the details by email.",
    ),
    # A registration is a place at an event, not consent to marketing: it is confirmed and
    # routed to the organiser (direct_route); only webinars and updates lists are email_marketing.
    kind(
        "event",
        "Event Registration",
        "general",
        "direct_route",
        "semi_autonomous",
        ["send_email", "respond_direct", "escalate"],
        [
            (
                r"\bevent registration\b|\bregistrations?\b|\bregister (?:for|their|your|my|kids|children)\b",
                6,
            ),
            (r"\brsvps?\b", 8),
            (
                r"\bconference\b|\bmeetup\b|\bsummit\b|\bworkshops?\b|\bopen days?\b|\bopen house\b|"
                r"\bfun run\b|\bmarathon\b|\bcamps?\b|\bgala\b|\bfestival\b|\bmasterclass(?:es)?\b",
                3,
            ),
            (r"\bsign[- ]?ups? for (?:our|the|a|an)\b", 2),
            # "Christmas party sign-up", "staff summer BBQ": a place at a party, not a mailing list
            (
                r"\b(?:christmas|xmas|holiday|festive|summer|office|staff|team|work|company|end[- ]of[- ]year|"
                r"leaving|retirement|launch|garden)\s+(?:party|parties|do|bbq|barbecue|lunch|dinner|drinks|"
                r"social|picnic|away day|ball)\b|\bquiz nights?\b",
                4,
            ),
            (r"\battendees\b", 2),
            (r"\btickets?\b", 2),
            (r"\bevents?\b", 1),
        ],
        ["name", "email", "company-", "job_title", "ticket_type-", "attendees", "dietary"],
        ["name", "email"],
        "register attendees and send confirmations and reminders",
        "You're registered! A confirmation with all the details is on its way to your inbox.",
    ),
    kind(
        "download",
        "Content Download",
        "marketing",
        "email_marketing",
        "fully_autonomous",
        MARKETING_ACTIONS,
        [
            (
                r"\bwhite ?papers?\b|\be-?books?\b|\bdownloads?\b|\bgated\b|\blead magnet\b|\bcase stud(?:y|ies)\b|"
                r"\b(?:free|industry|annual|research|the) report\b|\bguides?\b|\bchecklists?\b|\btemplates?\b",
                6,
            )
        ],
        ["name", "work_email", "company-", "job_title", "company_size"],
        ["email"],
        "deliver the requested content and nurture the reader",
        "Thanks! Your download link is on its way to your inbox.",
    ),
    kind(
        "waitlist",
        "Waitlist Signup",
        "marketing",
        "email_marketing",
        "fully_autonomous",
        MARKETING_ACTIONS,
        [
            (
                r"\bwait ?list\b|\bwaiting list\b|\bearly access\b|\bbeta\b|\blaunch list\b|\bnotify me when\b",
                9,
            ),
            (
                r"\bget notified\b|\bnotify (?:me|them|you)\b|\brestock\w*|\bback in stock\b|\bprice drops?\b",
                9,
            ),
        ],
        ["email", "name-", "company-", "use_case"],
        ["email"],
        "collect early-access signups and keep them informed",
        "You're on the list! We'll email you as soon as your spot opens up.",
    ),
    kind(
        "newsletter",
        "Newsletter Signup",
        "marketing",
        "email_marketing",
        "fully_autonomous",
        MARKETING_ACTIONS,
        [
            (
                r"\bnewsletters?\b|\bmailing list\b|\bemail list\b|\bsubscribe\b|\bsubscribers?\b|\bdigest\b|"
                r"\bemail updates\b|\brelease notes\b|\bweekly deals\b|\bmonthly picks\b",
                8,
            ),
            (
                r"\b(?:monthly|weekly|quarterly|email|product|our|news) updates\b|\bupdate emails\b|"
                r"\b(?:monthly|weekly|quarterly) (?:[\w-]+ ){0,2}(?:emails|bulletins|briefings)\b",
                8,
            ),
            # "a sign-up for our monthly wine club updates": what they sign up for is updates
            (r"\b(?:sign[- ]?ups?|subscribe|subscription)\b[^.;:]{0,40}\bupdates\b", 8),
            (
                r"\bloyalty\b|\bcollect emails?\b|\bemail (?:sign-?ups?|capture)\b|\b(?:vip|members?) club\b",
                8,
            ),
            (r"\bupdates\b|\bsign[- ]?up\b", 2),
            (r"\bbulletins?\b|\bround-?ups?\b", 8),
            # "stay-in-touch form", "keep me posted", "join our list", "price alerts",
            # "new listings by email": the visitor asks to hear from us
            (
                r"\b(?:stay|keep) in touch\b|\bstay-in-touch\b|\bkeep (?:me|them|you|people) "
                r"(?:posted|updated|informed|in the loop)\b|\bjoin (?:our|the) (?:[\w-]+ )?list\b|"
                r"\b(?:price|job|listing|deal|sale) alerts?\b|\bsubscribe (?:to|for) (?:new |our )?"
                r"(?:listings|alerts|reports|deals|offers)\b",
                8,
            ),
        ],
        ["email", "first_name"],
        ["email"],
        "welcome new subscribers",
        "Thanks for subscribing! Check your inbox for a welcome email.",
    ),
]
