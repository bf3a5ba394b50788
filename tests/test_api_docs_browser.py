"""The API docs page in a real browser (issue 14 item 2): its own wide layout with a
section sidebar, nothing wider than the screen at 1280 and 375 px, code rendered."""

from __future__ import annotations

import httpx
import pytest

PASSWORD = "correct horse battery"


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.browser
def test_api_docs_are_wide_with_a_sidebar_and_fit_a_phone(live_server, page):
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base + "/api/docs")
    nav = page.get_by_role("navigation", name="API sections")
    body = page.locator(".docs-body")
    assert nav.is_visible() and body.bounding_box()["width"] > 700  # not the 30rem card
    assert nav.bounding_box()["x"] < body.bounding_box()["x"]  # beside, not above
    assert (
        page.locator(".op-text code").count() > 10
        and "`" not in page.locator(".op-text").first.inner_text()
    )
    nav.locator("summary", has_text="Forms").click()  # a section opens on its operations
    nav.get_by_role("link", name="GET /forms/{form_id}/embed").click()
    page.wait_for_url("**#op-form_embed")
    assert page.locator("#op-form_embed").is_visible()
    assert _overflow(page) <= 0

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(base + "/api/docs")
    assert _overflow(page) <= 0

    with httpx.Client(base_url=base, timeout=10) as api:
        r = api.post(
            "/api/auth/signup",
            json={
                "email": "dev@shop.test",
                "password": PASSWORD,
                "name": "Dev",
                "workspace_name": "Shop",
            },
        )
        assert r.status_code == 201, r.text
    page.goto(base + "/login")
    page.get_by_label("Email").fill("dev@shop.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/**")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base + "/api/docs")
        assert page.get_by_role("navigation", name="API sections").is_visible()
        assert _overflow(page) <= 0, f"wider than the screen at {width} px"
