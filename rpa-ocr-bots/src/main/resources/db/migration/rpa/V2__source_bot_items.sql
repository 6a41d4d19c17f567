-- Items of source bots (e.g. the reconciliation bot's statements) sit beside engine jobs in rpa_run_item:
-- job_id holds the item's id in its source (a content hash), item_name what a person knows it by (a file name).
ALTER TABLE rpa_run_item ADD COLUMN item_name VARCHAR(255);
