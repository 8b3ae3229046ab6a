-- PostgreSQL schema version 1: the catalogue, as kb/migrations/0001_catalogue.sql for SQLite.
-- A parallel chain with the same numbers (see docs/shared-store.md): PostgreSQL gets real DATE,
-- TIMESTAMPTZ, DOUBLE PRECISION and BOOLEAN columns (SQLite's REAL is a double, PostgreSQL's a
-- float4), and every row carries the store revision of its last change, so a desk's replica asks
-- for "changed since revision N" with an index scan.
-- One statement per paragraph: the loader splits on ";" followed by a blank line.

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
    valid_from DATE,
    valid_to DATE,
    last_reviewed DATE,
    review_by DATE,
    updated_at TIMESTAMPTZ NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    source TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    revision BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX articles_by_revision ON articles (revision);

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
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    keywords TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    content_hash TEXT NOT NULL DEFAULT '',
    revision BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX offices_by_revision ON offices (revision);

CREATE TABLE article_offices (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    office_id TEXT NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    bookable BOOLEAN NOT NULL DEFAULT FALSE,
    appointment_url TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, office_id)
);

CREATE INDEX article_offices_by_office ON article_offices (office_id);
