-- Live activity (SPEC §11): the form and handler filters of /api/events,
-- /events/stream and /ws/events read these instead of scanning a workspace's log.
-- The handler index is partial: most events have no handler, so they cost nothing.
CREATE INDEX IF NOT EXISTS events_form ON events (form_id, seq);
CREATE INDEX IF NOT EXISTS events_handler ON events (handler_id, seq) WHERE handler_id IS NOT NULL;
