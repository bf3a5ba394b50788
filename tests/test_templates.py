"""Template rules that keep every form working without JavaScript."""

import re

from app.web.render import TEMPLATES_DIR

IMPORT = re.compile(r"{%-?\s*(from|import)\s[^%]*%}")


def test_every_macro_import_passes_the_context():
    """Macros read csrf_token from the page context; Jinja imports without it by
    default, which silently renders an empty token and every plain POST gets 403."""
    offenders = []
    for path in TEMPLATES_DIR.rglob("*"):
        if path.is_file():
            for match in IMPORT.finditer(path.read_text()):
                if "with context" not in match.group(0):
                    offenders.append(f"{path.relative_to(TEMPLATES_DIR)}: {match.group(0)}")
    assert offenders == []


async def test_every_form_on_the_main_pages_carries_the_session_csrf_token(user):
    from tests.helpers import soup

    pages = ["/", "/forms", "/forms/new", "/submissions", "/contacts", "/contacts/new", "/deals", "/deals/new",
             "/handlers", "/groups", "/work", "/drafts", "/live", "/settings/account", "/settings/workspace",
             "/settings/members", "/settings/api-keys"]
    checked = 0
    for path in pages:
        r = await user.web.get(path)
        assert r.status_code == 200, path
        doc = soup(r)
        expected = doc.find("meta", attrs={"name": "csrf-token"})["content"]
        for form in doc.select("form[method=post], form[method=POST]"):
            token = form.select_one("input[name=csrf_token]")
            assert token is not None and token["value"] == expected, f"{path}: {form.get('action')}"
            checked += 1
    assert checked > len(pages)
