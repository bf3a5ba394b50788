-- Analytics (SPEC §10): a daily rollup of submissions, kept by triggers as rows arrive
-- and change, so KPI cards, the funnel and channels read a few thousand rollup rows
-- instead of a million submissions. One row per UTC day, form, last-touch source (the
-- submission's utm_source) and first-touch source (the contact's first touchpoint).
CREATE TABLE analytics_daily (
  workspace_id TEXT NOT NULL,
  day TEXT NOT NULL,
  form_id TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  first_source TEXT NOT NULL DEFAULT '',
  submissions INTEGER NOT NULL DEFAULT 0,
  matched INTEGER NOT NULL DEFAULT 0,
  new_contacts INTEGER NOT NULL DEFAULT 0,
  processed INTEGER NOT NULL DEFAULT 0,
  responded INTEGER NOT NULL DEFAULT 0,
  response_seconds REAL NOT NULL DEFAULT 0,
  -- speed-to-lead buckets: <1 min, 1-5 min, 5-30 min, 30-60 min, 1-4 h, 4-24 h, >24 h
  speed_0 INTEGER NOT NULL DEFAULT 0,
  speed_1 INTEGER NOT NULL DEFAULT 0,
  speed_2 INTEGER NOT NULL DEFAULT 0,
  speed_3 INTEGER NOT NULL DEFAULT 0,
  speed_4 INTEGER NOT NULL DEFAULT 0,
  speed_5 INTEGER NOT NULL DEFAULT 0,
  speed_6 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, day, form_id, source, first_source)
) WITHOUT ROWID;

-- The triggers' touchpoint lookups (utm_source read from the index); an agent's
-- submissions in a range; views by workspace and day.
CREATE INDEX touchpoints_contact_source ON touchpoints (contact_id, created_at, utm_source);
CREATE INDEX submissions_assigned_created ON submissions (assigned_id, created_at);
-- Not covering views/starts: every beacon updates them, and an index holding them
-- would be rewritten on each one.
CREATE INDEX form_daily_stats_ws_day ON form_daily_stats (workspace_id, day);

CREATE TRIGGER analytics_submission_insert AFTER INSERT ON submissions BEGIN
  INSERT INTO analytics_daily (workspace_id, day, form_id, source, first_source, submissions,
    matched, new_contacts, processed)
  VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10), NEW.form_id,
    COALESCE(json_extract(NEW.meta, '$.utm.utm_source'), ''),
    COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = NEW.contact_id
              ORDER BY created_at, id LIMIT 1), ''),
    1, NEW.contact_id IS NOT NULL, NEW.is_new_contact, NEW.status = 'processed')
  ON CONFLICT DO UPDATE SET submissions = submissions + 1,
    matched = matched + excluded.matched, new_contacts = new_contacts + excluded.new_contacts,
    processed = processed + excluded.processed;
END;

-- Later changes land on the same row (same day, form and sources).
CREATE TRIGGER analytics_submission_update AFTER UPDATE OF status, processed_at, contact_id
ON submissions
WHEN (OLD.status = 'processed') <> (NEW.status = 'processed')
  OR (OLD.processed_at IS NULL AND NEW.processed_at IS NOT NULL)
  OR (OLD.contact_id IS NULL AND NEW.contact_id IS NOT NULL)
BEGIN
  INSERT INTO analytics_daily (workspace_id, day, form_id, source, first_source, matched,
    processed, responded, response_seconds, speed_0, speed_1, speed_2, speed_3, speed_4,
    speed_5, speed_6)
  SELECT NEW.workspace_id, substr(NEW.created_at, 1, 10), NEW.form_id,
    COALESCE(json_extract(NEW.meta, '$.utm.utm_source'), ''),
    COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = NEW.contact_id
              ORDER BY created_at, id LIMIT 1), ''),
    OLD.contact_id IS NULL AND NEW.contact_id IS NOT NULL,
    (NEW.status = 'processed') - (OLD.status = 'processed'),
    r, r * s, r AND s < 60, r AND s >= 60 AND s < 300, r AND s >= 300 AND s < 1800,
    r AND s >= 1800 AND s < 3600, r AND s >= 3600 AND s < 14400,
    r AND s >= 14400 AND s < 86400, r AND s >= 86400
  FROM (SELECT OLD.processed_at IS NULL AND NEW.processed_at IS NOT NULL AS r,
          MAX(0, COALESCE((julianday(NEW.processed_at) - julianday(NEW.created_at)) * 86400.0, 0)) AS s)
  WHERE true
  ON CONFLICT DO UPDATE SET matched = matched + excluded.matched,
    processed = processed + excluded.processed, responded = responded + excluded.responded,
    response_seconds = response_seconds + excluded.response_seconds,
    speed_0 = speed_0 + excluded.speed_0, speed_1 = speed_1 + excluded.speed_1,
    speed_2 = speed_2 + excluded.speed_2, speed_3 = speed_3 + excluded.speed_3,
    speed_4 = speed_4 + excluded.speed_4, speed_5 = speed_5 + excluded.speed_5,
    speed_6 = speed_6 + excluded.speed_6;
END;

CREATE TRIGGER analytics_submission_delete AFTER DELETE ON submissions BEGIN
  UPDATE analytics_daily SET submissions = submissions - 1,
    matched = matched - (OLD.contact_id IS NOT NULL), new_contacts = new_contacts - OLD.is_new_contact,
    processed = processed - (OLD.status = 'processed')
  WHERE workspace_id = OLD.workspace_id AND day = substr(OLD.created_at, 1, 10)
    AND form_id = OLD.form_id AND source = COALESCE(json_extract(OLD.meta, '$.utm.utm_source'), '')
    AND first_source = COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = OLD.contact_id
                                 ORDER BY created_at, id LIMIT 1), '');
END;

-- Submissions already stored.
INSERT INTO analytics_daily (workspace_id, day, form_id, source, first_source, submissions,
  matched, new_contacts, processed, responded, response_seconds, speed_0, speed_1, speed_2,
  speed_3, speed_4, speed_5, speed_6)
SELECT workspace_id, day, form_id, source, first_source, COUNT(*), SUM(contact_id IS NOT NULL),
  SUM(is_new_contact), SUM(status = 'processed'), SUM(r), SUM(r * s), SUM(r AND s < 60),
  SUM(r AND s >= 60 AND s < 300), SUM(r AND s >= 300 AND s < 1800),
  SUM(r AND s >= 1800 AND s < 3600), SUM(r AND s >= 3600 AND s < 14400),
  SUM(r AND s >= 14400 AND s < 86400), SUM(r AND s >= 86400)
FROM (SELECT workspace_id, substr(created_at, 1, 10) AS day, form_id,
        COALESCE(json_extract(meta, '$.utm.utm_source'), '') AS source,
        COALESCE((SELECT utm_source FROM touchpoints t WHERE t.contact_id = s.contact_id
                  ORDER BY created_at, id LIMIT 1), '') AS first_source,
        contact_id, is_new_contact, status, processed_at IS NOT NULL AS r,
        MAX(0, COALESCE((julianday(processed_at) - julianday(created_at)) * 86400.0, 0)) AS s
      FROM submissions s)
GROUP BY workspace_id, day, form_id, source, first_source;

-- Deals by the UTC day they were created, the form of their source submission ('' when
-- made by hand), and the sources their contact's touchpoints credit: last touch (the
-- latest touchpoint up to the deal) and first touch. Path is the contact's sources up to
-- the deal, in order, repeats collapsed, joined by char(31). Won and revenue follow the
-- deal's stage as it moves.
CREATE TABLE analytics_deals_daily (
  workspace_id TEXT NOT NULL,
  day TEXT NOT NULL,
  form_id TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  first_source TEXT NOT NULL DEFAULT '',
  path TEXT NOT NULL DEFAULT '',
  deals INTEGER NOT NULL DEFAULT 0,
  won INTEGER NOT NULL DEFAULT 0,
  revenue REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, day, form_id, source, first_source, path)
) WITHOUT ROWID;

-- Workspace totals per UTC day: contacts created, spam blocked, deals closed as won
-- (by close day) and their revenue.
CREATE TABLE analytics_totals_daily (
  workspace_id TEXT NOT NULL,
  day TEXT NOT NULL,
  contacts INTEGER NOT NULL DEFAULT 0,
  spam INTEGER NOT NULL DEFAULT 0,
  won INTEGER NOT NULL DEFAULT 0,
  revenue REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, day)
) WITHOUT ROWID;

CREATE TRIGGER analytics_contact_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO analytics_totals_daily (workspace_id, day, contacts)
  VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10), 1)
  ON CONFLICT DO UPDATE SET contacts = contacts + 1;
END;
CREATE TRIGGER analytics_contact_delete AFTER DELETE ON contacts BEGIN
  UPDATE analytics_totals_daily SET contacts = contacts - 1
  WHERE workspace_id = OLD.workspace_id AND day = substr(OLD.created_at, 1, 10);
END;
CREATE TRIGGER analytics_spam_insert AFTER INSERT ON spam_log BEGIN
  INSERT INTO analytics_totals_daily (workspace_id, day, spam)
  VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10), 1)
  ON CONFLICT DO UPDATE SET spam = spam + 1;
END;

-- sign: +1 adds the deal (NEW), -1 takes it away (OLD); one statement per case below.
CREATE TRIGGER analytics_deal_insert AFTER INSERT ON deals BEGIN
  INSERT INTO analytics_deals_daily (workspace_id, day, form_id, source, first_source, path,
    deals, won, revenue)
  VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10),
    COALESCE((SELECT form_id FROM submissions WHERE id = NEW.source_submission_id), ''),
    COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = NEW.contact_id
              AND created_at <= NEW.created_at ORDER BY created_at DESC, id DESC LIMIT 1), ''),
    COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = NEW.contact_id
              ORDER BY created_at, id LIMIT 1), ''),
    COALESCE((SELECT group_concat(src, char(31)) FROM (SELECT src FROM (
       SELECT COALESCE(utm_source, '') AS src,
         LAG(COALESCE(utm_source, ''), 1, char(0)) OVER (ORDER BY created_at, id) AS prev
       FROM touchpoints WHERE contact_id = NEW.contact_id AND created_at <= NEW.created_at)
     WHERE src <> prev)), ''),
    1, NEW.stage = 'won', CASE WHEN NEW.stage = 'won' THEN NEW.amount ELSE 0 END)
  ON CONFLICT DO UPDATE SET deals = deals + 1, won = won + excluded.won,
    revenue = revenue + excluded.revenue;
  INSERT INTO analytics_totals_daily (workspace_id, day, won, revenue)
  SELECT NEW.workspace_id, substr(COALESCE(NEW.closed_at, NEW.created_at), 1, 10), 1, NEW.amount
  WHERE NEW.stage = 'won'
  ON CONFLICT DO UPDATE SET won = won + 1, revenue = revenue + excluded.revenue;
END;

-- A change of stage, amount or close day: take the old won state away, add the new one.
-- The rollup row of the deal is found again from its (unchanged) creation day, form and
-- touchpoints up to its creation.
CREATE TRIGGER analytics_deal_update AFTER UPDATE OF stage, amount, closed_at ON deals
WHEN (OLD.stage = 'won' OR NEW.stage = 'won')
  AND (OLD.stage IS NOT NEW.stage OR OLD.amount IS NOT NEW.amount OR OLD.closed_at IS NOT NEW.closed_at)
BEGIN
  UPDATE analytics_deals_daily
  SET won = won + (NEW.stage = 'won') - (OLD.stage = 'won'),
    revenue = revenue + CASE WHEN NEW.stage = 'won' THEN NEW.amount ELSE 0 END
      - CASE WHEN OLD.stage = 'won' THEN OLD.amount ELSE 0 END
  WHERE workspace_id = NEW.workspace_id AND day = substr(NEW.created_at, 1, 10)
    AND form_id = COALESCE((SELECT form_id FROM submissions WHERE id = NEW.source_submission_id), '')
    AND source = COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = NEW.contact_id
              AND created_at <= NEW.created_at ORDER BY created_at DESC, id DESC LIMIT 1), '')
    AND first_source = COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = NEW.contact_id
              ORDER BY created_at, id LIMIT 1), '')
    AND path = COALESCE((SELECT group_concat(src, char(31)) FROM (SELECT src FROM (
       SELECT COALESCE(utm_source, '') AS src,
         LAG(COALESCE(utm_source, ''), 1, char(0)) OVER (ORDER BY created_at, id) AS prev
       FROM touchpoints WHERE contact_id = NEW.contact_id AND created_at <= NEW.created_at)
     WHERE src <> prev)), '');
  UPDATE analytics_totals_daily SET won = won - 1, revenue = revenue - OLD.amount
  WHERE OLD.stage = 'won' AND workspace_id = OLD.workspace_id
    AND day = substr(COALESCE(OLD.closed_at, OLD.created_at), 1, 10);
  INSERT INTO analytics_totals_daily (workspace_id, day, won, revenue)
  SELECT NEW.workspace_id, substr(COALESCE(NEW.closed_at, NEW.created_at), 1, 10), 1, NEW.amount
  WHERE NEW.stage = 'won'
  ON CONFLICT DO UPDATE SET won = won + 1, revenue = revenue + excluded.revenue;
END;

-- Rows already stored.
INSERT INTO analytics_totals_daily (workspace_id, day, contacts)
SELECT workspace_id, substr(created_at, 1, 10), COUNT(*) FROM contacts GROUP BY 1, 2;
INSERT INTO analytics_totals_daily (workspace_id, day, spam)
SELECT workspace_id, substr(created_at, 1, 10), COUNT(*) FROM spam_log GROUP BY 1, 2
ON CONFLICT DO UPDATE SET spam = excluded.spam;
INSERT INTO analytics_totals_daily (workspace_id, day, won, revenue)
SELECT workspace_id, substr(COALESCE(closed_at, created_at), 1, 10), COUNT(*), SUM(amount)
FROM deals WHERE stage = 'won' GROUP BY 1, 2
ON CONFLICT DO UPDATE SET won = excluded.won, revenue = excluded.revenue;
INSERT INTO analytics_deals_daily (workspace_id, day, form_id, source, first_source, path,
  deals, won, revenue)
SELECT workspace_id, day, form_id, source, first_source, path, COUNT(*), SUM(stage = 'won'),
  SUM(CASE WHEN stage = 'won' THEN amount ELSE 0 END)
FROM (SELECT d.workspace_id, substr(d.created_at, 1, 10) AS day, d.stage, d.amount,
  COALESCE((SELECT form_id FROM submissions WHERE id = d.source_submission_id), '') AS form_id,
  COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = d.contact_id
            AND created_at <= d.created_at ORDER BY created_at DESC, id DESC LIMIT 1), '') AS source,
  COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = d.contact_id
            ORDER BY created_at, id LIMIT 1), '') AS first_source,
  COALESCE((SELECT group_concat(src, char(31)) FROM (SELECT src FROM (
     SELECT COALESCE(utm_source, '') AS src,
       LAG(COALESCE(utm_source, ''), 1, char(0)) OVER (ORDER BY created_at, id) AS prev
     FROM touchpoints WHERE contact_id = d.contact_id AND created_at <= d.created_at)
   WHERE src <> prev)), '') AS path
  FROM deals d)
GROUP BY workspace_id, day, form_id, source, first_source, path;
