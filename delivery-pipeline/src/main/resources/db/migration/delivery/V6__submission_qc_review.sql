-- QC's review of a submission that passed its exit criteria (the second gate's human half): who, when,
-- and the reason when QC sent it back to the tester.
ALTER TABLE del_test_submission ADD COLUMN qc_reviewer VARCHAR(64);
ALTER TABLE del_test_submission ADD COLUMN qc_reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE del_test_submission ADD COLUMN qc_comment VARCHAR(2000);
