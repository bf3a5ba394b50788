-- SPEC §17: a form's steps and layout, translations, theme and partial-submission
-- settings, stored beside the other config columns (JSON text like fields/security).
ALTER TABLE forms ADD COLUMN steps TEXT NOT NULL DEFAULT '[]';
ALTER TABLE forms ADD COLUMN layout TEXT NOT NULL DEFAULT 'standard';
ALTER TABLE forms ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE forms ADD COLUMN theme TEXT NOT NULL DEFAULT '{}';
ALTER TABLE forms ADD COLUMN partials TEXT NOT NULL DEFAULT '{}';
