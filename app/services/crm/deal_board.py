"""The deals board (SPEC §7): one column per stage with its count and totals per currency
over ALL its deals, and its newest cards."""

from __future__ import annotations

from app.services.crm.deal_fields import STAGES
from app.services.crm.deals import workspace_currency_tx

BOARD_LIMIT = 100


def _stage_totals(conn, workspace_id: str, currency: str) -> dict[str, dict]:
    """Per stage: the deal count, the plain sum, and one total per currency (the workspace's
    first, then largest first). Deals stored without a currency count in the workspace's."""
    out: dict[str, dict] = {}
    for r in conn.all(
        "SELECT stage, currency, COUNT(*) AS count, COALESCE(SUM(amount), 0) AS total FROM deals"
        " WHERE workspace_id = ? GROUP BY stage, currency",
        (workspace_id,),
    ):
        info = out.setdefault(r["stage"], {"count": 0, "total": 0.0, "by_currency": {}})
        info["count"] += r["count"]
        info["total"] += r["total"]
        code = r["currency"] or currency
        info["by_currency"][code] = info["by_currency"].get(code, 0) + r["total"]
    for info in out.values():
        totals = [
            {"currency": c, "amount": round(a, 2)} for c, a in info.pop("by_currency").items()
        ]
        info["totals"] = sorted(totals, key=lambda t: (t["currency"] != currency, -t["amount"]))
    return out


async def board(db, workspace_id: str) -> list[dict]:
    """One column per stage: count and totals (per currency) over ALL its deals, the newest 100 cards."""

    def fn(conn):
        currency = workspace_currency_tx(conn, workspace_id)
        totals = _stage_totals(conn, workspace_id, currency)
        columns = []
        for stage in STAGES:
            rows = conn.all(
                "SELECT d.*, c.name AS contact_name, c.email AS contact_email, co.name AS company_name,"
                " a.name AS owner_name FROM deals d"
                " LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id"
                " LEFT JOIN accounts a ON a.id = d.owner_id"
                " WHERE d.workspace_id = ? AND d.stage = ? ORDER BY d.updated_at DESC, d.id DESC LIMIT ?",
                (workspace_id, stage, BOARD_LIMIT),
            )
            for row in rows:
                row["currency"] = row["currency"] or currency
            info = totals.get(stage, {"count": 0, "total": 0, "totals": []})
            columns.append(
                {
                    "stage": stage,
                    "count": info["count"],
                    "total": round(info["total"], 2),
                    "totals": info["totals"] or [{"currency": currency, "amount": 0}],
                    "deals": rows,
                }
            )
        return columns

    return await db.read(fn)
