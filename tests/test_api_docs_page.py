"""The /api/docs page (issue 14 item 2): its own wide layout, a section sidebar, and
backticks shown as code without ever trusting the docstring text as HTML."""

from app.web.doc_text import doc_html
from tests.helpers import soup


async def test_docs_page_has_a_sidebar_and_renders_code(client):
    page = soup(await client.get("/api/docs"))
    assert page.select_one("main.docs-page") and not page.select_one("main.narrow")
    nav = page.select_one("nav[aria-label='API sections']")
    links = [a["href"] for a in nav.select("a")]
    assert "#op-form_embed" in links and len(links) > 100
    embed = page.select_one("#op-form_embed")
    assert embed.select_one(".op-text code").get_text() == "forms:read"
    assert "`" not in page.select_one(".op-text").get_text()
    assert "API keys" in nav.get_text()


def test_doc_text_escapes_before_making_code():
    html = str(doc_html("Use `<b>x</b>` & <script>alert(1)</script>\nsame paragraph\n\nnext"))
    assert html == (
        "<p>Use <code>&lt;b&gt;x&lt;/b&gt;</code> &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
        " same paragraph</p><p>next</p>"
    )
