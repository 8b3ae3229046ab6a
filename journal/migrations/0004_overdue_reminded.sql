-- The second reminder step of a forwarded case, persisted like the first (reminded_at): when the desk reminded
-- the agent that the case passed its deadline ("… ist überfällig"). Before this column the desk kept that step in
-- memory only, so after a restart a case reminded as due never got its overdue reminder. NULL: not shown yet.
-- Portable SQL (SQLite and PostgreSQL); on the shared server agents never write it (the desks remember server
-- cases in their queue files' marks), it only keeps both chains' version numbers the same.
ALTER TABLE journal_cases ADD COLUMN overdue_reminded_at BIGINT;
