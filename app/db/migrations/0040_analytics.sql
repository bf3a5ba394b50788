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

-- Won deals and revenue by close date; deals' touchpoint lookups; field stats per form;
-- an agent's submissions in a range; views by workspace and day.
CREATE INDEX deals_ws_stage_closed ON deals (workspace_id, stage, closed_at, amount);
CREATE INDEX touchpoints_contact_source ON touchpoints (contact_id, created_at, utm_source);
CREATE INDEX submissions_assigned_created ON submissions (assigned_id, created_at);
CREATE INDEX form_daily_stats_ws_day ON form_daily_stats (workspace_id, day, form_id, views, starts);

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
          MAX(0, (julianday(NEW.processed_at) - julianday(NEW.created_at)) * 86400.0) AS s)
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
