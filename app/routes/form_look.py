"""The form's look and languages page (SPEC §17): the theme with a live preview and the
contrast check's message, and the translations, one locale at a time (add a language,
then its labels, placeholders, help, options, thank-you message and submit label).
Plain forms: every save is a POST answered 303 back to the page (422 with the messages
beside the fields and the input kept), so it all works without JavaScript."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import Response
from starlette.routing import Route

from app.errors import ValidationError
from app.services.forms import forms
from app.services.forms.localize import translate_schema
from app.services.forms.messages import language_name
from app.services.forms.public import schema_of
from app.services.forms.theme import FONTS, theme_css
from app.services.forms.translations import locale_tag
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path

THEME_KEYS = (
    "primary_color",
    "background",
    "text_color",
    "font_family",
    "radius",
    "button_label",
    "logo_url",
)
TEXT_KEYS = ("label", "placeholder", "help")


def _page_url(request, form_id: str, locale: str | None = None) -> str:
    url = url_path(request, "forms_look", form_id=form_id)
    return url + (f"?locale={locale}#translation" if locale else "")


async def _page(request, principal, form: dict, *, status: int = 200, **extra):
    locale = extra.pop("locale", None) or request.query_params.get("locale")
    translations = form.get("translations") or {}
    if locale not in translations and "translation_values" not in extra:
        locale = None
    preview = schema_of(form)
    ctx = {
        "form": form,
        "preview": translate_schema(preview, translations, locale) if locale else preview,
        "fonts": list(FONTS),
        "theme_values": form.get("theme") or {},
        "theme_errors": {},
        "locale": locale,
        "locale_name": language_name(locale) if locale else "",
        "languages": [{"code": c, "name": language_name(c)} for c in translations],
        "translation": translations.get(locale) or {},
        "translation_values": None,
        "translation_errors": {},
        "add_error": None,
        "can_edit": principal.can_write,
        "theme_css_url": url_path(request, "forms_theme_css", form_id=form["id"])
        + "?v="
        + quote(form["updated_at"]),
    }
    ctx.update(extra)
    return await render(request, "forms/look.html", ctx, status=status)


async def look_page(request):
    """GET /forms/{id}/look: theme and translations."""
    principal = await require_page(request)
    form = await forms.get_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    return await _page(request, principal, form)


async def theme_stylesheet(request):
    """The saved theme as the stylesheet embed.js would add, for the page's preview
    (any status: drafts are previewed too; members only)."""
    principal = await require_page(request)
    form = await forms.get_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    css = theme_css(form.get("theme") or {}, f'[data-formagent="{form["id"]}"]')
    return Response(css, media_type="text/css; charset=utf-8")


def _strip(errors: dict, prefix: str) -> dict:
    return {k[len(prefix) :] if k.startswith(prefix) else k: v for k, v in errors.items()}


async def save_theme(request):
    """POST /forms/{id}/theme: the whole theme (empty inputs = the default look)."""
    principal = await require_page(request, write=True)
    db, form_id = request.app.state.db, request.path_params["form_id"]
    data = await read_form(request)
    theme = {k: str(data.get(k) or "").strip() for k in THEME_KEYS}
    try:
        await forms.update_form(db, principal.workspace_id, form_id, {"theme": theme})
    except ValidationError as exc:
        form = await forms.get_form(db, principal.workspace_id, form_id)
        errors = _strip(exc.fields or {"theme": exc.message}, "theme.")
        return await _page(
            request, principal, form, status=422, theme_values=theme, theme_errors=errors
        )
    return redirect(request, _page_url(request, form_id) + "#theme", "Look saved.")


def _posted_translation(data, form: dict) -> dict:
    fields = {}
    for field in form["fields"]:
        texts = {k: str(data.get(f"fields.{field['name']}.{k}") or "").strip() for k in TEXT_KEYS}
        lines = str(data.get(f"fields.{field['name']}.options") or "").splitlines()
        options = [line.strip() for line in lines if line.strip()]
        if options:
            texts["options"] = options
        fields[field["name"]] = texts
    return {
        "fields": fields,
        "thank_you_message": str(data.get("thank_you_message") or "").strip(),
        "submit_label": str(data.get("submit_label") or "").strip(),
    }


async def save_translation(request):
    """POST /forms/{id}/translations: add a language (``locale`` only), save one
    language's texts, or remove it (``remove``)."""
    principal = await require_page(request, write=True)
    db, form_id = request.app.state.db, request.path_params["form_id"]
    data = await read_form(request)
    form = await forms.get_form(db, principal.workspace_id, form_id)
    translations = dict(form.get("translations") or {})
    locale = locale_tag(str(data.get("locale") or ""))
    if locale is None:
        return await _page(
            request,
            principal,
            form,
            status=422,
            add_error="Use a language code babel knows, like es, fr, de, pt or pt-BR.",
        )
    if data.get("remove"):
        translations.pop(locale, None)
        message = f"{language_name(locale)} removed."
    elif data.get("texts"):
        translations[locale] = _posted_translation(data, form)
        message = f"{language_name(locale)} saved."
    else:
        translations.setdefault(locale, {"fields": {}})
        message = f"{language_name(locale)} added: translate the texts below."
    try:
        await forms.update_form(db, principal.workspace_id, form_id, {"translations": translations})
    except ValidationError as exc:
        errors = _strip(exc.fields or {"translations": exc.message}, f"translations.{locale}.")
        return await _page(
            request,
            principal,
            form,
            status=422,
            locale=locale,
            translation_values=translations.get(locale) or {},
            translation_errors=errors,
        )
    shown = None if data.get("remove") else locale
    return redirect(request, _page_url(request, form_id, shown), message)


routes = [
    Route("/forms/{form_id}/look", look_page, methods=["GET"], name="forms_look"),
    Route("/forms/{form_id}/theme", save_theme, methods=["POST"], name="forms_theme"),
    Route("/forms/{form_id}/theme.css", theme_stylesheet, methods=["GET"], name="forms_theme_css"),
    Route(
        "/forms/{form_id}/translations",
        save_translation,
        methods=["POST"],
        name="forms_translations",
    ),
]
