-- The last poll error as a bundle key with arguments, so the sources page shows it in the reader's
-- language; last_error keeps the English text for REST and the log. Arguments are separated by U+001F.
ALTER TABLE cf_reg_source ADD COLUMN last_error_key VARCHAR(100);
ALTER TABLE cf_reg_source ADD COLUMN last_error_args VARCHAR(2000);
