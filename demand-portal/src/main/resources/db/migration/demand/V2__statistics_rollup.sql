-- Statistics pre-aggregation: one row per department x submission month x state (x closing month for
-- DONE demands), maintained by io.clearflow.demand.stats.DemandRollup in the same transaction as every
-- lifecycle change. The statistics page, API and CSV read these few hundred rows instead of every
-- demand. Sums are kept only on DONE rows (DONE is terminal, so they are added exactly once).
-- closed_month is '' (not NULL) for other states, so it can be part of the primary key.
CREATE TABLE cf_demand_rollup (
    department      VARCHAR(64)   NOT NULL,
    submitted_month VARCHAR(7)    NOT NULL,
    state           VARCHAR(24)   NOT NULL,
    closed_month    VARCHAR(7)    NOT NULL,
    demands         BIGINT        NOT NULL DEFAULT 0,
    estimated_days  DECIMAL(18, 1) NOT NULL DEFAULT 0,
    actual_days     DECIMAL(18, 1) NOT NULL DEFAULT 0,
    on_time         BIGINT        NOT NULL DEFAULT 0,
    with_date       BIGINT        NOT NULL DEFAULT 0,
    first_time      BIGINT        NOT NULL DEFAULT 0,
    lead_count      BIGINT        NOT NULL DEFAULT 0,
    lead_seconds    BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (department, submitted_month, state, closed_month)
);

INSERT INTO cf_demand_rollup (department, submitted_month, state, closed_month, demands, estimated_days,
        actual_days, on_time, with_date, first_time, lead_count, lead_seconds)
SELECT department, submitted_month, state, closed_month, COUNT(*),
       SUM(estimated_days), SUM(actual_days), SUM(on_time), SUM(with_date), SUM(first_time),
       SUM(lead_count), SUM(lead_seconds)
FROM (SELECT department, submitted_month, state,
             CASE WHEN state = 'DONE' THEN COALESCE(closed_month, '') ELSE '' END AS closed_month,
             CASE WHEN state = 'DONE' THEN COALESCE(estimate_days, 0) ELSE 0 END AS estimated_days,
             CASE WHEN state = 'DONE' THEN COALESCE(actual_days, 0) ELSE 0 END AS actual_days,
             CASE WHEN state = 'DONE' AND on_time THEN 1 ELSE 0 END AS on_time,
             CASE WHEN state = 'DONE' AND on_time IS NOT NULL THEN 1 ELSE 0 END AS with_date,
             CASE WHEN state = 'DONE' AND acceptance_rejections = 0 THEN 1 ELSE 0 END AS first_time,
             CASE WHEN state = 'DONE' AND lead_seconds IS NOT NULL THEN 1 ELSE 0 END AS lead_count,
             CASE WHEN state = 'DONE' THEN COALESCE(lead_seconds, 0) ELSE 0 END AS lead_seconds
      FROM cf_demand) d
GROUP BY department, submitted_month, state, closed_month;

-- p90 lead time is the one figure a sum cannot give: it is read from these indexes walking backwards
-- from the longest lead time, so it touches the top 10 % of the closed demands only (per department,
-- and over all departments).
CREATE INDEX ix_cf_demand_lead_department ON cf_demand (state, department, lead_seconds, submitted_month);
CREATE INDEX ix_cf_demand_lead ON cf_demand (state, lead_seconds, submitted_month);

-- Kanban columns of one department, newest first, without a sort.
DROP INDEX ix_cf_demand_department;
CREATE INDEX ix_cf_demand_department_state ON cf_demand (department, state, id);

