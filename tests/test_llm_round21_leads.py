"""Non-buyers read for what they are in any language (issue 20, round 21): a journalist,
a job seeker and an agency pitching are tagged as such and get no deal, while a publisher
buying for its editors and an employer that is hiring stay buyers; a season is a timeline."""

from __future__ import annotations

from tests.helpers_agents import qualified


async def test_foreign_journalists_job_seekers_and_pitches_are_not_buyers(app, user, db):
    for kind, message in (
        ("press", "Soy periodista y estoy escribiendo un reportaje sobre formularios."),
        ("press", "Ich bin Redakteurin und schreibe einen Artikel über Lead-Management."),
        ("job-seeker", "Is the account executive role still open? Happy to send my details."),
        ("job-seeker", "Ist die Stelle im Vertrieb noch frei? Ich würde mich gern bewerben."),
        ("vendor", "Nous aidons les éditeurs SaaS comme vous à doubler leurs leads."),
    ):
        data = {
            "email": f"{kind}.{len(message)}@northfield-media.com",
            "name": "Ana Lee",
            "company": "Northfield",
            "message": message,
        }
        qualify, deals = await qualified(app, user, db, "Demo request", data)
        assert qualify["score"] == "low" and kind in qualify["tags"], (message, qualify)
        assert "not a buyer" in qualify["reason"] and deals == []


async def test_buyers_who_mention_editors_or_hiring_stay_buyers(app, user, db):
    for message in (
        "Unsere 40 Redakteure brauchen ein Formular für Leserbriefe. Start im März, "
        "Budget ist freigegeben.",
        "We're hiring 60 seasonal staff and need an application form for 5 sites by end of March.",
    ):
        data = {
            "email": f"it.{len(message)}@verlag-sonnenberg.de",
            "name": "Eva Roth",
            "company": "Sonnenberg",
            "job_title": "Head of Digital",
            "company_size": "201-1000",
            "message": message,
        }
        qualify, deals = await qualified(app, user, db, "Demo request", data)
        assert qualify["score"] == "high" and "not-a-buyer" not in qualify["tags"], qualify
        assert len(deals) == 1


async def test_a_season_is_quoted_as_the_timeline(app, user, db):
    data = {
        "email": "ops@harbourviewhotels.co.uk",
        "name": "Gemma Holt",
        "company": "Harbourview Hotels",
        "company_size": "201-1000",
        "message": "We need it live before the spring season for our 14 hotels, "
        "budget is signed off.",
    }
    qualify, _ = await qualified(app, user, db, "Demo request", data)
    assert "timeline: before the spring season" in qualify["reason"]
    assert "mentions a budget (budget is signed off)" in qualify["reason"]
