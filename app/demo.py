"""``formagent seed-demo`` (SPEC §2): a demo workspace where every page has something to show.

It goes through the product's own surfaces: the account by sign-up, forms and
handlers through their services, submissions through the public endpoint
(``POST /api/submissions/{form_id}``, in-process over httpx), processing by the
same jobs the workers run. Only the timestamps are then spread over 90 days, so
charts and lists look lived-in. A second run finds the demo account and stops.
"""

from __future__ import annotations

import random
from datetime import timedelta

import httpx

from app.db.clock import iso, utcnow

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
SOURCES = [
    ("google", "cpc", "spring-launch"),
    ("linkedin", "social", "cfo-webinar"),
    ("newsletter", "email", "weekly"),
    (None, None, None),
]
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
    source, medium, campaign = rng.choice(SOURCES)
    if source:
        body["_meta"] = {
            "utm_source": source,
            "utm_medium": medium,
            "utm_campaign": campaign,
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


def _spread_over_days(conn, workspace_id: str, seed: int) -> None:
    """Move the demo's history back over DAYS days (newest stays today)."""
    rng = random.Random(seed)
    now = utcnow()
    rows = conn.all(
        "SELECT id, contact_id FROM submissions WHERE workspace_id = ? ORDER BY created_at, id",
        (workspace_id,),
    )
    for index, row in enumerate(rows):
        back = (DAYS * (len(rows) - 1 - index) / max(1, len(rows) - 1)) + rng.random() * 0.5
        created = now - timedelta(days=back, minutes=rng.randint(0, 600))
        conn.execute(
            "UPDATE submissions SET created_at = ?, processed_at = CASE WHEN processed_at IS NULL THEN NULL"
            " ELSE ? END WHERE id = ?",
            (iso(created), iso(created + timedelta(seconds=2)), row["id"]),
        )
        conn.execute(
            "UPDATE touchpoints SET created_at = ? WHERE submission_id = ?",
            (iso(created), row["id"]),
        )
    conn.execute(
        "UPDATE contacts SET"
        " first_seen = (SELECT MIN(created_at) FROM submissions s WHERE s.contact_id = contacts.id),"
        " last_seen = (SELECT MAX(created_at) FROM submissions s WHERE s.contact_id = contacts.id),"
        " created_at = COALESCE((SELECT MIN(created_at) FROM submissions s WHERE s.contact_id = contacts.id), created_at)"
        " WHERE workspace_id = ?",
        (workspace_id,),
    )


async def _add_deals(db, workspace_id: str, rng: random.Random) -> int:
    from app.services.crm import deals

    contacts = await db.fetchall(
        "SELECT c.id FROM contacts c WHERE c.workspace_id = ? AND c.company_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.contact_id = c.id) ORDER BY c.created_at LIMIT 14",
        (workspace_id,),
    )
    for n, contact in enumerate(contacts):
        stage = deals.STAGES[n % len(deals.STAGES)]
        await deals.create_deal(
            db,
            workspace_id,
            {
                "name": f"Deal {n + 1}",
                "amount": rng.choice([4800, 12000, 36000]),
                "stage": stage,
                "contact_id": contact["id"],
            },
        )
    return len(contacts)


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
    account, _ = await accounts.signup(
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
    await db.write(_spread_over_days, workspace_id, 7)
    deal_count = await _add_deals(db, workspace_id, rng)

    counts = await _counts(db, workspace_id)
    lines = [
        f"Demo workspace '{DEMO_WORKSPACE}' ({workspace_id}) is ready.",
        f"Log in at {settings.base_url}/login as {DEMO_EMAIL} / {DEMO_PASSWORD}",
        f"Forms: {', '.join(f['name'] for f in made)}; handlers: {human['name']} (human), {agent['name']} (AI agent).",
        f"Submissions through the public endpoint: {accepted} accepted over {DAYS} days"
        + (f", {len(refused)} refused (first: {refused[0]})" if refused else "")
        + f"; {processed} jobs run.",
        f"Deals added by hand: {deal_count}.",
        "In the workspace: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + ".",
        "Not seeded (those parts are not built yet): campaigns, sequences, experiments.",
    ]
    return "\n".join(lines)
