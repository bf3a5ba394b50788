"""WTForms classes that parse the settings pages' forms.

They only turn form data into typed values (strings trimmed, a list of scopes,
a date); every rule lives in the services, which raise ValidationError with
the field names used here, so a page shows the message beside its field.
"""

from __future__ import annotations

from wtforms import (
    Form,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice

from app.services.accounts.permissions import ROLES, SCOPES


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
    default_from_email = StringField("Default from-email", filters=[_strip])
    postal_address = TextAreaField("Postal address", filters=[_strip])

    def settings(self) -> dict:
        return {
            "timezone": self.timezone.data or "",
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
