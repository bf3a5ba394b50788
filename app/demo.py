"""``formagent seed-demo`` (SPEC §2): a demo workspace where every page has something to show.

It goes through the product's own surfaces: the account by sign-up, forms and
handlers through their services, submissions through the public endpoint
(``POST /api/submissions/{form_id}``, in-process over httpx), processing by the
same jobs the workers run, views and starts through the beacon endpoint, drafts
approved and deals moved by the services people use. Only the timestamps are
then spread over 90 days (app/demo_history.py), the newest leads today, so
charts and lists look lived-in. A second run finds the demo account and stops.
"""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import httpx

from app import demo_history as history
from app.db.clock import iso, utcnow
from app.services.analytics import rollups

DEMO_EMAIL = "demo@formagent.example"
DEMO_PASSWORD = "demo-password-123"
DEMO_WORKSPACE = "FormAgent Demo"
SUBMISSIONS = 120
DAYS = 90

FIRST = [
    "Ada",
    "Grace",
    "Linus",
    "Margaret",
    "Alan",
    "Barbara",
    "Ken",
    "Frances",
    "Dennis",
    "Radia",
    "Tim",
    "Hedy",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Torvalds",
    "Hamilton",
    "Turing",
    "Liskov",
    "Thompson",
    "Allen",
    "Ritchie",
    "Perlman",
]
COMPANIES = [
    ("Northwind", "northwind.example"),
    ("Globex", "globex.example"),
    ("Initech", "initech.example"),
    ("Umbrella Labs", "umbrella.example"),
    ("Stark Analytics", "stark.example"),
    ("Wayne Logistics", "wayne.example"),
    (None, "gmail.com"),
]
# (utm_source, utm_medium, utm_campaign), weighted like a B2B site's traffic.
SOURCES = [
    (("google", "cpc", "spring-launch"), 6),
    (("google", "organic", None), 4),
    (("linkedin", "social", "cfo-webinar"), 4),
    (("newsletter", "email", "weekly"), 3),
    (("facebook", "paid_social", "retargeting"), 2),
    (("partner", "referral", "integrations-page"), 1),
    ((None, None, None), 4),
]
TODAY = 12  # submissions that land today, so the dashboard's today cards have something
# Of every 100 visitors: views per submission and starts per submission (conversion shows).
VIEWS_PER_SUBMISSION = (3.0, 6.0)
STARTS_PER_SUBMISSION = (1.4, 2.2)
DEAL_STAGES = ["won", "proposal", "won", "qualified", "lost", "open", "won", "proposal", "won"]
DEAL_AMOUNTS = [4800, 7200, 12000, 18000, 36000]
SALES_MESSAGES = [
    "We need a demo for our finance team of 40.",
    "What does the enterprise plan cost?",
    "Looking to replace our current form tool before Q3.",
    "Can you integrate with our CRM?",
]
SUPPORT_MESSAGES = [
    "I cannot log in since yesterday.",
    "The export button does nothing.",
    "Invoices show the wrong VAT number.",
    "How do I add a colleague?",
]

FORMS = [
    {
        "key": "sales",
        "name": "Talk to sales",
        "type": "sales",
        "flow_id": "sales_lead",
        "description": "Demo and pricing requests from the website.",
        "partials": {"enabled": True, "follow_up": {"enabled": True}},
        # SPEC §17: branded, and in Spanish for Spanish-speaking browsers.
        "theme": {"primary_color": "#1d4ed8", "radius": 8, "button_label": "Talk to sales"},
        "translations": {
            "es": {
                "fields": {
                    "email": {"label": "Correo de trabajo"},
                    "name": {"label": "Nombre"},
                    "company": {"label": "Empresa"},
                    "team_size": {
                        "label": "Tamaño del equipo",
                        "options": ["1-10", "11-50", "51-200", "Más de 200"],
                    },
                    "message": {"label": "¿Qué necesita?"},
                },
                "thank_you_message": "¡Gracias! Le responderemos en un día laborable.",
                "submit_label": "Hablar con ventas",
            }
        },
        "fields": [
            {"name": "email", "type": "email", "label": "Work email", "required": True},
            {"name": "name", "type": "text", "label": "Name"},
            {"name": "company", "type": "text", "label": "Company"},
            {
                "name": "team_size",
                "type": "select",
                "label": "Team size",
                "options": ["1-10", "11-50", "51-200", "200+"],
            },
            {"name": "message", "type": "textarea", "label": "What do you need?"},
        ],
    },
    {
        "key": "support",
        "name": "Support request",
        "type": "support",
        "flow_id": "support_triage",
        "description": "Customers asking for help.",
        "fields": [
            {"name": "email", "type": "email", "label": "Email", "required": True},
            {"name": "name", "type": "text", "label": "Name"},
            {
                "name": "message",
                "type": "textarea",
                "label": "Describe the problem",
                "required": True,
            },
        ],
    },
    {
        "key": "newsletter",
        "name": "Newsletter sign-up",
        "type": "marketing",
        "flow_id": "email_marketing",
        "description": "The blog's newsletter box.",
        "fields": [
            {"name": "email", "type": "email", "label": "Email", "required": True},
            {"name": "first_name", "type": "text", "label": "First name"},
        ],
    },
]


async def _existing(db) -> dict | None:
    return await db.fetchone(
        "SELECT a.id AS account_id, m.workspace_id FROM accounts a JOIN memberships m ON m.account_id = a.id"
        " WHERE a.email_lower = ? AND m.role = 'owner' ORDER BY m.created_at LIMIT 1",
        (DEMO_EMAIL,),
    )


async def _counts(db, workspace_id: str) -> dict:
    def read(conn):
        return {
            table: conn.value(
                f"SELECT COUNT(*) FROM {table} WHERE workspace_id = ?", (workspace_id,)
            )
            for table in (
                "forms",
                "submissions",
                "contacts",
                "companies",
                "deals",
                "tasks",
                "tickets",
                "drafts",
                "emails",
                "events",
            )
        }

    return await db.read(read)


def _person(rng: random.Random, n: int) -> dict:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    company, domain = rng.choice(COMPANIES)
    data = {
        "email": f"{first.lower()}.{last.lower()}{n}@{domain}",
        "name": f"{first} {last}",
        "first_name": first,
    }
    if company:
        data["company"] = company
    return data


def _submission_body(rng: random.Random, form: dict, n: int) -> dict:
    person = _person(rng, n)
    names = {f["name"] for f in form["fields"]}
    body = {k: v for k, v in person.items() if k in names}
    if "team_size" in names:
        body["team_size"] = rng.choice(["1-10", "11-50", "51-200", "200+"])
    if "message" in names:
        body["message"] = rng.choice(
            SUPPORT_MESSAGES if form["type"] == "support" else SALES_MESSAGES
        )
    ((source, medium, campaign),) = rng.choices([s for s, _ in SOURCES], [w for _, w in SOURCES])
    if source:
        utm = {"utm_source": source, "utm_medium": medium, "utm_campaign": campaign}
        body["_meta"] = {
            **{k: v for k, v in utm.items() if v},
            "page_url": "https://www.example.com/" + form["slug"],
        }
    return body


async def _submit_all(app, forms: list[dict], rng: random.Random) -> tuple[int, list[str]]:
    """Through the public endpoint, each visitor from its own address (per-IP limits apply)."""
    accepted, refused = 0, []
    weights = [5, 3, 4]
    for n in range(SUBMISSIONS):
        form = rng.choices(forms, weights=weights[: len(forms)])[0]
        transport = httpx.ASGITransport(
            app=app, client=(f"198.51.{100 + n // 250}.{n % 250 + 1}", 40000 + n)
        )
        async with httpx.AsyncClient(
            transport=transport, base_url=app.state.settings.base_url
        ) as client:
            r = await client.post(
                f"/api/submissions/{form['id']}", json=_submission_body(rng, form, n)
            )
        if r.status_code == 201:
            accepted += 1
        else:
            refused.append(f"{r.status_code} {r.text[:120]}")
    return accepted, refused


async def _beacon(app, forms: list[dict], rng: random.Random) -> int:
    """Views and starts through the public beacon endpoint (POST /api/forms/{id}/beacon),
    a few per submission, so the forms list shows views and conversion."""
    db, sent = app.state.db, 0
    transport = httpx.ASGITransport(app=app, client=("198.51.100.250", 41000))
    async with httpx.AsyncClient(
        transport=transport, base_url=app.state.settings.base_url
    ) as client:
        for form in forms:
            subs = await db.fetchval(
                "SELECT COUNT(*) FROM submissions WHERE form_id = ?", (form["id"],)
            )
            kinds = ["view"] * round(subs * rng.uniform(*VIEWS_PER_SUBMISSION))
            kinds += ["start"] * round(subs * rng.uniform(*STARTS_PER_SUBMISSION))
            for chunk in range(0, len(kinds), 100):  # concurrent: the beacon batcher groups them
                replies = await asyncio.gather(
                    *(
                        client.post(f"/api/forms/{form['id']}/beacon", json={"type": kind})
                        for kind in kinds[chunk : chunk + 100]
                    )
                )
                sent += sum(r.status_code == 204 for r in replies)
    return sent


async def _add_abandoned(app, form: dict) -> int:
    """Visitors who typed their email into the sales form and left (SPEC §17): saved
    through the public partials endpoint, then abandoned by the scheduler's own task
    (the delay counted as passed), so the form's Abandoned view has people in it."""
    from app.services.capture.partials import abandon_due_tx

    db, rng = app.state.db, random.Random(17)
    steps = [
        {"company": "Initech"},
        {"company": "Globex", "team_size": "51-200"},
        {"team_size": "11-50", "message": "Pricing for 30 seats?"},
    ]
    for n, extra in enumerate(steps):
        person = _person(rng, 900 + n)
        transport = httpx.ASGITransport(app=app, client=(f"198.51.110.{n + 1}", 42000 + n))
        async with httpx.AsyncClient(
            transport=transport, base_url=app.state.settings.base_url
        ) as client:
            await client.post(
                f"/api/forms/{form['id']}/partials",
                json={
                    "data": {"email": person["email"], "name": person["name"], **extra},
                    "page_url": "https://www.example.com/" + form["slug"],
                },
            )
    await db.execute(
        "UPDATE partial_submissions SET abandon_at = ? WHERE form_id = ?",
        (iso(utcnow()), form["id"]),
    )
    return await db.write(abandon_due_tx)


async def _add_experiment(app, workspace_id: str, form: dict, rng: random.Random) -> str:
    """A running experiment on the sales form: the form against the local engine's
    challenger, with views and submissions per variant through the public endpoints."""
    from app.services.experiments.optimize import start_challenger

    experiment = await start_challenger(app.state.db, app.state.llm, workspace_id, form["id"], {})
    if experiment is None:
        return "none"
    base = app.state.settings.base_url
    for index, (variant, views, subs) in enumerate(
        zip(experiment["variants"], (140, 150), (14, 24), strict=True)
    ):
        seen = {**form, **(variant["overrides"] or {})}
        transport = httpx.ASGITransport(app=app, client=(f"203.0.113.{10 + index}", 42000))
        async with httpx.AsyncClient(transport=transport, base_url=base) as client:
            beacon = {"type": "view", "variant_id": variant["id"]}
            await asyncio.gather(
                *(client.post(f"/api/forms/{form['id']}/beacon", json=beacon) for _ in range(views))
            )
        for n in range(subs):
            transport = httpx.ASGITransport(
                app=app, client=(f"203.0.{114 + index}.{n + 1}", 43000 + n)
            )
            async with httpx.AsyncClient(transport=transport, base_url=base) as client:
                body = _submission_body(rng, seen, 5000 + index * 100 + n)
                body.update(_experiment_id=experiment["id"], _variant_id=variant["id"])
                await client.post(f"/api/submissions/{form['id']}", json=body)
    return experiment["name"]


async def _review_drafts(db, workspace_id: str, reviewer: str) -> int:
    """The older two thirds of the agent's drafts were approved by a person; the newest wait."""
    from app.services.agents import drafts

    pending = await db.fetchall(
        "SELECT id FROM drafts WHERE workspace_id = ? AND status = 'pending' ORDER BY created_at, id",
        (workspace_id,),
    )
    keep = max(3, len(pending) // 3)
    for draft in pending[: len(pending) - keep]:
        await drafts.approve_draft(db, workspace_id, draft["id"], reviewer=reviewer)
    return max(0, len(pending) - keep)


DEAL_PACKAGES = [(10, 4800), (25, 12000), (40, 18000), (75, 36000)]
DEAL_NOTES = [
    "Asked for a security questionnaire before the trial.",
    "Budget signed off; waiting on legal for the order form.",
    "Wants to start with one team and grow in Q3.",
]


async def _add_deals(db, workspace_id: str, rng: random.Random, owner: dict) -> int:
    """Deals for sales leads from companies, named like a real pipeline ("Northwind — 40
    seats"), owned by the demo person, then moved along (won ones bring revenue)."""
    from app.services.crm import deal_activity, deals

    leads = await db.fetchall(
        "SELECT s.id, s.contact_id, co.name AS company FROM submissions s"
        " JOIN forms f ON f.id = s.form_id JOIN contacts c ON c.id = s.contact_id"
        " JOIN companies co ON co.id = c.company_id"
        " WHERE s.workspace_id = ? AND f.type = 'sales' ORDER BY s.created_at",
        (workspace_id,),
    )
    leads = leads[:17] + leads[-1:]  # the older leads had time to close; the newest came in today
    today = utcnow().date()
    for n, lead in enumerate(leads):
        seats, amount = rng.choice(DEAL_PACKAGES)
        name = f"{lead['company']} — {seats} seats" if n % 4 else f"{lead['company']} — pilot"
        deal = await deals.create_deal(
            db,
            workspace_id,
            {
                "name": name,
                "amount": amount if n % 4 else 2400,
                "contact_id": lead["contact_id"],
                "source_submission_id": lead["id"],
                "expected_close_date": (today + timedelta(days=7 + 3 * n)).isoformat(),
            },
            owner,
        )
        stage = "won" if n == len(leads) - 1 else DEAL_STAGES[n % len(DEAL_STAGES)]
        if stage != "open":
            await deals.move_deal(db, workspace_id, deal["id"], stage, owner)
        if n % 3 == 0:
            note = DEAL_NOTES[(n // 3) % len(DEAL_NOTES)]
            await deal_activity.add_note(db, workspace_id, deal["id"], note, owner)
    return len(leads)


NURTURE_STEPS = [
    {
        "subject": "Welcome, {{first_name|there}}",
        "body": "Hi {{first_name|there}},\nThanks for signing up. Here is where to start.",
    },
    {
        "subject": "How teams use FormAgent",
        "body": "Hi {{first_name|there}},\nThree ways teams like {{company|yours}} turn forms into pipeline.",
        "delay_days": 2,
        "send_time": "09:00",
        "agent_personalize": True,
    },
    {
        "subject": "Want a walkthrough?",
        "body": "Hi {{first_name|there}},\nReply to this email and we will set up 20 minutes.",
        "delay_days": 4,
        "send_time": "10:00",
    },
]


async def _add_campaign(db, workspace_id: str, newsletter_form_id: str, sequence_id: str) -> int:
    """The newsletter's campaign: its form, the nurture sequence, the people who signed up."""
    from app.services.campaigns import campaigns, members

    campaign = await campaigns.create_campaign(
        db,
        workspace_id,
        {
            "name": "Growth playbook newsletter",
            "type": "newsletter",
            "status": "active",
            "inbound_form_ids": [newsletter_form_id],
            "nurture_sequence_id": sequence_id,
            "asset_url": "https://example.com/growth-playbook.pdf",
            "asset_name": "The growth playbook (PDF)",
            "utm_campaign": "growth-playbook",
            "contact_tags": ["newsletter"],
        },
    )
    signed_up = await db.fetchall(
        "SELECT DISTINCT contact_id FROM submissions WHERE workspace_id = ? AND form_id = ?"
        " AND contact_id IS NOT NULL",
        (workspace_id, newsletter_form_id),
    )
    for row in signed_up:
        await members.add_contact(
            db, workspace_id, campaign["id"], {"contact_id": row["contact_id"]}
        )
    return len(signed_up)


async def _add_sequence(db, workspace_id: str) -> tuple[str, int]:
    """A nurture sequence with contacts at every stage (sent, waiting, paused, stopped)."""
    from app.services import sequences

    seq = await sequences.create_sequence(
        db, workspace_id, {"name": "Newsletter nurture", "steps": NURTURE_STEPS}
    )
    contacts = await db.fetchall(
        "SELECT id FROM contacts WHERE workspace_id = ? ORDER BY created_at LIMIT 8",
        (workspace_id,),
    )
    for n, contact in enumerate(contacts):
        enrollment = await sequences.enroll(
            db, workspace_id, seq["id"], {"contact_id": contact["id"]}
        )
        for _ in range(n % 3):
            await sequences.advance_enrollment(db, None, workspace_id, enrollment["id"])
        action = {5: "pause", 6: "replied", 7: "stop"}.get(n)
        if action:
            await sequences.enrollment_action(db, workspace_id, enrollment["id"], action)
    return seq["id"], len(contacts)


# Submissions the spam score holds or refuses (SPEC §19), so the sales form's spam page
# shows verdicts: a disposable address with a link (quarantined), a free-mail address
# sent within a second (quarantined), a disposable address sent at once with three links
# (blocked).
SUSPECTS = [
    ("quick.deal@mailinator.com", "Cheap leads here: https://leads.example.net", 4000),
    ("sam.lee.1987@gmail.com", "pricing?", 700),
    (
        "win@guerrillamail.com",
        "https://a.example.org https://b.example.org https://c.example.org",
        300,
    ),
]


async def _add_suspects(app, form: dict) -> int:
    """The SUSPECTS through the public endpoint; returns how many were quarantined (the
    visitor's answer does not say: a bot learns nothing)."""
    for n, (email, message, elapsed_ms) in enumerate(SUSPECTS):
        transport = httpx.ASGITransport(app=app, client=(f"203.0.113.{n + 10}", 43000 + n))
        async with httpx.AsyncClient(
            transport=transport, base_url=app.state.settings.base_url
        ) as client:
            await client.post(
                f"/api/submissions/{form['id']}",
                json={
                    "email": email,
                    "name": "Sam Lee",
                    "message": message,
                    "_elapsed": elapsed_ms,
                },
            )
    return await app.state.db.fetchval(
        "SELECT COUNT(*) FROM submissions WHERE form_id = ? AND status = 'quarantined'",
        (form["id"],),
    )


async def _add_audit_trail(app, token: str, workspace_id: str) -> int:
    """A few settings changes through the API as the demo owner (SPEC §19 audit log):
    an invitation, an API key made and revoked, the retention setting."""
    transport = httpx.ASGITransport(app=app, client=("192.0.2.44", 44000))
    async with httpx.AsyncClient(
        transport=transport,
        base_url=app.state.settings.base_url,
        headers={"Authorization": f"Bearer {token}"},
    ) as client:
        replies = [
            await client.post(
                f"/api/workspaces/{workspace_id}/invite",
                json={"email": "jordan@formagent.example", "role": "member"},
            ),
            await client.put(
                f"/api/workspaces/{workspace_id}", json={"settings": {"spam_log_days": 60}}
            ),
        ]
        key = await client.post(
            "/api/api-keys", json={"name": "Zapier sync", "scopes": ["forms:read"]}
        )
        replies += [key, await client.delete(f"/api/api-keys/{key.json()['id']}")]
    return sum(r.status_code < 300 for r in replies)


async def seed_demo(db, settings) -> str:
    """Create the demo workspace (once) and say what is in it."""
    from app.main import create_app
    from app.services.accounts import account as accounts
    from app.services.forms import forms
    from app.services.platform.jobs import run_due_jobs
    from app.services.processing import handlers

    found = await _existing(db)
    if found:
        counts = await _counts(db, found["workspace_id"])
        return (
            f"The demo workspace already exists ({found['workspace_id']}); nothing added.\n"
            f"Log in as {DEMO_EMAIL} / {DEMO_PASSWORD}. In it: "
            + ", ".join(f"{v} {k}" for k, v in counts.items())
        )

    rng = random.Random(20261126)
    account, token = await accounts.signup(
        db,
        settings,
        email=DEMO_EMAIL,
        password=DEMO_PASSWORD,
        name="Dana Demo",
        workspace_name=DEMO_WORKSPACE,
    )
    workspace_id = (await _existing(db))["workspace_id"]
    human = await handlers.create_handler(
        db,
        workspace_id,
        {"type": "human", "name": "Dana Demo", "email": DEMO_EMAIL, "account_id": account["id"]},
    )
    agent = await handlers.create_handler(
        db,
        workspace_id,
        {
            "type": "agent",
            "name": "Lead qualifier",
            "instructions": "Qualify inbound leads: budget, team size, timeline. Be brief and friendly.",
        },
    )
    made = []
    for spec in FORMS:
        raw = {k: v for k, v in spec.items() if k != "key"}
        raw["status"] = "active"
        raw["assignment"] = {
            "type": "handler",
            "id": agent["id"] if spec["key"] == "sales" else human["id"],
        }
        if spec["key"] == "sales":
            raw["agent"] = {"autonomy_level": "draft"}
        made.append(await forms.create_form(db, workspace_id, raw, actor_id=account["id"]))

    # The public endpoint and the job runner of a real app on the same database file.
    app = create_app(settings.with_(workers=0, scheduler_interval=0))
    async with app.router.lifespan_context(app):
        accepted, refused = await _submit_all(app, made, rng)
        processed = await run_due_jobs(
            app.state.db, app.state.settings, app.state, worker_id="seed-demo", limit=10000
        )
        beacons = await _beacon(app, made, rng)
    approved = await _review_drafts(db, workspace_id, account["id"])
    await db.write(history.spread_tx, workspace_id, 7, DAYS, TODAY, "UTC")
    await db.write(history.spread_stats_tx, workspace_id)
    # The experiment starts now, after the history was spread: its traffic is today's,
    # and today's other leads keep their mix of forms (not only the experiment's).
    async with app.router.lifespan_context(app):
        experiment = await _add_experiment(app, workspace_id, made[0], rng)
        processed += await run_due_jobs(
            app.state.db, app.state.settings, app.state, worker_id="seed-demo", limit=10000
        )
        abandoned = await _add_abandoned(app, made[0])
        quarantined = await _add_suspects(app, made[0])
        audited = await _add_audit_trail(app, token, workspace_id)
    deal_count = await _add_deals(
        db, workspace_id, rng, {"id": account["id"], "name": account.get("name") or "Dana Demo"}
    )
    await db.write(history.date_deals_tx, workspace_id, 11)
    sequence_id, enrolled = await _add_sequence(db, workspace_id)
    newsletter = next(f for f, spec in zip(made, FORMS, strict=True) if spec["key"] == "newsletter")
    members_added = await _add_campaign(db, workspace_id, newsletter["id"], sequence_id)
    await db.write(history.renumber_events_tx, workspace_id)
    await db.write(rollups.rebuild_tx, workspace_id)  # history moved rows' days

    counts = await _counts(db, workspace_id)
    lines = [
        f"Demo workspace '{DEMO_WORKSPACE}' ({workspace_id}) is ready.",
        f"Log in at {settings.base_url}/login as {DEMO_EMAIL} / {DEMO_PASSWORD}",
        f"Forms: {', '.join(f['name'] for f in made)}; handlers: {human['name']} (human), {agent['name']} (AI agent).",
        f"Submissions through the public endpoint: {accepted} accepted over {DAYS} days"
        + (f", {len(refused)} refused (first: {refused[0]})" if refused else "")
        + f"; {processed} jobs run.",
        f"Beacons (views and starts) through the public endpoint: {beacons}; drafts approved: {approved}.",
        f"Deals for sales leads: {deal_count}, moved along the pipeline (some won today).",
        f"Contacts enrolled in the sequence “Newsletter nurture”: {enrolled}.",
        f"Campaign “Growth playbook newsletter”: {members_added} contacts from the newsletter form.",
        "In the workspace: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + ".",
        f"Experiment running on “{made[0]['name']}”: {experiment}.",
        f"Left unfinished on “{made[0]['name']}” (its Abandoned view, follow-ups queued): {abandoned}.",
        f"Held for review by the spam score on “{made[0]['name']}”: {quarantined} (and one blocked).",
        f"Audit log entries made through the API (invite, settings, API key): {audited}.",
    ]
    return "\n".join(lines)
