-- Schema version 1: the service catalogue (articles), the offices and which office handles what.
-- One statement per paragraph: the loader splits on ";" followed by a blank line.
-- Lists (documents, keywords, links) are JSON text. content_hash lets an import tell "unchanged"
-- from "changed" without comparing every column. Portable SQL: the same file runs on PostgreSQL.

CREATE TABLE articles (
    id TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    leika_key TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    description_html TEXT NOT NULL DEFAULT '',
    documents TEXT NOT NULL DEFAULT '[]',
    fees_html TEXT NOT NULL DEFAULT '',
    processing_time TEXT NOT NULL DEFAULT '',
    legal_basis TEXT NOT NULL DEFAULT '',
    online_service_url TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '[]',
    category TEXT NOT NULL DEFAULT '',
    links TEXT NOT NULL DEFAULT '[]',
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    valid_from TEXT,
    valid_to TEXT,
    last_reviewed TEXT,
    review_by TEXT,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    source TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT ''
);

CREATE TABLE offices (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    organization TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    fax TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    web TEXT NOT NULL DEFAULT '',
    opening_hours TEXT NOT NULL DEFAULT '',
    latitude REAL,
    longitude REAL,
    keywords TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    content_hash TEXT NOT NULL DEFAULT ''
);

CREATE TABLE article_offices (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    office_id TEXT NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    bookable INTEGER NOT NULL DEFAULT 0,
    appointment_url TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, office_id)
);

CREATE INDEX article_offices_by_office ON article_offices (office_id);
