"""The rollup counters of arriving rows, written by the code that stores the rows.

Submissions, contacts and spam rows used to be counted into analytics_daily and
analytics_totals_daily by AFTER INSERT triggers (0040_analytics.sql), one rollup
upsert per row inside the capture transaction. The capture pipeline stores up to
64 submissions per transaction (capture/batch.py), so it adds their counts up here
and writes one upsert per distinct rollup row at the end, in the same transaction:
the rollup is exact as of the COMMIT, at a fraction of the cost, and nothing
depends on database triggers (the PostgreSQL port has none). Later changes of
status, processing and deletions are still counted by 0040's other triggers.
"""

from __future__ import annotations

_DAILY_SQL = (
    "INSERT INTO analytics_daily (workspace_id, day, form_id, source, first_source,"
    " submissions, matched, new_contacts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (workspace_id, day, form_id, source, first_source) DO UPDATE SET"
    " submissions = analytics_daily.submissions + excluded.submissions,"
    " matched = analytics_daily.matched + excluded.matched,"
    " new_contacts = analytics_daily.new_contacts + excluded.new_contacts"
)
_TOTALS_SQL = (
    "INSERT INTO analytics_totals_daily (workspace_id, day, contacts, spam) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (workspace_id, day) DO UPDATE SET"
    " contacts = analytics_totals_daily.contacts + excluded.contacts,"
    " spam = analytics_totals_daily.spam + excluded.spam"
)


class Counts:
    """Rollup increments gathered in one transaction; ``write_tx`` stores them."""

    __slots__ = ("daily", "totals")

    def __init__(self) -> None:
        self.daily: dict[tuple, list[int]] = {}
        self.totals: dict[tuple, list[int]] = {}

    def submission(
        self,
        workspace_id: str,
        created_at: str,
        form_id: str,
        *,
        source: str,
        first_source: str,
        matched: bool,
        new_contact: bool,
    ) -> None:
        """One submission (``source`` its utm_source, ``first_source`` its contact's
        first touchpoint's, '' for none), as 0040's insert trigger counted it."""
        key = (workspace_id, created_at[:10], form_id, source or "", first_source or "")
        row = self.daily.get(key)
        if row is None:
            row = self.daily[key] = [0, 0, 0]
        row[0] += 1
        row[1] += bool(matched)
        row[2] += bool(new_contact)

    def contact(self, workspace_id: str, created_at: str, n: int = 1) -> None:
        self._total(workspace_id, created_at, 0, n)

    def spam(self, workspace_id: str, created_at: str) -> None:
        self._total(workspace_id, created_at, 1, 1)

    def _total(self, workspace_id: str, created_at: str, column: int, n: int) -> None:
        key = (workspace_id, created_at[:10])
        row = self.totals.get(key)
        if row is None:
            row = self.totals[key] = [0, 0]
        row[column] += n

    def merge(self, other: Counts) -> None:
        for mine, theirs in ((self.daily, other.daily), (self.totals, other.totals)):
            for key, values in theirs.items():
                row = mine.get(key)
                if row is None:
                    mine[key] = list(values)
                else:
                    for i, v in enumerate(values):
                        row[i] += v

    def write_tx(self, conn) -> None:
        """Store the increments in the caller's transaction, then start again from zero."""
        if self.daily:
            conn.executemany(_DAILY_SQL, [(*k, *v) for k, v in self.daily.items()])
        if self.totals:
            conn.executemany(_TOTALS_SQL, [(*k, *v) for k, v in self.totals.items()])
        self.daily, self.totals = {}, {}


def count_contacts_tx(conn, workspace_id: str, created_at: str, n: int = 1) -> None:
    """Contacts created outside the capture pipeline (by hand, by import)."""
    if n:
        counts = Counts()
        counts.contact(workspace_id, created_at, n)
        counts.write_tx(conn)
