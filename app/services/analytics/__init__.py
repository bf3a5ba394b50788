"""Analytics (SPEC §10): numbers about forms and the workspace.

today (the dashboard's cards for today); suggestions (the optimisation assistant:
what to change on a form, with its evidence; numbers read in suggestion_data,
rules in suggestion_rules)."""
