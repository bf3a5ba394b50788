-- Dismissed optimisation suggestions (SPEC §10). A suggestion has no row of its
-- own: it is recomputed from the form's numbers each time. Its fingerprint
-- (form, kind, field) is what a dismissal remembers, with the evidence it was
-- dismissed on (metric, sample), so the same suggestion stays away until that
-- evidence changes materially (app/services/analytics/suggestions.py).
CREATE TABLE suggestion_dismissals (
  workspace_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  metric REAL NOT NULL,
  sample INTEGER NOT NULL,
  dismissed_by TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, form_id, fingerprint)
);
