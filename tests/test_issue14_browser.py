"""Issue 14 in a real browser: API key presets tick their boxes (a box
ticked by hand switches to Custom); a refine example button applies under HTMX."""

import pytest

from tests.factory import browser_signup


@pytest.mark.browser
def test_scope_preset_ticks_boxes_and_a_hand_tick_means_custom(live_server, page):
    url = live_server.url
    browser_signup(page, url, "alice@example.com", "Acme")
    page.goto(url + "/settings/api-keys")
    ticked = "Array.from(document.querySelectorAll('input[name=scopes]:checked')).map(b => b.value)"

    page.check("input[name=preset][value=events_stream]")
    assert page.evaluate(ticked) == ["events:read"]
    page.check("input[name=preset][value=read_only]")
    assert page.evaluate(ticked) and all(s.endswith(":read") for s in page.evaluate(ticked))
    page.check("input[name=scopes][value='forms:write']")
    assert page.is_checked("input[name=preset][value=custom]")


@pytest.mark.browser
def test_refine_example_button_applies_under_htmx(live_server, page):
    url = live_server.url
    browser_signup(page, url, "bea@example.com", "Bea Co")
    page.goto(url + "/forms/new")
    page.fill("textarea[name=description]", "A demo request form for an AI consulting firm")
    page.click("button:has-text('Generate the form')")
    page.fill("[name=instruction]", "make it friendlier and shorter")
    page.click("button:has-text('Apply')")
    example = page.locator(".refine-help button[name=example]").first
    text = example.get_attribute("value")
    example.click()
    page.wait_for_selector(f".draft-history li:has-text({text!r})")
    assert page.locator(".refine-help").count() == 0
