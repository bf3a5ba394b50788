"""Deals as a pipeline (issue 14 item 10): a currency per deal shown formatted everywhere,
owner and expected close date validated, stage changes by the board's drag (htmx post) and
its select + Move (plain post) both on the deal's timeline with who, notes on the deal page."""

from __future__ import annotations

from tests.factory import make_contact, make_deal, make_viewer
from tests.helpers import soup
from tests.helpers_accounts import join_as


async def set_currency(user, code: str) -> None:
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"currency": code}}
    )
    assert r.status_code == 200, r.text


async def test_currency_defaults_to_the_workspace_and_is_validated(user):
    await set_currency(user, "EUR")
    default = await make_deal(user, name="Default", amount=1250.5)
    assert (default["amount"], default["currency"]) == (1250.5, "EUR")
    yen = await make_deal(user, name="Yen", amount=48000, currency="jpy")
    assert yen["currency"] == "JPY"
    for bad in ("EURO", "XYZ", "12", 5):
        r = await user.api.post("/api/deals", json={"name": "Bad", "currency": bad})
        assert r.status_code == 422, (bad, r.text)
        assert "ISO 4217" in r.json()["error"]["fields"]["currency"]
    r = await user.api.put(f"/api/deals/{yen['id']}", json={"currency": "ABC"})
    assert r.status_code == 422 and "currency" in r.json()["error"]["fields"]
    r = await user.api.put(f"/api/deals/{yen['id']}", json={"currency": "gbp"})
    assert r.json()["currency"] == "GBP"


async def test_put_takes_back_what_get_returns(user):
    deal = await make_deal(user, name="Round trip", amount=10, expected_close_date="2027-01-31")
    got = (await user.api.get(f"/api/deals/{deal['id']}")).json()
    r = await user.api.put(f"/api/deals/{deal['id']}", json=got)
    assert r.status_code == 200, r.text
    assert {k: v for k, v in r.json().items() if k != "updated_at"} == {
        k: v for k, v in got.items() if k != "updated_at"
    }
    r = await user.api.put(
        f"/api/deals/{deal['id']}", json={**got, "created_at": "2020-01-01T00:00:00Z"}
    )
    assert r.status_code == 422 and "created_at" in r.json()["error"]["fields"]


async def test_owner_and_expected_close_date(app, user):
    deal = await make_deal(user, name="Owned")
    assert deal["owner_id"] == user.account_id  # the person who made it
    teammate = await join_as(app, user, "tess@example.com", "member", name="Tess Mate")
    try:
        r = await user.api.put(f"/api/deals/{deal['id']}", json={"owner_id": teammate.account_id})
        assert r.status_code == 200 and r.json()["owner_id"] == teammate.account_id
        outsider = await make_viewer(app, "out@example.net")
        r = await user.api.put(f"/api/deals/{deal['id']}", json={"owner_id": outsider.account_id})
        assert r.status_code == 422
        assert (
            r.json()["error"]["fields"]["owner_id"] == "Choose an active member of this workspace."
        )
        await outsider.close()
        for bad in ("2026-02-30", "31/12/2026", "2026-1-5"):
            r = await user.api.put(f"/api/deals/{deal['id']}", json={"expected_close_date": bad})
            assert r.status_code == 422, bad
            assert "YYYY-MM-DD" in r.json()["error"]["fields"]["expected_close_date"]
        r = await user.api.put(
            f"/api/deals/{deal['id']}", json={"expected_close_date": "2026-12-31"}
        )
        assert r.json()["expected_close_date"] == "2026-12-31"
        page = soup(await user.web.get(f"/deals/{deal['id']}"))
        facts = page.select_one(".deal-facts").text
        assert "Tess Mate" in facts and "31 Dec 2026" in facts
        timeline = page.select_one(".deal-timeline").text
        assert "owner to Tess Mate" in timeline and "expected close date to 2026-12-31" in timeline
    finally:
        await teammate.close()


async def test_money_is_formatted_in_the_deals_currency_on_every_page(user):
    await set_currency(user, "USD")
    c = await make_contact(user, "buyer@northwind.example", name="Nora Buyer", company="Northwind")
    eur = await make_deal(
        user, name="Northwind — 40 seats", amount=4800, currency="EUR", contact_id=c["id"]
    )
    await make_deal(
        user, name="Northwind — pilot", amount=48000, currency="JPY", contact_id=c["id"]
    )
    await make_deal(user, name="Globex — renewal", amount=1500)
    board = soup(await user.web.get("/deals"))
    card = board.find(id=f"deal-{eur['id']}")
    assert card.select_one(".deal-amount").text == "€4,800"
    open_total = board.select_one("section.deal-column[data-stage=open] .total").text
    assert open_total == "$1,500 + ¥48,000 + €4,800"
    listing = (await user.web.get("/deals?view=list")).text
    assert "€4,800" in listing and "¥48,000" in listing and "$1,500" in listing
    row = soup(await user.web.get("/deals?view=list")).find("a", string="Northwind — 40 seats")
    assert "Alice" in row.find_parent("tr").text  # the owner, by name
    contact_page = (await user.web.get(f"/contacts/{c['id']}")).text
    assert "€4,800" in contact_page and "¥48,000" in contact_page
    company_page = (await user.web.get(f"/companies/{c['company_id']}")).text
    assert "€4,800" in company_page
    detail = soup(await user.web.get(f"/deals/{eur['id']}"))
    assert detail.select_one(".deal-headline .deal-amount").text == "€4,800"


async def test_drag_and_select_both_move_and_the_timeline_says_who(user):
    deal = await make_deal(user, name="Moving", amount=100)
    token = await user.csrf("/deals")
    # the board's drag and drop submits the card's form through htmx: a board fragment back
    r = await user.web.post(
        f"/deals/{deal['id']}/stage",
        data={"stage": "proposal", "csrf_token": token},
        headers={"HX-Request": "true", "HX-Target": "deal-board"},
    )
    assert r.status_code == 200
    frag = soup(r)
    assert frag.select_one("section[data-stage=proposal]").find(id=f"deal-{deal['id']}")
    assert frag.find(id=f"deal-{deal['id']}")["draggable"] == "true"
    # the select + Move without JavaScript: a redirect, to the deal page when asked
    r = await user.web.post(
        f"/deals/{deal['id']}/stage", data={"stage": "won", "csrf_token": token, "back": "detail"}
    )
    assert r.status_code == 303 and r.headers["location"] == f"/deals/{deal['id']}"
    page = soup(await user.web.get(f"/deals/{deal['id']}"))
    items = page.select(".deal-timeline li")
    assert [i["data-kind"] for i in items] == ["stage", "stage", "created"]
    assert "Moved from open to proposal" in " ".join(items[1].text.split())
    assert "Moved from proposal to won" in " ".join(items[0].text.split())
    assert all("Alice" in i.select_one(".when").text for i in items)


async def test_notes_on_the_deal_page(user):
    deal = await make_deal(user, name="Noted")
    token = await user.csrf(f"/deals/{deal['id']}")
    r = await user.web.post(
        f"/deals/{deal['id']}/notes", data={"body": "Call back on Monday", "csrf_token": token}
    )
    assert r.status_code == 303
    r = await user.web.post(
        f"/deals/{deal['id']}/notes",
        data={"body": "Sent the quote", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200 and soup(r).find("html") is None
    notes = [n.text for n in soup(r).select(".deal-note")]
    assert notes == ["Sent the quote", "Call back on Monday"]
    r = await user.web.post(
        f"/deals/{deal['id']}/notes",
        data={"body": "  ", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert (
        r.status_code == 422
        and soup(r).select_one("#e-note").text == "Write something in the note."
    )


async def test_the_deal_page_edit_form_saves_the_new_fields(user):
    deal = await make_deal(user, name="Edit me", amount=5)
    token = await user.csrf(f"/deals/{deal['id']}")
    form = {
        "name": "Edit me",
        "amount": "7,500",
        "currency": "chf",
        "stage": "qualified",
        "owner_id": "",
        "expected_close_date": "2027-03-01",
        "contact_email": "",
        "csrf_token": token,
    }
    r = await user.web.post(f"/deals/{deal['id']}", data=form)
    assert r.status_code == 303, r.text
    saved = (await user.api.get(f"/api/deals/{deal['id']}")).json()
    assert (saved["amount"], saved["currency"], saved["owner_id"]) == (7500, "CHF", None)
    assert (
        soup(await user.web.get(f"/deals/{deal['id']}")).select_one(".deal-amount").text
        == "CHF 7,500"
    )
    r = await user.web.post(
        f"/deals/{deal['id']}", data={**form, "currency": "zzz", "expected_close_date": "soon"}
    )
    assert r.status_code == 422
    errors = soup(r)
    assert errors.select_one("#e-currency") and errors.select_one("#e-expected_close_date")


async def test_viewers_see_the_deal_but_cannot_move_or_note_it(app, user):
    viewer = await join_as(app, user, "vera@example.com", "viewer")
    try:
        deal = await make_deal(user, name="Look only")
        page = soup(await viewer.web.get(f"/deals/{deal['id']}"))
        assert (
            page.select_one(".deal-timeline") is not None and page.select_one(".note-form") is None
        )
        board = soup(await viewer.web.get("/deals"))
        assert board.find(id=f"deal-{deal['id']}").get("draggable") is None
        for path, data in (
            (f"/deals/{deal['id']}/stage", {"stage": "won"}),
            (f"/deals/{deal['id']}/notes", {"body": "x"}),
        ):
            assert (await viewer.post_form(path, data, page="/deals")).status_code == 403
    finally:
        await viewer.close()


async def test_another_workspaces_deal_is_404(two_workspaces):
    alice, bob = two_workspaces
    deal = await make_deal(alice, name="Private")
    assert (
        await bob.post_form(f"/deals/{deal['id']}/notes", {"body": "x"}, page="/deals")
    ).status_code == 404
    assert (await bob.web.get(f"/deals/{deal['id']}")).status_code == 404
    r = await bob.api.put(f"/api/deals/{deal['id']}", json={"currency": "EUR"})
    assert r.status_code == 404
