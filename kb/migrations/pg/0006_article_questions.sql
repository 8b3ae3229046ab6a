-- PostgreSQL schema version 6, as kb/migrations/0006_article_questions.sql: the example questions of an
-- article (a JSON list of strings, like keywords) on the articles and on the published history.
ALTER TABLE articles ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';

ALTER TABLE article_versions ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';
