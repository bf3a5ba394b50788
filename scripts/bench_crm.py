"""Contact search over 100 000 contacts (SPEC §14: under 50 ms).

Run: ``python -m scripts.bench_crm [N]``. Builds a throw-away database with N
generated contacts (companies, tags) in one workspace plus a second workspace,
then times the contact list with search, filters, sorts and a deep page."""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from app.db import Database, dumps, now_iso
from app.db.migrate import migrate
from app.services.contact_search import list_contacts

FIRST = [
    "anna",
    "ben",
    "carla",
    "david",
    "emma",
    "felix",
    "greta",
    "hugo",
    "ines",
    "jonas",
    "karl",
    "lena",
    "maria",
    "nils",
    "olga",
    "paul",
    "rosa",
    "sven",
    "tina",
    "uwe",
    "vera",
    "walter",
    "yara",
    "zoe",
]
LAST = [
    "smith",
    "jones",
    "miller",
    "garcia",
    "brown",
    "wilson",
    "moore",
    "taylor",
    "lee",
    "white",
    "harris",
    "martin",
    "clark",
    "lewis",
    "walker",
    "young",
    "king",
    "wright",
    "scott",
    "green",
]
TAGS = ["vip", "newsletter", "webinar", "trial", "enterprise", "partner", "event-2026", "churned"]


def _seed(conn, n: int) -> None:
    now = now_iso()
    for ws in ("ws_bench", "ws_other"):
        conn.execute(
            "INSERT INTO accounts (id, email, email_lower, name, password_hash, status, created_at)"
            " VALUES (?, ?, ?, '', 'x', 'active', ?)",
            (f"acct_{ws}", f"{ws}@x.io", f"{ws}@x.io", now),
        )
        conn.execute(
            "INSERT INTO workspaces (id, name, slug, owner_id, settings, status, created_at)"
            " VALUES (?, ?, ?, ?, '{}', 'active', ?)",
            (ws, ws, ws, f"acct_{ws}", now),
        )
    rnd = random.Random(7)
    companies = [
        (f"company_{i:016d}", "ws_bench", f"Company {i} GmbH", f"company {i}", f"c{i}.example", now)
        for i in range(n // 20)
    ]
    conn.executemany(
        "INSERT INTO companies (id, workspace_id, name, name_normalized, domain, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        companies,
    )
    contacts, tags = [], []
    for i in range(n):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        created = f"2026-{1 + i * 11 // n:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00.000Z"
        ws = "ws_bench" if i % 10 else "ws_other"
        email = f"{first}.{last}.{i}@c{i % len(companies)}.example"
        my_tags = rnd.sample(TAGS, rnd.randint(0, 2))
        contacts.append(
            (
                f"contact_{i:016d}",
                ws,
                email,
                email,
                f"{first.title()} {last.title()}",
                first.title(),
                last.title(),
                rnd.choice(["lead", "qualified", "customer"]),
                rnd.choice(["form", "import"]),
                companies[i % len(companies)][0] if ws == "ws_bench" else None,
                dumps(my_tags),
                created,
                created,
            )
        )
        tags += [(ws, f"contact_{i:016d}", t) for t in my_tags]
    conn.executemany(
        "INSERT INTO contacts (id, workspace_id, email, email_lower, name, first_name, last_name, status,"
        " source, company_id, tags, created_at, updated_at, first_seen, last_seen)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*c, c[-2], c[-1]) for c in contacts],
    )
    conn.executemany(
        "INSERT INTO contact_tags (workspace_id, contact_id, tag) VALUES (?, ?, ?)", tags
    )


CASES = [
    ("first page, newest first", {}),
    ("search email prefix 'anna.smith'", {"q": "anna.smith"}),
    ("search name 'greta'", {"q": "greta"}),
    ("search last name 'walker'", {"q": "walker"}),
    ("search company 'company 42'", {"q": "company 42"}),
    ("search tag 'enterprise'", {"q": "enterprise"}),
    ("search no match 'qqq'", {"q": "qqq"}),
    ("search one letter 'a'", {"q": "a"}),
    ("filter status + tag", {"status": "customer", "tag": "vip"}),
    ("search + status filter", {"q": "maria", "status": "lead"}),
    ("sort by name", {"sort": "name"}),
    ("sort by last_seen desc", {"sort": "-last_seen"}),
]


async def run(n: int) -> list[tuple[str, float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "bench.db")
        try:
            await migrate(db)
            await db.write(_seed, n)
            await db.execute("ANALYZE")
            results = []
            for label, kwargs in CASES:
                timings = []
                for _ in range(7):
                    start = time.perf_counter()
                    items, cursor = await list_contacts(db, "ws_bench", limit=50, **kwargs)
                    timings.append((time.perf_counter() - start) * 1000)
                results.append((label, statistics.median(timings), max(timings)))
            return results
        finally:
            await db.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    start = time.perf_counter()
    results = asyncio.run(run(n))
    print(
        f"contact search over {n} contacts (seeded in {time.perf_counter() - start:.1f}s), page of 50:"
    )
    for label, median, worst in results:
        flag = "ok" if worst < 50 else "SLOW"
        print(f"  {label:<36} median {median:6.1f} ms   max {worst:6.1f} ms   {flag}")


if __name__ == "__main__":
    main()
