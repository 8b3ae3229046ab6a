-- Schema version 4: a search log entry may carry the UUID the desk gave it (client_id). A shared-mode desk
-- queues its searches and the article opened afterwards (docs/shared-store.md, "Offline queue"): the opened
-- article finds its entry on the server by that id, whenever the queue delivers it. Entries logged
-- directly (single desk) have none.
ALTER TABLE search_log ADD COLUMN client_id TEXT;

CREATE UNIQUE INDEX search_log_by_client_id ON search_log (client_id);
