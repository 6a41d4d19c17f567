-- The deployment board asks, for every place (system, environment, target), for its last succeeded deployment:
-- with the state in the index that is the last entry of one index range, however many deployments a place has had.
CREATE INDEX ix_del_deployment_place_state ON del_deployment (system_code, environment, target, state, id);
