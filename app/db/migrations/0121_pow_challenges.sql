-- SPEC §19 proof-of-work: a solved challenge is accepted once. A row per used challenge,
-- written only for forms with the challenge on, deleted once the challenge has expired.
CREATE TABLE pow_used (
  salt TEXT PRIMARY KEY,
  form_id TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX pow_used_expiry ON pow_used (expires_at);
