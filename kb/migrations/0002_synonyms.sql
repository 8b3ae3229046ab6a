-- Schema version 2: the editable synonym table and a revision counter that grows with every
-- committed change (the desk rebuilds its search index when it moved).

CREATE TABLE synonyms (
    term TEXT NOT NULL PRIMARY KEY,
    expansions TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE meta (
    key TEXT NOT NULL PRIMARY KEY,
    int_value INTEGER NOT NULL DEFAULT 0
);

INSERT INTO meta (key, int_value) VALUES ('revision', 0);
