"""Events (SPEC §11): the log every step writes, reading it, and the live hub.

catalogue (every event type, declared once) · log (emit, which refuses an
undeclared type) · queries (filters, pages, the live page's rows) · live (the
per-process hub that wakes streams) · feed (the dashboard's one row per lead)."""
