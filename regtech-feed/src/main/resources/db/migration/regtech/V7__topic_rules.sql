-- Topic rules edited by an administrator: they replace the configured keywords and departments of
-- a known topic (topics themselves come from configuration, because each needs a label in the bundles).
CREATE TABLE cf_reg_topic_rule (
    topic                 VARCHAR(40)   NOT NULL PRIMARY KEY,
    keywords              VARCHAR(8000) NOT NULL,
    departments           VARCHAR(1000) NOT NULL,
    updated_by            VARCHAR(64)   NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
