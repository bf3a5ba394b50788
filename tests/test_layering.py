"""SPEC §1: routes parse, call services and render; SQL lives in services and app/db."""

import re
from pathlib import Path

ROUTES = Path(__file__).resolve().parent.parent / "app" / "routes"
SQL = re.compile(
    r"\bdb\.(fetchone|fetchall|fetchval|execute|write|read)\(|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b"
)


def test_no_sql_or_database_calls_in_routes():
    offenders = [
        f"{p.relative_to(ROUTES)}:{n}: {line.strip()}"
        for p in ROUTES.rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if SQL.search(line)
    ]
    assert offenders == []
