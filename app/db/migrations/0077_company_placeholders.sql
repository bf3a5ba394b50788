-- CRM data quality (issue 14 item 12).
-- 1. Contacts join the company that owns their business email domain: look it up fast.
CREATE INDEX companies_ws_domain ON companies (workspace_id, domain);

-- 2. Companies that capture made out of placeholder answers ("n/a", "-", "none", "self"...)
--    name nobody. Safe clean-up: contacts, submissions and deals that point at one lose the
--    link (the typed value stays in the submission's data), then the placeholder company is
--    deleted. Only exact normalised names from this fixed list are touched, every other
--    company, and every contact, submission and deal, is kept as it is.
UPDATE contacts SET company_id = NULL WHERE company_id IN (
  SELECT id FROM companies WHERE name_normalized IN (
    'n/a', 'n.a', 'n / a', 'na', 'n/a.', '-', '--', '---', '.', '?', 'none', 'nil', 'null',
    'self', 'self-employed', 'self employed', 'private', 'individual', 'personal', 'unknown',
    'no company', 'not applicable', 'x', 'xx', 'xxx'));
UPDATE submissions SET company_id = NULL WHERE company_id IN (
  SELECT id FROM companies WHERE name_normalized IN (
    'n/a', 'n.a', 'n / a', 'na', 'n/a.', '-', '--', '---', '.', '?', 'none', 'nil', 'null',
    'self', 'self-employed', 'self employed', 'private', 'individual', 'personal', 'unknown',
    'no company', 'not applicable', 'x', 'xx', 'xxx'));
UPDATE deals SET company_id = NULL WHERE company_id IN (
  SELECT id FROM companies WHERE name_normalized IN (
    'n/a', 'n.a', 'n / a', 'na', 'n/a.', '-', '--', '---', '.', '?', 'none', 'nil', 'null',
    'self', 'self-employed', 'self employed', 'private', 'individual', 'personal', 'unknown',
    'no company', 'not applicable', 'x', 'xx', 'xxx'));
DELETE FROM companies WHERE name_normalized IN (
    'n/a', 'n.a', 'n / a', 'na', 'n/a.', '-', '--', '---', '.', '?', 'none', 'nil', 'null',
    'self', 'self-employed', 'self employed', 'private', 'individual', 'personal', 'unknown',
    'no company', 'not applicable', 'x', 'xx', 'xxx');
