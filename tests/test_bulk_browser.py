"""Bulk actions in a real browser: "select all" ticks the page's rows, the bar counts them,
and the confirmation names the count before anything happens."""

from __future__ import annotations

import httpx
import pytest

PASSWORD = "correct horse battery"


@pytest.mark.browser
def test_select_all_then_delete_asks_with_the_count(live_server, page):
    base = live_server.url
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={
            "email": "bulk@shop.test",
            "password": PASSWORD,
            "name": "Bo",
            "workspace_name": "Shop",
        },
    )
    assert r.status_code == 201, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    for n in range(3):
        api.post("/api/contacts", json={"email": f"c{n}@big.test", "name": f"Cee {n}"})
    page.goto(base + "/login")
    page.get_by_label("Email").fill("bulk@shop.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/**")
    page.goto(base + "/contacts")
    apply = page.get_by_role("button", name="Apply…")
    assert apply.is_disabled()  # nothing ticked yet
    page.get_by_label("Select all contacts on this page").check()
    assert page.locator("[data-bulk-count=bulk-contacts]").inner_text() == "3 selected"
    page.get_by_label("Select Cee 1").uncheck()
    assert page.locator("[data-bulk-count=bulk-contacts]").inner_text() == "2 selected"
    page.get_by_label("Action for the selected contacts").select_option("delete")
    apply.click()
    page.get_by_role("heading", name="Delete 2 contacts?").wait_for()
    page.get_by_role("button", name="Delete 2 contacts").click()
    page.wait_for_url(base + "/contacts")
    assert api.get("/api/contacts").json()["data"][0]["name"] == "Cee 1"
    assert len(api.get("/api/contacts").json()["data"]) == 1
    api.close()
