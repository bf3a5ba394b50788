"""Capture (SPEC §5): a visitor's submission, from raw bytes to a stored row.

pipeline (the checks in order, one transaction) · intake (parsing and
validating the input) · batch (group commit) · spam (the spam log) ·
beacons (views and starts) · submissions (the dashboard's and API's view)."""
