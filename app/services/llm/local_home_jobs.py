"""A job to do at someone's home is a sales lead, not a job application (round 13a).

"Handyman request: … describe the job, photos, how urgent is it", "Odd jobs around the
house", "Got a job for us? We are plumbers on call": a customer describes a piece of work
they want done (repairs, odd jobs, gardening, removals) — the trade quotes for it. The word
"job" there is the work, not employment; it is employment when the description speaks of
applying, CVs, candidates, hiring or a team to join ("Jobs at our plumbing company: apply
with your CV").
"""

from __future__ import annotations

import re

# A trade that comes to the customer's home or garden
TRADES = (
    r"handym[ae]n|handy ?(?:person|people)|odd[- ]job\w*|plumbers?|plumbing|electricians?|"
    r"electrical work|gardeners?|gardening|garden (?:maintenance|clearance|work)|landscap\w+|"
    r"tree surgeons?|tree surgery|roofers?|roofing|builders?|building work|decorators?|"
    r"painters?|painting and decorating|carpenters?|carpentry|joiners?|joinery|locksmiths?|"
    r"removals?|removal firm|man (?:and|&|with a) van|tilers?|tiling|plasterers?|plastering|"
    r"glaziers?|fencing|guttering|pest control|tradespeople|tradesm[ae]n|tradesperson|"
    r"renovations?|refurbishment|home improvements?|property maintenance"
)
# "job" as a piece of work: described, needing doing, for us, around the house
JOB_TO_DO = re.compile(
    r"\b(?:describe|describing|description of|details of|size of|photos? of|pictures? of|"
    r"tell us about|what(?:'s| is)?|which)\s+(?:the |your |their |a )?jobs?\b|"
    r"\bjobs?\s+(?:is|are|needs?|need doing|needing|to be done|done|for us|around|in|at)\b|"
    r"\b(?:odd|small|little|garden|gardening|repair|building|decorating|plumbing|electrical|"
    r"house|household|home|diy|maintenance|removal)\s+jobs?\b|"
    r"\b(?:got|have|post|posted|book|quote for|price for|request)\s+(?:a |the |your )?jobs?\b|"
    rf"\b(?:{TRADES})\b",
    re.I,
)
EMPLOYMENT = re.compile(
    r"\b(?:cvs?|resumes?|cover letters?|apply|applying|applicants?|applications? (?:for|to)|"
    r"job applications?|candidates?|hiring|we'?re hiring|hire (?:staff|people)|recruit\w*|"
    r"vacanc\w+|positions?|salary|salaries|careers?|join (?:our|the) team|work for us|"
    r"(?:years of )?experience|qualifications?|interviews?|employment|notice period|"
    r"right to work|jobs at (?!(?:your |their |my |the )?(?:home|house|garden|property|flat|place))|apprentice\w*|trainees?|internships?)\b",
    re.I,
)
JOB_WORD = re.compile(r"\bjobs?\b", re.I)


def job_to_do(text: str) -> bool:
    """Whether the description's "job" is one to be done for a customer (not employment)."""
    return (
        JOB_WORD.search(text) is not None
        and JOB_TO_DO.search(text) is not None
        and EMPLOYMENT.search(text) is None
    )


def without_job_word(text: str) -> str:
    """The description with "job" read as the work it is ("describe the work")."""
    return JOB_WORD.sub("work", text)
