"""The retention settings of a workspace (SPEC §19): how long spam logs and
submissions are kept. Numbers in the API; the settings page posts them as text."""

from __future__ import annotations

SPAM_LOG_DAYS = "spam_log_days"
SUBMISSION_MONTHS = "submission_retention_months"
DEFAULTS = {SPAM_LOG_DAYS: 30, SUBMISSION_MONTHS: None}  # None: submissions kept for good
LIMITS = {SPAM_LOG_DAYS: (1, 3650), SUBMISSION_MONTHS: (1, 120)}
MESSAGES = {
    SPAM_LOG_DAYS: "Keep spam logs between 1 and 3650 days (a whole number).",
    SUBMISSION_MONTHS: "Keep submissions between 1 and 120 months, or leave it empty to keep them.",
}


def check_retention(key: str, value) -> tuple[int | None, str | None]:
    """``(clean value, None)`` or ``(None, message)``. Empty means the default."""
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            return DEFAULTS[key], None
        if not value.isdigit():
            return None, MESSAGES[key]
        value = int(value)
    if value is None:
        return (None, None) if key == SUBMISSION_MONTHS else (None, MESSAGES[key])
    low, high = LIMITS[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return None, MESSAGES[key]
    return value, None
