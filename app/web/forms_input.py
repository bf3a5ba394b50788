"""The one way page handlers read a posted form: ``read_form(request)`` gives
the text values (file parts apart, in ``.files``) and turns an unreadable body
into a 400; the settings pages bind it to the WTForms classes below with
``parse``.

The WTForms classes only turn form data into typed values (strings trimmed, a
list of scopes, a date); every rule lives in the services, which raise
ValidationError with the field names used here, so a page shows the message
beside its field.
"""

from __future__ import annotations

from starlette.datastructures import ImmutableMultiDict, UploadFile
from starlette.exceptions import HTTPException
from wtforms import (
    BooleanField,
    Form,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice

from app.errors import BadRequest
from app.services.accounts.permissions import ROLES, SCOPES


class FormInput(ImmutableMultiDict):
    """A posted form's text values (``get``, ``getlist``); uploads are in ``files``,
    so a file sent where text is expected reads as missing, never as its repr."""

    def __init__(self, pairs, files: dict[str, UploadFile]):
        super().__init__(pairs)
        self.files = files


async def read_form(request, *, max_files: int = 1000, max_fields: int = 1000) -> FormInput:
    """The request's form body (urlencoded or multipart): 400 when it cannot be read."""
    try:
        data = await request.form(max_files=max_files, max_fields=max_fields)
    except HTTPException as exc:
        raise BadRequest(
            f"The form could not be read: {exc.detail}", code="malformed_body"
        ) from None
    pairs = [(k, v) for k, v in data.multi_items() if isinstance(v, str)]
    files = {k: v for k, v in data.multi_items() if isinstance(v, UploadFile)}
    return FormInput(pairs, files)


def _choices(values) -> list[SelectChoice]:
    return [SelectChoice(value=v, label=v) for v in values]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ProfileForm(Form):
    name = StringField("Your name", filters=[_strip])


class PasswordForm(Form):
    current_password = PasswordField("Current password")
    new_password = PasswordField("New password")


class WorkspaceForm(Form):
    name = StringField("Workspace name", filters=[_strip])
    timezone = StringField("Time zone", filters=[_strip])
    currency = StringField("Currency", filters=[_strip])
    default_from_email = StringField("Default from-email", filters=[_strip])
    postal_address = TextAreaField("Postal address", filters=[_strip])
    logo_url = StringField("Logo", filters=[_strip])
    spam_log_days = StringField("Keep spam logs for (days)", filters=[_strip])
    submission_retention_months = StringField("Keep submissions for (months)", filters=[_strip])
    marketing_requires_consent = BooleanField("Marketing needs consent")

    def settings(self) -> dict:
        return {
            "spam_log_days": self.spam_log_days.data or "",
            "submission_retention_months": self.submission_retention_months.data or "",
            "marketing_requires_consent": bool(self.marketing_requires_consent.data),
            "logo_url": self.logo_url.data or "",
            "timezone": self.timezone.data or "",
            "currency": self.currency.data or "",
            "default_from_email": self.default_from_email.data or "",
            "postal_address": self.postal_address.data or "",
        }


class NewWorkspaceForm(Form):
    name = StringField("Workspace name", filters=[_strip])


class DeleteWorkspaceForm(Form):
    confirm = StringField("Type the workspace name to confirm", filters=[_strip])


class InviteForm(Form):
    email = StringField("Email", filters=[_strip])
    # The service checks the role and says which ones exist; WTForms only reads it.
    role = SelectField("Role", choices=_choices(ROLES), default="member", validate_choice=False)


class RoleForm(Form):
    role = SelectField("Role", choices=_choices(ROLES), validate_choice=False)


class ApiKeyForm(Form):
    name = StringField("Key name", filters=[_strip])
    scopes = SelectMultipleField("Scopes", choices=_choices(SCOPES), validate_choice=False)
    preset = StringField("Start from", filters=[_strip])  # a SCOPE_PRESETS key or "custom"
    # A date input; the service parses it (a date means midnight UTC) and says what is wrong.
    expires_at = StringField("Expires on (optional)", filters=[_strip])


# Clearer than WTForms' generic parse messages, where a field has any.
_MESSAGES: dict[str, str] = {}


def parse(form_class, formdata) -> tuple[Form, dict]:
    """Bind ``formdata`` and return (form, {field: first parse error})."""
    form = form_class(formdata)
    form.validate()
    errors = {
        name: _MESSAGES.get(name, messages[0]) for name, messages in form.errors.items() if messages
    }
    return form, errors


def values(form: Form) -> dict:
    """The submitted values, for re-rendering the inputs as typed (never passwords)."""
    out = {}
    for f in form:
        if isinstance(f, SelectMultipleField):
            out[f.name] = list(f.data or [])
        elif not isinstance(f, PasswordField):
            out[f.name] = f.raw_data[0] if f.raw_data else (f.data or "")
    return out
