"""The domain: plain async functions taking (db, workspace_id, ...), one package
per domain: accounts, forms, capture, processing, agents, crm, mail, events,
analytics, platform, and llm (the engines behind agents and form drafting).
Typed errors live in app/errors.py, below every layer."""
