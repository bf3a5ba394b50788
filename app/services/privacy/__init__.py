"""A person's data (SPEC §19): export (export.py), erasure (erase.py, made of one step
per table), and the retention settings and periodic task (retention.py).

Kept free of imports so accounts can read the retention settings' rules
(retention_settings.py) without importing the rest."""
