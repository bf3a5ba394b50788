"""Deal pages: the board (HTMX stage moves re-render the board with totals; plain-form
fallback redirects), list view, new and edit forms."""

from __future__ import annotations

from tests.factory import make_contact, make_deal
from tests.helpers import soup


def column(page, stage):
    return page.select_one(f"section.deal-column[data-stage={stage}]")


async def test_board_totals_and_htmx_move(user):
    c = await make_contact(user, "buyer@acme.io", name="Buyer", company="Acme")
    big = await make_deal(user, name="Big", amount=1000, contact_id=c["id"])
    await make_deal(user, name="Small", amount=250.5)
    await make_deal(user, name="Done", amount=99, stage="won")
    page = soup(await user.web.get("/deals"))
    assert column(page, "open").select_one(".total")["data-total"] == "1250.50"
    assert column(page, "open").select_one(".count")["data-count"] == "2"
    assert column(page, "won").select_one(".total")["data-total"] == "99.00"
    card = page.find(id=f"deal-{big['id']}")
    move = card.select_one("form.deal-move")
    assert move["action"] == f"/deals/{big['id']}/stage" and move["method"] == "post"
    assert move["hx-post"] == move["action"] and move["hx-target"] == "#deal-board"
    assert card.find("label", attrs={"for": f"stage-{big['id']}"}) is not None
    assert "Buyer" in card.text and "Acme" in card.text

    token = await user.csrf("/deals")
    r = await user.web.post(
        f"/deals/{big['id']}/stage",
        data={"stage": "won", "csrf_token": token},
        headers={"HX-Request": "true", "HX-Target": "deal-board"},
    )
    assert r.status_code == 200
    frag = soup(r)
    assert frag.find("html") is None and frag.select_one("#deal-board") is not None
    assert column(frag, "won").find(id=f"deal-{big['id']}") is not None
    assert column(frag, "open").find(id=f"deal-{big['id']}") is None
    assert column(frag, "won").select_one(".total")["data-total"] == "1099.00"
    assert column(frag, "open").select_one(".total")["data-total"] == "250.50"
    deal = (await user.api.get(f"/api/deals/{big['id']}")).json()
    assert deal["stage"] == "won" and deal["closed_at"]
    # reopen through the plain form fallback: 303 back to the board, closed_at cleared
    r = await user.web.post(
        f"/deals/{big['id']}/stage", data={"stage": "qualified", "csrf_token": token}
    )
    assert r.status_code == 303 and r.headers["location"] == "/deals"
    assert (await user.api.get(f"/api/deals/{big['id']}")).json()["closed_at"] is None
    r = await user.web.post(
        f"/deals/{big['id']}/stage",
        data={"stage": "bogus", "csrf_token": token},
        headers={"HX-Request": "true", "HX-Target": "deal-board"},
    )
    assert r.status_code == 422
    frag = soup(r)
    assert "Choose one of" in frag.select_one(".board-error").text
    assert (
        column(frag, "qualified").find(id=f"deal-{big['id']}") is not None
    )  # the board is still whole


async def test_board_empty_columns_and_list_view(user):
    page = soup(await user.web.get("/deals"))
    assert len(page.select("section.deal-column")) == 5
    assert "No open deals." in page.text
    for i in range(3):
        await make_deal(user, name=f"L{i}", stage="lost" if i else "proposal")
    r = await user.web.get("/deals", params={"view": "list", "stage": "lost"})
    rows = soup(r).select("table.deals-table tbody tr")
    assert len(rows) == 2 and all(row.select_one("td:last-of-type").text.strip() for row in rows)


async def test_new_deal_and_edit(user):
    c = await make_contact(user, "who@example.com", name="Who")
    r = await user.web.get("/deals/new", params={"contact_id": c["id"]})
    assert soup(r).find(id="f-contact_email")["value"] == "who@example.com"
    r = await user.post_form(
        "/deals/new",
        {"name": "", "amount": "abc", "stage": "open", "contact_email": "x@nowhere.io"},
    )
    assert r.status_code == 422
    page = soup(r)
    assert page.find(id="e-contact_email") is not None
    r = await user.post_form(
        "/deals/new", {"name": "Pilot", "amount": "abc", "stage": "open", "contact_email": ""}
    )
    assert r.status_code == 422 and soup(r).find(id="e-amount") is not None
    assert soup(r).find(id="f-name")["value"] == "Pilot"
    r = await user.post_form(
        "/deals/new",
        {
            "name": "Pilot",
            "amount": "2,500",
            "stage": "proposal",
            "contact_email": "WHO@example.com",
        },
    )
    assert r.status_code == 303
    deal_url = r.headers["location"]
    deal = (await user.api.get("/api/" + deal_url.lstrip("/"))).json()
    assert deal["amount"] == 2500 and deal["contact_id"] == c["id"] and deal["stage"] == "proposal"
    r = await user.post_form(
        deal_url,
        {"name": "Pilot 2", "amount": "3000", "stage": "lost", "contact_email": ""},
        htmx=True,
    )
    assert r.status_code == 200 and r.headers.get("HX-Redirect") == deal_url
    deal = (await user.api.get("/api/" + deal_url.lstrip("/"))).json()
    assert deal["name"] == "Pilot 2" and deal["closed_at"] and deal["contact_id"] is None
    r = await user.post_form(deal_url, {"name": "", "amount": "1", "stage": "open"}, htmx=True)
    assert r.status_code == 422 and soup(r).find(id="e-name") is not None
    page = await user.web.get(deal_url)
    assert "Pilot 2" in page.text


async def test_companies_pages(user):
    c = await make_contact(user, "emp@globex.com", company="Globex Corp")
    await make_deal(user, name="Globex deal", contact_id=c["id"], amount=5)
    r = await user.web.get("/companies")
    rows = soup(r).select("table.companies-table tbody tr")
    assert len(rows) == 1 and "globex.com" in rows[0].text
    r = await user.web.get("/companies", params={"q": "glob"}, headers={"HX-Request": "true"})
    assert soup(r).find("html") is None and "Globex Corp" in r.text
    r = await user.web.get("/companies", params={"q": "zzz"})
    assert "No companies match" in r.text
    page = soup(await user.web.get(f"/companies/{c['company_id']}"))
    assert "emp@globex.com" in page.select_one("table.company-contacts").text
    assert "Globex deal" in page.select_one("table.company-deals").text
