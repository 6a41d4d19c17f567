-- A result file that holds a whole run is split into phases by its load steps (PhaseSplit); boundaries set by hand
-- are kept here as epoch millis, comma-separated (NULL: the detected ones are shown).
ALTER TABLE del_stress_result ADD COLUMN phase_bounds VARCHAR(400);
