-- The forms of a published version, copied from gov_form when it is published: running cases keep
-- the forms they were started with while the owner edits the next design's forms.
CREATE TABLE gov_version_form (
    version_id    BIGINT        NOT NULL REFERENCES gov_version (id),
    activity_id   VARCHAR(255)  NOT NULL,
    definition    VARCHAR(20000) NOT NULL,
    PRIMARY KEY (version_id, activity_id)
);

-- task and start pages find a version by the process definition their case runs on
CREATE INDEX ix_gov_version_definition ON gov_version (process_definition_id);
