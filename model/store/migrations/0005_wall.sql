-- rebuilds tables: users, to admit the viewer role (a wall display's account).

CREATE TABLE users_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'dispatcher', 'tech', 'viewer')),
    created_at INTEGER NOT NULL,
    removed_at INTEGER
);
INSERT INTO users_new (id, name, role, created_at, removed_at)
    SELECT id, name, role, created_at, removed_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- The wall adds up this week's hours: every visit stepped on since Monday,
-- whoever's it is.
CREATE INDEX visits_steps ON visits(last_step_at) WHERE last_step_at IS NOT NULL;
