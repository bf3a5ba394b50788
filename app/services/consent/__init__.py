"""Consent (SPEC §19): ``records`` keeps each contact's consent log (from consent
fields, double opt-in, unsubscribes, by hand); ``gate`` decides at send time
whether a marketing email may go; ``double_opt_in`` holds an email_marketing
flow until the person confirms by email.

For erasure (privacy): ``erase_contact_consents_tx(conn, workspace_id, contact_id)``."""

from app.services.consent.records import erase_contact_consents_tx

__all__ = ["erase_contact_consents_tx"]
