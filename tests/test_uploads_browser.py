"""File uploads through embed.js in a real browser (SPEC §17): on a customer's site
(another origin) the visitor picks a real file; embed.js uploads it, sends its token
with the submission, and a refused file shows its error on the field."""

from __future__ import annotations

import httpx
import pytest

from tests.test_uploads import HTML, PDF

PASSWORD = "correct horse battery"


def _signed_in_api(base: str) -> httpx.Client:
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={"email": "owner@studio.test", "password": PASSWORD, "workspace_name": "Studio"},
    )
    assert r.status_code == 201, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return api


@pytest.mark.browser
def test_embed_uploads_a_real_file_then_submits_its_token(
    live_server, foreign_site, page, tmp_path
):
    base = live_server.url
    api = _signed_in_api(base)
    form = api.post(
        "/api/forms",
        json={
            "name": "Quote request",
            "status": "active",
            "fields": [
                {"name": "email", "type": "email", "label": "Email", "required": True},
                {"name": "brief", "type": "file", "label": "Brief", "accept": [".pdf"]},
            ],
            "security": {"allowed_origins": [foreign_site.url]},
            "response": {"thank_you_message": "Thanks, brief received."},
        },
    )
    assert form.status_code == 201, form.text
    form_id = form.json()["id"]
    (foreign_site.root / "quote.html").write_text(
        f"""<!doctype html><html><head><meta charset="utf-8"><title>Quote</title></head>
<body><div data-formagent="{form_id}"></div><script src="{base}/embed.js" async></script></body></html>"""
    )
    fake = tmp_path / "brief.pdf"
    fake.write_bytes(HTML)  # named .pdf, holds HTML
    real = tmp_path / "real-brief.pdf"
    real.write_bytes(PDF)

    page.goto(foreign_site.url + "/quote.html")
    embed = page.locator(f"form[data-fa-form='{form_id}']")
    picker = embed.locator("input[type=file][name=brief]")
    assert picker.get_attribute("accept") == ".pdf"
    embed.locator("input[name=email]").fill("visitor@bigco.test")
    picker.set_input_files(str(fake))
    embed.locator("button.fa-submit").click()
    error = embed.locator(".fa-field-file .fa-error")
    error.wait_for()
    assert "PDF" in error.inner_text()
    assert picker.get_attribute("aria-invalid") == "true"

    picker.set_input_files(str(real))
    embed.locator("button.fa-submit").click()
    page.get_by_text("Thanks, brief received.").wait_for()

    items = api.get("/api/submissions", params={"form": form_id}).json()["data"]
    assert len(items) == 1 and items[0]["data"]["brief"] == ["real-brief.pdf"]
    detail = api.get(f"/api/submissions/{items[0]['id']}").json()
    (file,) = detail["files"]
    assert (file["name"], file["size"], file["content_type"]) == (
        "real-brief.pdf",
        len(PDF),
        "application/pdf",
    )
    download = api.get(file["url"])
    assert download.content == PDF
    assert download.headers["content-disposition"].startswith("attachment;")


@pytest.mark.browser
def test_hosted_page_sends_files_with_htmx(live_server, page, tmp_path):
    base = live_server.url
    api = _signed_in_api(base)
    form = api.post(
        "/api/forms",
        json={
            "name": "Apply",
            "status": "active",
            "fields": [
                {"name": "email", "type": "email", "label": "Email", "required": True},
                {"name": "cv", "type": "file", "label": "CV", "max_files": 2},
            ],
            "response": {"thank_you_message": "Application received."},
        },
    ).json()
    first, second = tmp_path / "cv.pdf", tmp_path / "letter.pdf"
    first.write_bytes(PDF)
    second.write_bytes(PDF + b"\n% letter\n")

    page.goto(f"{base}/f/{form['id']}")
    page.get_by_label("Email").fill("applicant@example.com")
    page.locator("input[type=file][name=cv]").set_input_files([str(first), str(second)])
    with page.expect_request(lambda r: r.method == "POST") as sent:
        page.locator("button.fa-submit").click()
    assert sent.value.headers.get("hx-request") == "true"  # swapped by HTMX, not a page load
    page.get_by_text("Application received.").wait_for()
    items = api.get("/api/submissions", params={"form": form["id"]}).json()["data"]
    assert items[0]["data"]["cv"] == ["cv.pdf", "letter.pdf"]
