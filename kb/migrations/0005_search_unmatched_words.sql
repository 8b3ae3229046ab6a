-- Schema version 5: the words of a logged search that the catalogue did not know
-- (kb::SearchEngine::unmatchedWords, as typed, joined by a space). NULL when every word matched, and for
-- the entries logged before this version. The leads' gaps report counts them per word.
ALTER TABLE search_log ADD COLUMN unmatched_words TEXT;
