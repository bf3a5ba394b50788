"""Accounts (SPEC §3): who someone is and what they may do.

account (sign-up, log-in, profile) · sessions · passwords · workspaces ·
members (roles) · invites (by token) · api_keys · permissions (roles and scopes) ·
auth (who is calling: session or key) · currency (money in the workspace's currency)."""
