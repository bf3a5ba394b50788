"""The embed page's snippets, one per embed mode (SPEC §17), and the steps to paste
them on the platforms marketers use. embed.js reads the mode from the snippet:
``data-fa-mode="popup"`` (a button opens the form in a modal dialog; the button says
``data-fa-button``), ``"slide-in"`` (the form opens in a corner panel; the button brings
it back), no mode = inline. ``data-lang="es"`` pins the language."""

from __future__ import annotations

from html import escape

MODES = (
    ("inline", "Inline", "The form appears where you paste it."),
    ("popup", "Popup", "A button opens the form in a dialog over the page."),
    ("slide-in", "Slide-in", "The form opens in a panel in the corner; a button brings it back."),
)

PLATFORMS = (
    (
        "WordPress",
        (
            "Edit the page or post where the form goes.",
            "Add a “Custom HTML” block (type / then “html”).",
            "Paste the snippet into the block and press Update.",
        ),
    ),
    (
        "Webflow",
        (
            "In the Designer, open Add (+) → Components and drag a “Code Embed” where the form goes.",
            "Paste the snippet, press Save & Close.",
            "Publish the site: embeds run on the published site, not in the Designer.",
        ),
    ),
    (
        "Shopify",
        (
            "Online Store → Themes → Customize, and open the page template.",
            "Add section (or block) → “Custom Liquid”.",
            "Paste the snippet and press Save.",
        ),
    ),
    (
        "Plain HTML",
        (
            "Paste the snippet where the form should be in your page’s HTML.",
            "With several forms on one page, keep one script line (before </body>) and a "
            "div per form.",
        ),
    ),
)


def snippets(script_url: str, form_id: str, button: str) -> list[dict]:
    """[{mode, title, description, code}] for each embed mode."""
    out = []
    for mode, title, description in MODES:
        attrs = f'data-formagent="{escape(form_id)}"'
        if mode != "inline":
            attrs += f' data-fa-mode="{mode}" data-fa-button="{escape(button)}"'
        code = f'<div {attrs}></div>\n<script src="{script_url}" async></script>'
        out.append({"mode": mode, "title": title, "description": description, "code": code})
    return out


def platform_steps() -> list[dict]:
    return [{"name": name, "steps": list(steps)} for name, steps in PLATFORMS]
