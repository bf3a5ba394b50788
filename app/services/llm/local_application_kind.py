"""An application that is not for a job (issue 20, seen on stop 16's walk).

The job-application kind also takes every other application a person reviews: volunteering,
a scholarship, a speaking slot, a stall. Its agent brief and thank-you spoke of "job
applications", "hiring decisions" and "our hiring team" on a food bank's volunteer sign-up.
Here they say what the form is: a volunteer is thanked for offering to help, any other
applicant for applying, and the agent reviews applications, not candidates for a job.
"""

from __future__ import annotations

import re

from app.services.llm.local_stated_purpose import OPENING_END

# Words of employment: a job, a role, a CV. Without them the application is for something else.
_JOB = re.compile(
    r"\b(?:jobs?(?! titles?\b)|careers?|hiring|hire|vacanc\w+|positions?|roles?|cvs?|resumes?|cover letters?|"
    r"employment|recruit\w*|internships?|apprenticeships?|shifts?|salary|staff|"
    r"empleo|trabajo|puesto|emploi|poste|stagiaire|stelle|bewerbung|emprego|vaga|est[áa]gio)\b",
    re.I,
)
_VOLUNTEER = re.compile(r"\bvolunt\w+|\bbenevol\w*|\bbénévol\w*|\behrenamt\w*", re.I)

VOLUNTEER_THANKS = (
    "Thanks for offering to volunteer! We'll be in touch soon about how you can help."
)
APPLICATION_THANKS = (
    "Thanks for applying! We review every application and will get back to you within two weeks."
)
APPLICATION_PLAYBOOK = (
    "Thank each applicant by email and say when they will hear back. Never make decisions or "
    "promises on the team's behalf; escalate strong applications to the person who reviews "
    "them with a one-line summary."
)


def fit_application(kind: dict, text: str) -> dict:
    """``kind`` as is for a job; for any other application, its brief and thank-you."""
    if kind["key"] != "job_application":
        return kind
    heading = OPENING_END.split(text, maxsplit=1)[0]
    # "Volunteer interest form: …, which roles interest you", "Festival volunteers: …, which
    # shifts": a volunteer's roles and shifts are not a job; "Job application for a volunteer
    # coordinator" is one
    headed = _VOLUNTEER.search(heading) is not None and not _JOB.search(heading)
    if _JOB.search(text) and not headed:
        return kind
    volunteer = _VOLUNTEER.search(text) is not None
    return {
        **kind,
        "goal": "welcome volunteers and arrange their help" if volunteer else "review applications",
        "thanks": VOLUNTEER_THANKS if volunteer else APPLICATION_THANKS,
        "playbook": APPLICATION_PLAYBOOK,
    }
