"""What a campaign brought in (SPEC §8): submissions through its inbound forms,
contacts, and the deals (and won revenue) of its contacts opened after they
joined. Each figure is one SQL aggregate over indexed rows."""

from __future__ import annotations

_SUBMISSIONS = (
    "SELECT COUNT(*) FROM submissions s JOIN campaign_forms cf ON cf.form_id = s.form_id"
    " WHERE cf.campaign_id = ? AND s.workspace_id = ?"
)
_CONTACTS = "SELECT COUNT(*) FROM campaign_contacts WHERE campaign_id = ? AND workspace_id = ?"
# A deal counts for the campaign when its contact had joined by the time it was opened.
_DEALS = (
    "SELECT COUNT(*) AS deals,"
    " COALESCE(SUM(CASE WHEN d.stage = 'won' THEN d.amount END), 0) AS revenue,"
    " COALESCE(SUM(CASE WHEN d.stage IN ('open', 'qualified', 'proposal') THEN d.amount END), 0)"
    " AS pipeline,"
    " COUNT(CASE WHEN d.stage = 'won' THEN 1 END) AS won"
    " FROM campaign_contacts cc JOIN deals d ON d.contact_id = cc.contact_id"
    " WHERE cc.campaign_id = ? AND cc.workspace_id = ? AND d.workspace_id = cc.workspace_id"
    " AND d.created_at >= cc.added_at"
)


def performance_tx(conn, workspace_id: str, campaign_id: str) -> dict:
    args = (campaign_id, workspace_id)
    deals = conn.one(_DEALS, args)
    return {
        "submissions": conn.value(_SUBMISSIONS, args),
        "contacts": conn.value(_CONTACTS, args),
        "deals": deals["deals"],
        "won_deals": deals["won"],
        "revenue": round(deals["revenue"], 2),
        "pipeline": round(deals["pipeline"], 2),
    }


async def performance(db, workspace_id: str, campaign_id: str) -> dict:
    return await db.read(performance_tx, workspace_id, campaign_id)


async def performances(db, workspace_id: str, campaign_ids: list[str]) -> dict[str, dict]:
    """Performance of each listed campaign (a page of them), in one read."""

    def fn(conn):
        return {cid: performance_tx(conn, workspace_id, cid) for cid in campaign_ids}

    return await db.read(fn)
