-- The technician's day: corrected times beside the events they correct, and
-- each visit's phase kept with it so "who is on site where" is one lookup.

-- A correction never rewrites an event: the event keeps the time it was
-- entered with, and its latest fix here is the time it really happened.
CREATE TABLE visit_event_fixes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    INTEGER NOT NULL REFERENCES visit_events(id),
    at          INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    by          TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX visit_event_fixes_event ON visit_event_fixes(event_id, id);

-- Derived from the events by the store whenever one is appended, in the same
-- transaction, so they can never disagree with them: the phase, and when the
-- last step was taken (so a visit finished today is still in today's list).
ALTER TABLE visits ADD COLUMN phase TEXT NOT NULL DEFAULT 'scheduled';
ALTER TABLE visits ADD COLUMN last_step_at INTEGER;
UPDATE visits SET phase = COALESCE((
    SELECT CASE e.kind
        WHEN 'travel_started' THEN 'travelling'
        WHEN 'arrived' THEN 'on site'
        WHEN 'resumed' THEN 'on site'
        WHEN 'paused' THEN 'paused'
        WHEN 'departed' THEN 'returning'
        WHEN 'travel_ended' THEN 'finished'
        WHEN 'shop_stopped' THEN 'finished'
        WHEN 'shop_started' THEN 'in shop'
    END
    FROM visit_events e
    WHERE e.visit_id = visits.id AND e.kind NOT IN ('scheduled', 'note')
    ORDER BY e.at DESC, e.id DESC LIMIT 1), 'scheduled');

UPDATE visits SET last_step_at = (SELECT MAX(e.at) FROM visit_events e
    WHERE e.visit_id = visits.id AND e.kind NOT IN ('scheduled', 'note'));

CREATE INDEX visits_tech_day ON visits(tech_id, scheduled_at);
CREATE INDEX visits_tech_steps ON visits(tech_id, last_step_at) WHERE last_step_at IS NOT NULL;
CREATE INDEX visits_tech_active ON visits(tech_id, phase) WHERE phase NOT IN ('scheduled', 'finished');
