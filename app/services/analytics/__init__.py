"""Analytics (SPEC §10): numbers about forms and the workspace.

today (the dashboard's cards for today)."""
