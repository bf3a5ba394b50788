-- PostgreSQL version of ../0040_analytics.sql: the same rollup tables, kept by
-- PL/pgSQL triggers that do what the SQLite triggers do. No backfill: on PostgreSQL
-- this runs while the tables are still empty (copy-db copies the rollups as they are).
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
  submissions BIGINT NOT NULL DEFAULT 0,
  matched BIGINT NOT NULL DEFAULT 0,
  new_contacts BIGINT NOT NULL DEFAULT 0,
  processed BIGINT NOT NULL DEFAULT 0,
  responded BIGINT NOT NULL DEFAULT 0,
  response_seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
  -- speed-to-lead buckets: <1 min, 1-5 min, 5-30 min, 30-60 min, 1-4 h, 4-24 h, >24 h
  speed_0 BIGINT NOT NULL DEFAULT 0,
  speed_1 BIGINT NOT NULL DEFAULT 0,
  speed_2 BIGINT NOT NULL DEFAULT 0,
  speed_3 BIGINT NOT NULL DEFAULT 0,
  speed_4 BIGINT NOT NULL DEFAULT 0,
  speed_5 BIGINT NOT NULL DEFAULT 0,
  speed_6 BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, day, form_id, source, first_source)
);
-- The triggers' touchpoint lookups (utm_source read from the index); an agent's
-- submissions in a range; views by workspace and day.
CREATE INDEX touchpoints_contact_source ON touchpoints (contact_id, created_at, utm_source);
CREATE INDEX submissions_assigned_created ON submissions (assigned_id, created_at);
-- Not covering views/starts: every beacon updates them, and an index holding them
-- would be rewritten on each one.
CREATE INDEX form_daily_stats_ws_day ON form_daily_stats (workspace_id, day);
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
  deals BIGINT NOT NULL DEFAULT 0,
  won BIGINT NOT NULL DEFAULT 0,
  revenue DOUBLE PRECISION NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, day, form_id, source, first_source, path)
);
-- Workspace totals per UTC day: contacts created, spam blocked, deals closed as won
-- (by close day) and their revenue.
CREATE TABLE analytics_totals_daily (
  workspace_id TEXT NOT NULL,
  day TEXT NOT NULL,
  contacts BIGINT NOT NULL DEFAULT 0,
  spam BIGINT NOT NULL DEFAULT 0,
  won BIGINT NOT NULL DEFAULT 0,
  revenue DOUBLE PRECISION NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, day)
);

-- Lookups the triggers share. The utm_source of a submission's meta (last touch).
CREATE FUNCTION analytics_utm_source(meta TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT COALESCE(CAST(meta AS jsonb) #>> '{utm,utm_source}', '')
$$;
-- The contact's first touchpoint's source (first touch).
CREATE FUNCTION analytics_first_source(contact TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = contact
                   ORDER BY created_at, id LIMIT 1), '')
$$;
-- The contact's latest touchpoint up to ``at`` (last touch of a deal).
CREATE FUNCTION analytics_last_source(contact TEXT, at TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = contact
                   AND created_at <= at ORDER BY created_at DESC, id DESC LIMIT 1), '')
$$;
-- The contact's sources up to ``at``, in order, repeats collapsed, joined by chr(31).
CREATE FUNCTION analytics_path(contact TEXT, at TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT string_agg(src, chr(31) ORDER BY created_at, id) FROM (
    SELECT COALESCE(utm_source, '') AS src, created_at, id,
      LAG(COALESCE(utm_source, '')) OVER (ORDER BY created_at, id) AS prev
    FROM touchpoints WHERE contact_id = contact AND created_at <= at) AS steps
    WHERE prev IS NULL OR src <> prev), '')
$$;
-- Seconds from arrival to processing (0 when not processed), computed as SQLite's
-- julianday() difference is (doubles of whole milliseconds), so both databases store
-- the same figure.
CREATE FUNCTION analytics_julianday(at TEXT) RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE AS $$
  SELECT CAST(ROUND(EXTRACT(EPOCH FROM CAST(at AS TIMESTAMPTZ)) * 1000) + 210866760000000
              AS DOUBLE PRECISION) / 86400000.0
$$;
CREATE FUNCTION analytics_seconds(created TEXT, processed TEXT) RETURNS DOUBLE PRECISION
LANGUAGE sql IMMUTABLE AS $$
  SELECT GREATEST(0, COALESCE((analytics_julianday(processed) - analytics_julianday(created))
                              * 86400.0, 0))
$$;

CREATE FUNCTION analytics_submission_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_daily (workspace_id, day, form_id, source, first_source, submissions,
    matched, new_contacts, processed)
  VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10), NEW.form_id,
    analytics_utm_source(NEW.meta), analytics_first_source(NEW.contact_id),
    1, (NEW.contact_id IS NOT NULL)::int, NEW.is_new_contact, (NEW.status = 'processed')::int)
  ON CONFLICT (workspace_id, day, form_id, source, first_source) DO UPDATE
  SET submissions = analytics_daily.submissions + 1,
    matched = analytics_daily.matched + excluded.matched,
    new_contacts = analytics_daily.new_contacts + excluded.new_contacts,
    processed = analytics_daily.processed + excluded.processed;
  RETURN NULL;
END $$;
CREATE TRIGGER analytics_submission_insert AFTER INSERT ON submissions
  FOR EACH ROW EXECUTE FUNCTION analytics_submission_insert();

-- Later changes land on the same row (same day, form and sources).
CREATE FUNCTION analytics_submission_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r INT := (OLD.processed_at IS NULL AND NEW.processed_at IS NOT NULL)::int;
  s DOUBLE PRECISION := analytics_seconds(NEW.created_at, NEW.processed_at);
BEGIN
  INSERT INTO analytics_daily (workspace_id, day, form_id, source, first_source, matched,
    processed, responded, response_seconds, speed_0, speed_1, speed_2, speed_3, speed_4,
    speed_5, speed_6)
  VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10), NEW.form_id,
    analytics_utm_source(NEW.meta), analytics_first_source(NEW.contact_id),
    (OLD.contact_id IS NULL AND NEW.contact_id IS NOT NULL)::int,
    (NEW.status = 'processed')::int - (OLD.status = 'processed')::int,
    r, r * s, r * (s < 60)::int, r * (s >= 60 AND s < 300)::int,
    r * (s >= 300 AND s < 1800)::int, r * (s >= 1800 AND s < 3600)::int,
    r * (s >= 3600 AND s < 14400)::int, r * (s >= 14400 AND s < 86400)::int,
    r * (s >= 86400)::int)
  ON CONFLICT (workspace_id, day, form_id, source, first_source) DO UPDATE
  SET matched = analytics_daily.matched + excluded.matched,
    processed = analytics_daily.processed + excluded.processed,
    responded = analytics_daily.responded + excluded.responded,
    response_seconds = analytics_daily.response_seconds + excluded.response_seconds,
    speed_0 = analytics_daily.speed_0 + excluded.speed_0,
    speed_1 = analytics_daily.speed_1 + excluded.speed_1,
    speed_2 = analytics_daily.speed_2 + excluded.speed_2,
    speed_3 = analytics_daily.speed_3 + excluded.speed_3,
    speed_4 = analytics_daily.speed_4 + excluded.speed_4,
    speed_5 = analytics_daily.speed_5 + excluded.speed_5,
    speed_6 = analytics_daily.speed_6 + excluded.speed_6;
  RETURN NULL;
END $$;
CREATE TRIGGER analytics_submission_update AFTER UPDATE OF status, processed_at, contact_id
ON submissions FOR EACH ROW
WHEN ((OLD.status = 'processed') <> (NEW.status = 'processed')
  OR (OLD.processed_at IS NULL AND NEW.processed_at IS NOT NULL)
  OR (OLD.contact_id IS NULL AND NEW.contact_id IS NOT NULL))
EXECUTE FUNCTION analytics_submission_update();

CREATE FUNCTION analytics_submission_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_daily SET submissions = submissions - 1,
    matched = matched - (OLD.contact_id IS NOT NULL)::int,
    new_contacts = new_contacts - OLD.is_new_contact,
    processed = processed - (OLD.status = 'processed')::int
  WHERE workspace_id = OLD.workspace_id AND day = substr(OLD.created_at, 1, 10)
    AND form_id = OLD.form_id AND source = analytics_utm_source(OLD.meta)
    AND first_source = analytics_first_source(OLD.contact_id);
  RETURN NULL;
END $$;
CREATE TRIGGER analytics_submission_delete AFTER DELETE ON submissions
  FOR EACH ROW EXECUTE FUNCTION analytics_submission_delete();

CREATE FUNCTION analytics_contact_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_totals_daily (workspace_id, day, contacts)
    VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10), 1)
    ON CONFLICT (workspace_id, day) DO UPDATE SET contacts = analytics_totals_daily.contacts + 1;
  ELSE
    UPDATE analytics_totals_daily SET contacts = contacts - 1
    WHERE workspace_id = OLD.workspace_id AND day = substr(OLD.created_at, 1, 10);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER analytics_contact_insert AFTER INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION analytics_contact_change();
CREATE TRIGGER analytics_contact_delete AFTER DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION analytics_contact_change();

CREATE FUNCTION analytics_spam_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_totals_daily (workspace_id, day, spam)
  VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10), 1)
  ON CONFLICT (workspace_id, day) DO UPDATE SET spam = analytics_totals_daily.spam + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER analytics_spam_insert AFTER INSERT ON spam_log
  FOR EACH ROW EXECUTE FUNCTION analytics_spam_insert();

-- A won deal counts on its close day (or creation day) in the totals.
CREATE FUNCTION analytics_deal_won(ws TEXT, day TEXT, amount DOUBLE PRECISION, sign INT)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_totals_daily (workspace_id, day, won, revenue)
  VALUES (ws, day, sign, sign * amount)
  ON CONFLICT (workspace_id, day) DO UPDATE SET won = analytics_totals_daily.won + excluded.won,
    revenue = analytics_totals_daily.revenue + excluded.revenue
$$;

CREATE FUNCTION analytics_deal_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_deals_daily (workspace_id, day, form_id, source, first_source, path,
    deals, won, revenue)
  VALUES (NEW.workspace_id, substr(NEW.created_at, 1, 10),
    COALESCE((SELECT form_id FROM submissions WHERE id = NEW.source_submission_id), ''),
    analytics_last_source(NEW.contact_id, NEW.created_at), analytics_first_source(NEW.contact_id),
    analytics_path(NEW.contact_id, NEW.created_at),
    1, (NEW.stage = 'won')::int, CASE WHEN NEW.stage = 'won' THEN NEW.amount ELSE 0 END)
  ON CONFLICT (workspace_id, day, form_id, source, first_source, path) DO UPDATE
  SET deals = analytics_deals_daily.deals + 1, won = analytics_deals_daily.won + excluded.won,
    revenue = analytics_deals_daily.revenue + excluded.revenue;
  IF NEW.stage = 'won' THEN
    PERFORM analytics_deal_won(NEW.workspace_id,
      substr(COALESCE(NEW.closed_at, NEW.created_at), 1, 10), NEW.amount, 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER analytics_deal_insert AFTER INSERT ON deals
  FOR EACH ROW EXECUTE FUNCTION analytics_deal_insert();

-- A change of stage, amount or close day: take the old won state away, add the new one.
CREATE FUNCTION analytics_deal_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_deals_daily
  SET won = won + (NEW.stage = 'won')::int - (OLD.stage = 'won')::int,
    revenue = revenue + CASE WHEN NEW.stage = 'won' THEN NEW.amount ELSE 0 END
      - CASE WHEN OLD.stage = 'won' THEN OLD.amount ELSE 0 END
  WHERE workspace_id = NEW.workspace_id AND day = substr(NEW.created_at, 1, 10)
    AND form_id = COALESCE((SELECT form_id FROM submissions WHERE id = NEW.source_submission_id), '')
    AND source = analytics_last_source(NEW.contact_id, NEW.created_at)
    AND first_source = analytics_first_source(NEW.contact_id)
    AND path = analytics_path(NEW.contact_id, NEW.created_at);
  IF OLD.stage = 'won' THEN
    PERFORM analytics_deal_won(OLD.workspace_id,
      substr(COALESCE(OLD.closed_at, OLD.created_at), 1, 10), OLD.amount, -1);
  END IF;
  IF NEW.stage = 'won' THEN
    PERFORM analytics_deal_won(NEW.workspace_id,
      substr(COALESCE(NEW.closed_at, NEW.created_at), 1, 10), NEW.amount, 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER analytics_deal_update AFTER UPDATE OF stage, amount, closed_at ON deals
FOR EACH ROW
WHEN ((OLD.stage = 'won' OR NEW.stage = 'won')
  AND (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.amount IS DISTINCT FROM NEW.amount
       OR OLD.closed_at IS DISTINCT FROM NEW.closed_at))
EXECUTE FUNCTION analytics_deal_update();
