"""A form's look (SPEC §17 "Look and embed modes"):

    theme: {primary_color, background, text_color, font_family, radius, button_label, logo_url}

Colours are #rrggbb; the font is a name from FONTS or a plain CSS font stack (names,
quotes, commas: nothing that could close the declaration); the radius is 0-24 px; the
logo an https address. Text on the background, and the button's white text on the
primary colour, must reach WCAG AA (4.5:1): below it the save is refused with the
nearest colour of the same hue that passes ("Use #1f2937 for the text: 12.6:1").

The theme reaches the page as ``--fa-*`` custom properties and the few rules that read
them (``theme_css``): embed.js appends that stylesheet (it comes with the schema), the
hosted page links it, so form.css carries no theme code (embed.js's weight).
"""

from __future__ import annotations

import colorsys
import math
import re

from app.services.forms.fields import _Errors, _int, _text

HEX_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
SHORT_HEX_RE = re.compile(r"^#[0-9a-fA-F]{3}$")
# Unquoted family names, or quoted ones, separated by commas: no ; { } ( ) < > \ or url().
FONT_STACK_RE = re.compile(
    r"^\s*(?:[A-Za-z][A-Za-z0-9 -]*|\"[A-Za-z0-9 -]+\"|'[A-Za-z0-9 -]+')"
    r"(?:\s*,\s*(?:[A-Za-z][A-Za-z0-9 -]*|\"[A-Za-z0-9 -]+\"|'[A-Za-z0-9 -]+'))*\s*$"
)
FONTS = {
    "system": 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    "sans-serif": '"Helvetica Neue", Arial, sans-serif',
    "serif": 'Georgia, "Times New Roman", serif',
    "monospace": 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
    "Inter": "Inter, system-ui, sans-serif",
    "Roboto": "Roboto, system-ui, sans-serif",
    "Open Sans": '"Open Sans", system-ui, sans-serif',
    "Lato": "Lato, system-ui, sans-serif",
    "Montserrat": "Montserrat, system-ui, sans-serif",
    "Georgia": "Georgia, serif",
    "Arial": "Arial, sans-serif",
    "Verdana": "Verdana, sans-serif",
}
DEFAULTS = {"primary_color": "#2f5fd0", "background": "#ffffff", "text_color": "#1d2433"}
BUTTON_TEXT = "#ffffff"  # form.css's .fa-submit text
AA = 4.5
MAX_RADIUS = 24
COLOR_KEYS = ("primary_color", "background", "text_color")


# -- colour arithmetic (WCAG 2.x) ---------------------------------------------
def _rgb(hex_color: str) -> tuple[float, float, float]:
    return tuple(int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(max(0, min(1, c)) * 255):02x}" for c in rgb)


def luminance(hex_color: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ratio_text(ratio: float) -> str:
    """1 decimal, rounded down: 4.47 is shown as 4.4:1, never as a passing 4.5:1."""
    return f"{math.floor(ratio * 10) / 10:.1f}:1"


def nearest_passing(color: str, against: str) -> str:
    """The colour of the same hue and saturation, lightness moved away from
    ``against`` just far enough to reach AA against it."""
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(color))
    step = -0.01 if luminance(against) > 0.18 else 0.01
    candidate = color
    while contrast(candidate, against) < AA and 0 <= lightness <= 1:
        lightness += step
        candidate = _hex(colorsys.hls_to_rgb(h, min(1, max(0, lightness)), s))
    return candidate


# -- checks --------------------------------------------------------------------
def _color(raw, key: str, errors: _Errors) -> str | None:
    if raw in (None, ""):
        return None
    text = raw.strip() if isinstance(raw, str) else ""
    if SHORT_HEX_RE.match(text):
        text = "#" + "".join(c * 2 for c in text[1:])
    if not HEX_RE.match(text):
        errors.add(key, "Use a colour written like #1f2937.")
        return None
    return text.lower()


def _font(raw, errors: _Errors) -> str | None:
    text = _text(raw, "theme.font_family", errors, limit=200)
    if not text:
        return None
    if text not in FONTS and not FONT_STACK_RE.match(text):
        errors.add(
            "theme.font_family",
            f"Choose one of {', '.join(FONTS)}, or a font stack like "
            '"Source Sans 3", Arial, sans-serif (names, quotes and commas only).',
        )
        return None
    return re.sub(r"\s*,\s*", ", ", text)


def _logo(raw, errors: _Errors) -> str | None:
    text = _text(raw, "theme.logo_url", errors, limit=2000)
    if not text:
        return None
    if not re.match(r"^https://[^\s\"'<>()\\]+$", text):
        errors.add("theme.logo_url", "Use an https:// address of an image.")
        return None
    return text


def _contrast_errors(theme: dict, errors: _Errors) -> None:
    colors = {**DEFAULTS, **{k: theme[k] for k in COLOR_KEYS if k in theme}}
    text, background = colors["text_color"], colors["background"]
    ratio = contrast(text, background)
    if ratio < AA:
        fix = nearest_passing(text, background)
        errors.add(
            "theme.text_color",
            f"Text {text} on the background {background} has a contrast of {ratio_text(ratio)}; "
            f"WCAG AA needs 4.5:1. Use {fix} for the text: {ratio_text(contrast(fix, background))}.",
        )
    primary = colors["primary_color"]
    ratio = contrast(BUTTON_TEXT, primary)
    if ratio < AA:
        fix = nearest_passing(primary, BUTTON_TEXT)
        errors.add(
            "theme.primary_color",
            f"The button's white text on {primary} has a contrast of {ratio_text(ratio)}; "
            f"WCAG AA needs 4.5:1. Use {fix} for the primary colour: "
            f"{ratio_text(contrast(BUTTON_TEXT, fix))}.",
        )


def check_theme(raw, errors: _Errors) -> dict:
    """The theme with only the keys that are set, normalized; problems reported."""
    if raw in (None, "", []):
        return {}
    if not isinstance(raw, dict):
        errors.add("theme", "Use an object of colours, font, radius, button label and logo.")
        return {}
    theme = {key: _color(raw.get(key), f"theme.{key}", errors) for key in COLOR_KEYS}
    theme["font_family"] = _font(raw.get("font_family"), errors)
    theme["radius"] = _int(
        raw.get("radius"), "theme.radius", errors, default=None, lo=0, hi=MAX_RADIUS
    )
    theme["button_label"] = _text(raw.get("button_label"), "theme.button_label", errors, limit=60)
    theme["logo_url"] = _logo(raw.get("logo_url"), errors)
    theme = {k: v for k, v in theme.items() if v not in (None, "")}
    if isinstance(theme.get("radius"), int) and not 0 <= theme["radius"] <= MAX_RADIUS:
        theme.pop("radius")
    _contrast_errors(theme, errors)
    return theme


def css_vars(theme: dict, hosted: bool = False) -> dict:
    """The theme as --fa-* custom properties (the names hosted.css reads)."""
    out = {}
    if "primary_color" in theme:
        out["--fa-primary"] = theme["primary_color"]
    if "background" in theme:
        out["--fa-surface"] = theme["background"]
        if hosted:
            out["--fa-bg"] = theme["background"]
    if "text_color" in theme:
        out["--fa-text"] = out["--fa-muted"] = theme["text_color"]
    if "font_family" in theme:
        out["--fa-font"] = FONTS.get(theme["font_family"], theme["font_family"])
    if "radius" in theme:
        out["--fa-radius"] = f"{theme['radius']}px"
    return out


# The rules that read each custom property, per theme key (scope is prefixed).
_RULES = {
    "primary_color": ("{s} .fa-submit{{background:var(--fa-primary)}}",),
    "background": (
        "{s} .fa-input,{s} .fa-dialog{{background:var(--fa-surface)}}",
        "{s} .fa-form{{background:var(--fa-surface);padding:1.25rem;border-radius:6px}}",
    ),
    "text_color": ("{s} .fa-form,{s} .fa-dialog,{s} .fa-help{{color:var(--fa-text)}}",),
    "font_family": ("{s} .fa-form{{font-family:var(--fa-font)}}",),
    "radius": ("{s} .fa-input,{s} .fa-submit{{border-radius:var(--fa-radius)}}",),
}


def theme_css(theme: dict, scope: str, hosted: bool = False) -> str:
    """A stylesheet for the theme under ``scope``: its custom properties and the rules
    that read them. embed.js adds it to its style element (scope: the form's
    [data-formagent] root), the hosted page links it (scope .fa-hosted; its CSP takes no
    inline style). Values are safe in CSS: colours, a checked font stack, a number."""
    props = css_vars(theme, hosted)
    if not props:
        return ""
    rules = [f"{scope}{{{';'.join(f'{k}:{v}' for k, v in props.items())}}}"]
    for key, templates in _RULES.items():
        if key in theme:
            rules += [t.format(s=scope) for t in templates if not (hosted and ".fa-form{" in t)]
    return "".join(rules)
