"""Form kinds about people and the team: intake, staffing, applications, internal requests, feedback."""

from __future__ import annotations

from app.services.llm.local_kinds_base import (
    PARTICIPATION_PROPOSAL,
    SALES_ACTIONS,
    kind,
)
from app.services.llm.local_service_cues import STAFF_FORM

PEOPLE_KINDS = [
    kind(
        "intake",
        "Client Intake",
        "general",
        "notify_only",
        "notify_only",
        ["respond_direct", "escalate"],
        [
            (
                r"\bintake\b|\b(?:client|customer) onboarding\b|\bonboarding (?:form|questionnaire|survey)\b|"
                r"\bupload\w*|\breceipts\b|\bdocuments\b",
                8,
            ),
            (r"\bquestionnaires? for (?:new )?(?:clients|customers)\b", 8),
            # "new patients fill this in before their first visit": what the practice must know
            (
                r"\bnew (?:patients?|clients?)\b[^.:]{0,40}\b(?:fill|complete)\b|"
                r"\bbefore (?:their|your|the) first (?:visit|appointment|session|consultation)\b",
                8,
            ),
        ],
        ["name", "email", "notes"],
        ["name", "email"],
        "collect what clients tell us and brief the team",
        "Thanks — we've got everything we need and the team has been notified.",
    ),
    kind(
        "staffing",
        "Staffing Request",
        "sales",
        "sales_lead",
        "draft",
        SALES_ACTIONS,
        [
            # employers as the audience, not "current employer" asked of a person
            (r"(?<!current )(?<!your )(?<!previous )\bemployers?\b(?! name)", 5),
            (
                r"\b(?:want|wants|need|needs|looking|wish|wishing)(?: \w+)? to hire\b|"
                r"\bhire (?:temp|temporary|staff|workers|people|contractors|developers|nurses|drivers)\b",
                8,
            ),
            (r"\bhiring managers?\b", 6),
            (r"\bstaffing\b|\brecruit\w* (?:firm|agency|company|business)\b", 6),
            (r"\bvacanc\w+ (?:they|that|to be)\b|\bneeds? (?:to be )?filled\b", 8),
        ],
        ["name", "work_email", "company", "phone", "roles", "headcount", "start_date-", "message-"],
        ["name", "work_email", "company"],
        "qualify hiring requests from employers and prepare a shortlist proposal",
        "Thanks! A consultant will call you within one business day to discuss your hiring needs.",
    ),
    kind(
        "job_application",
        "Job Application",
        "general",
        "direct_route",
        "draft",
        ["send_email", "escalate"],
        [
            (
                r"\bjob applications?\b|\bapply (?:for|to) (?:a |an |the |our |open )?(?:jobs?|roles?|positions?)\b|"
                r"\bcareers(?: page| section| site)?\b",
                8,
            ),
            (r"\b(?:cv|cvs|resume|resumes|cover letter)\b", 4),
            (r"\bapplicants?\b|\bcandidates?\b", 3),
            (r"\bposition\b|\bvacanc(?:y|ies)\b|\bopen roles?\b|\bjob\b", 2),
            (r"\bapply\b|\bapplications?\b", 3),
            (r"\bvolunteer\w*", 6),
            (r"\binternships?\b|\bapprenticeships?\b", 5),
            # taking part in a study is applied for and screened by a person, not a software trial
            (
                r"\bclinical (?:trials?|stud(?:y|ies))\b|\b(?:research|medical) stud(?:y|ies)\b|"
                r"\bpre-?screening\b|\bstudy participants?\b",
                10,
            ),
            # Places people apply for that are not jobs: the same review flow.
            (
                r"\b(?:scholarships?|studentships?|bursar(?:y|ies)|fellowships?|residenc(?:y|ies)|"
                r"mentor(?:ing|ship)? (?:programmes?|programs?|schemes?))\b",
                6,
            ),
            (
                r"\bcall for (?:papers|proposals|speakers|entries|submissions)\b|\bspeaker applications?\b",
                10,
            ),
            (r"\bsubmit (?:their|your|a|an)\b|\bnominat\w+|\bgrants?\b|\bfunding\b", 5),
            # Applying to take part is reviewed by a person, not booked: a podcast guest, a
            # speaker or panelist, an exhibitor or stallholder, a judge, an award nominee.
            (
                r"\b(?:podcast|show|episode) guests?\b|\bguests? on (?:our|the|my) (?:[\w-]+ )?"
                r"(?:podcast|show|channel|stream|programme|program)\b|\bbe (?:a|our) (?:podcast )?guest\b|"
                r"\bspeak(?:ers?|ing)? (?:at|slots?|applications?|proposals?|submissions?)\b|"
                r"\bbecome a (?:speaker|panelist|panellist|exhibitor|stallholder|judge)\b|"
                r"\bkeynote\b|\bgive a talk\b|\btalk (?:proposals?|submissions?|abstracts?)\b|"
                # proposing a workshop, session or paper to take part is an application; a
                # proposal a buyer asks a vendor for stays with the pricing kind
                rf"{PARTICIPATION_PROPOSAL}|"
                r"\bguest (?:bloggers?|posts?|writers?|authors?|contributors?|columnists?)\b|"
                r"\b(?:street )?performers\b|\bperform at\b|"
                r"\bpanel(?:ists?|lists?)\b|\bjoin (?:a|our|the) panel\b|"
                r"\bexhibit(?:ors?|ing)?\b|\bstall ?holders?\b|\bmarket traders?\b|"
                r"\b(?:traders?|stall|vendor|pitch)(?= (?:applications?|apply|wanted)\b)|"
                r"\b(?:volunteer )?judges\b|\bnominees?\b|"
                r"\bapply (?:for|to) (?:a |an |the )?(?:pitch|stall|stand|booth|spot|place|exhibit|speak)\w*",
                12,
            ),
            # A freelancer, contractor or supplier applying to work with us: reviewed by a
            # person, whatever else it names (an upload, a rate per night, a pet).
            (
                # (not a stockist, reseller or member: a sale or a signup)
                r"\bapply to (?:become|be|join) (?:a|an|our|the) (?!(?:stockist|reseller|retailer|"
                r"distributor|wholesale|franchise|affiliate|partner|member|customer|client)\w*)|"
                r"\bjoin (?:our|the) (?:network|roster|pool|panel|bank|register|directory) of\b|"
                r"\b(?:freelance|freelancers?|contractors?|subcontractors?|suppliers?|vendors?|tutors?|"
                r"sitters?|translators?|interpreters?|photographers?|tradespeople|drivers?|couriers?|"
                r"carers?|instructors?|coaches|consultants?|cleaners?|installers?)"
                r"(?: \w+)? (?:applications?|sign-?ups?|registrations?|wanted)\b|"
                r"^\W*become an? (?:supplier|vendor|freelancer|contractor|subcontractor|tutor|sitter|"
                r"driver|courier|translator|interpreter|photographer|instructor|installer)\b|"
                r"\bsponsorship applications?\b|\bapply for (?:sponsorship|funding)\b|"
                r"\bwho (?:want|would like|wish) to (?:supply|work with|join|freelance for) (?:us|our)\b",
                12,
            ),
            (r"\bhiring\b", 2),
        ],
        [
            "name",
            "email",
            "phone",
            "position-",
            "linkedin",
            "portfolio-",
            "experience",
            "start_date",
            "cover_letter",
        ],
        ["name", "email", "phone", "cover_letter"],
        "review job applications",
        "Thanks for applying! Our hiring team reviews every application and will get "
        "back to you within two weeks.",
    ),
    kind(
        "internal",
        "Internal Request",
        "general",
        "notify_only",
        "notify_only",
        ["respond_direct", "escalate"],
        [
            (r"\binternal\b", 6),
            (r"\b(?:employees?|staff)\b", 4),
            (r"\btime[- ]off\b|\bpto\b|\bleave requests?\b|\bholiday requests?\b", 8),
            (r"\bexpenses?\b", 7),
            # IT *support* and helpdesks triage problems (support kind); equipment is a request.
            (r"\bit (?:equipment|requests?)\b|\bequipment requests?\b", 6),
            (r"\bfor (?:our |the )?(?:staff|employees|team members|colleagues)\b", 8),
            (
                r"\b(?:employees|staff|workers|colleagues) (?:report|submit|request|log|book)\b|"
                r"\bsafety (?:incidents?|reports?|issues?|concerns?|observations?|hazards?)\b|"
                r"\bnear miss\w*",
                12,
            ),
            (r"\bour (?:field )?(?:engineers|staff|colleagues|team members)\b", 2),
            (STAFF_FORM, 10),  # "onboarding checklist for HR", "access for new starters"
        ],
        ["name", "work_email", "department-", "request_type-", "details", "needed_by"],
        ["name", "work_email", "details"],
        "route internal requests to the right person",
        "Thanks, your request has been logged and the team has been notified.",
    ),
    kind(
        "feedback",
        "Feedback Survey",
        "general",
        "notify_only",
        "notify_only",
        ["respond_direct", "escalate"],
        [
            (r"\bfeedback\b", 8),
            (r"(?<!site )\bsurveys?\b|\bquestionnaires?\b|\bpolls?\b", 7),
            (r"\bvot(?:e|es|ing) (?:for|on)\b|\bvoting forms?\b|\bvote:", 12),
            (
                r"\bfeature requests?\b|\brequest (?:a )?(?:new )?features?\b|\bideas?\b|\bsuggestions?\b",
                8,
            ),
            (r"\bnps\b|net promoter", 8),
            # a council asking residents' views, not a consultation someone books
            (
                r"\b(?:public|community|residents'?|council|neighbou?rhood|tenants'?|stakeholder|"
                r"(?:play-?)?park)\s+consultations?\b|\bconsulta p[uú]blica\b|"
                r"\bconsultation (?:publique|citoyenne)\b|\bb[uü]rgerbeteiligung\b",
                14,
            ),
            # Why someone left (exit, churn, cancellation, non-renewal, lapsed members) is
            # feedback for the team, not a support request or a sale.
            (
                r"\bexit (?:surveys?|interviews?|questionnaires?|forms?|polls?)\b|\bchurn\w*|"
                r"\bsorry to see (?:you|them) go\b|\boff-?boarding (?:surveys?|feedback|questionnaires?|forms?)\b|"
                r"\bcancell?ation (?:surveys?|feedback|questionnaires?|polls?)\b|\bnon-?renewals?\b|"
                r"\blapsed\b|\bunsubscribe (?:feedback|surveys?|reasons?)\b",
                14,
            ),
            (
                r"\b(?:why |reasons? (?:why )?)(?:did |do |are |were )?(?:you|they|he|she|people|customers|"
                r"members|donors|clients|users|subscribers|tenants|students|guests)(?:'re|'ve)? "
                r"(?:\w+ ){0,2}?(?:leav\w*|left|cancell?\w*|stop\w*|"
                r"churn\w*|unsubscrib\w*|quit\w*|clos\w*|didn't renew|did not renew|let|mov\w+ on|"
                r"downgrad\w*)\b|"
                r"\breasons? for (?:not renewing|leaving|cancell?ing|cancell?ation|quitting|stopping|closing|"
                r"unsubscribing|moving on)\b|\bwhat made (?:you|them) (?:cancel|leave|stop|quit)\b",
                12,
            ),
            (
                r"\b(?:former|lapsed|past|ex-?) (?:customers|members|clients|donors|subscribers|students|users)\b|"
                r"\bwho (?:cancell?ed|left|stopped|didn't renew|did not renew|unsubscribed|closed|ended|"
                r"downgraded)\b|"
                r"\bstopped their\b|\bclosing their accounts?\b|\bended their (?:contract|subscription|membership)\b",
                8,
            ),
            (r"\bsatisfaction\b|\bcsat\b", 6),
            (r"\brating\b|\brate (?:us|our|their)\b", 2),
            (r"\btestimonials?\b|\breviews?\b", 4),
            # a customer's story, a case study told by the customer: what they say of us
            (r"\b(?:customer|client|success|user) stor(?:y|ies)\b|\bcase stud(?:y|ies)\b", 8),
        ],
        ["rating-", "liked", "improve", "email-", "may_contact"],
        ["email-"],
        "collect feedback and flag unhappy customers",
        "Thank you for your feedback — it helps us improve.",
    ),
]
