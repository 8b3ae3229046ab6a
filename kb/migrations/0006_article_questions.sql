-- Schema version 6: the example questions of an article (kb::Article::questions), how callers ask for
-- the service in their own words, one question each, as a JSON list like keywords. Searched, not shown.
-- The published history copies article columns, so it gets the column too; older rows read back empty.
ALTER TABLE articles ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';

ALTER TABLE article_versions ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';
