-- Tracker search: the lower-cased title and summary in one column, written with the item, so a search
-- word is one LIKE on one column instead of lower() of two columns on every row.
ALTER TABLE cf_reg_item ADD COLUMN search_text VARCHAR(5100);
UPDATE cf_reg_item SET search_text = LOWER(title || ' ' || COALESCE(summary, ''));
