"""The environment for FormAgent's own email templates (templates/ beside this
module): sandboxed, autoescaped whatever the extension (SPEC §13: escaping is on
for every template, .txt included), and StrictUndefined so a misspelt variable
fails in tests instead of sending a blank. Users' text never comes here: it is
filled by placeholders.fill and passed in as a value."""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

TEMPLATES_DIR = Path(__file__).parent / "templates"

ENV = SandboxedEnvironment(
    loader=FileSystemLoader(str(TEMPLATES_DIR)),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_email(template: str, context: dict) -> str:
    """Render one of the email templates (e.g. ``"invite.txt"``) with ``context``."""
    return ENV.get_template(template).render(context)
