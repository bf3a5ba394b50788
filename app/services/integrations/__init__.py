"""Integrations (SPEC §18): signed webhooks with a delivery log, members' email
notifications, Slack messages. Outbound HTTP to tenant URLs goes through
``outbound`` (SSRF rules); events reach here through ``fanout`` (called by emit)."""
