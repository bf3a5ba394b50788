"""Accounts (SPEC §3): who someone is and what they may do.

account (sign-up, log-in, profile) · sessions · passwords · workspaces ·
members (invites, roles) · api_keys · permissions (roles and scopes) ·
auth (who is calling: session or key)."""
