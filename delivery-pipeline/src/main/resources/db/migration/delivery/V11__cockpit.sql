-- The IT cockpit's pre-aggregation (io.clearflow.delivery.cockpit.CockpitRefresher), rebuilt from the delivery
-- records, demand-portal's and test-metrics' APIs after delivery activity and on a schedule. The cockpit reads
-- these few thousand rows instead of joining versions, submissions, changes, approvals and 50,000 deployments
-- (and 50,000 demands) on every request.

-- One row per version: the dev–test–QC–ops hand-offs (each the first time it happened), production deployment
-- counts and defects. department = the department of the project delivering the version, else the owner
-- department of its system.
CREATE TABLE del_cockpit_flow (
    version_id          BIGINT        PRIMARY KEY,
    system_code         VARCHAR(32)   NOT NULL,
    department          VARCHAR(64)   NOT NULL,
    label               VARCHAR(120)  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    has_artifact        BOOLEAN       NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE,
    accepted_at         TIMESTAMP WITH TIME ZONE,
    verdict_at          TIMESTAMP WITH TIME ZONE,
    passed              BOOLEAN       NOT NULL,
    qc_reviewed_at      TIMESTAMP WITH TIME ZONE,
    change_approved_at  TIMESTAMP WITH TIME ZONE,
    deployed_at         TIMESTAMP WITH TIME ZONE,
    has_change          BOOLEAN       NOT NULL,
    prod_deployments    INTEGER       NOT NULL,
    prod_failed         INTEGER       NOT NULL,
    defects             INTEGER       NOT NULL,
    escaped_defects     INTEGER       NOT NULL
);
CREATE INDEX ix_del_cockpit_flow_department ON del_cockpit_flow (department, created_at);
CREATE INDEX ix_del_cockpit_flow_system ON del_cockpit_flow (system_code, created_at);

-- One row per decided demand of demand-portal (accepted = DONE, else REJECTED): the historical success rate and,
-- for accepted ones, the demand–evaluation–execution–delivery links. delivered = in a version with a succeeded
-- production deployment; system = that version's system (the first).
CREATE TABLE del_cockpit_demand (
    demand_id     BIGINT        PRIMARY KEY,
    title         VARCHAR(200)  NOT NULL,
    department    VARCHAR(64)   NOT NULL,
    closed_on     DATE,
    accepted      BOOLEAN       NOT NULL,
    estimate_days DECIMAL(10, 1),
    evaluated     BOOLEAN       NOT NULL,
    split         BOOLEAN       NOT NULL,
    delivered     BOOLEAN       NOT NULL,
    system_code   VARCHAR(32)
);
CREATE INDEX ix_del_cockpit_demand_department ON del_cockpit_demand (department, closed_on);
-- the cockpit lists the latest incomplete demands first: walked backwards, stopping after the first 20
CREATE INDEX ix_del_cockpit_demand_closed ON del_cockpit_demand (closed_on, demand_id);

-- When the pre-aggregation was last rebuilt (one row), shown on the cockpit as "as of".
CREATE TABLE del_cockpit_refresh (
    id            INTEGER       PRIMARY KEY,
    refreshed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    took_ms       BIGINT        NOT NULL
);
