-- A decision may open a governance scenario (source "regulation") in bpm-engine's catalog; the
-- assessment keeps the scenario's id so the item shows it.
ALTER TABLE cf_reg_assessment ADD COLUMN scenario_id VARCHAR(64);
