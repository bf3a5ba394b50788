"""Analytics (SPEC §10): numbers about forms and the workspace.

today (the dashboard's cards for today); suggestions (the optimisation assistant:
what to change on a form, with its evidence; numbers read in suggestion_data,
rules in suggestion_rules); ranges (the date range and its previous period);
totals (shared period sums over the rollups); overview, funnel, channels, speed, fields,
forms (comparison), volume, agents, sequences: one module per report; export (CSV tables);
present and page (the /analytics page); rollups (rebuild after a bulk rewrite of history).
Rollup rows are counted as rows arrive (counters, written by the code that stores them)
and kept as they change by triggers (migrations/0040_analytics.sql)."""
