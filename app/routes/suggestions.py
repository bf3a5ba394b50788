"""The optimisation assistant on the form editor page (SPEC §10): dismiss a
suggestion, or save the change that "Apply to editor" previewed. Previewing is
the editor itself (``/forms/{id}?suggestion=<id>``, app/routes/form_editor.py).
Plain POSTs answer 303 back to the editor; HTMX gets the suggestions panel back."""

from __future__ import annotations

from app.errors import ValidationError
from app.services.analytics import suggestions
from app.web.auth import require_page
from app.web.render import is_htmx, redirect, render, url_path
from app.web.routing import page_route


async def dismiss_suggestion(request):
    principal = await require_page(request, write=True)
    db, form_id = request.app.state.db, request.path_params["form_id"]
    await suggestions.dismiss(
        db,
        principal.workspace_id,
        form_id,
        request.path_params["suggestion_id"],
        account_id=principal.account_id,
    )
    if not is_htmx(request):
        back = url_path(request, "forms_edit", form_id=form_id) + "#suggestions"
        return redirect(request, back, "Suggestion dismissed. It comes back if the numbers change.")
    ctx = {
        "form": {"id": form_id},
        "suggestions": await suggestions.form_suggestions(db, principal.workspace_id, form_id),
        "can_edit": True,
        "minimums": suggestions.MINIMUMS,
        "notice": "Suggestion dismissed. It comes back if the numbers change.",
    }
    return await render(request, "forms/_suggestions.html", ctx)


async def apply_suggestion(request):
    """Save the change the editor showed unsaved."""
    principal = await require_page(request, write=True)
    form_id = request.path_params["form_id"]
    back = url_path(request, "forms_edit", form_id=form_id)
    try:
        await suggestions.apply(
            request.app.state.db,
            principal.workspace_id,
            form_id,
            request.path_params["suggestion_id"],
        )
    except ValidationError as exc:  # e.g. the change would leave a live form without fields
        message = "; ".join((exc.fields or {}).values()) or exc.message
        return redirect(request, back, f"The change was not saved: {message}", kind="error")
    return redirect(request, back, "Change saved.")


routes = [
    page_route(
        "/forms/{form_id}/suggestions/{suggestion_id}/dismiss",
        dismiss_suggestion,
        methods=["POST"],
        name="suggestion_dismiss",
    ),
    page_route(
        "/forms/{form_id}/suggestions/{suggestion_id}/apply",
        apply_suggestion,
        methods=["POST"],
        name="suggestion_apply",
    ),
]
