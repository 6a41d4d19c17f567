package io.clearflow.engine.governance.catalog;

import java.util.List;

/** A scenario with everything its page shows, as REST answers it. */
public record ScenarioDetail(Scenario scenario, String stage, Classifier.Recommendation recommendation, Design design,
                             List<Design> offeredDrafts, List<StoredForm> forms, List<Version> versions,
                             long runningOnOlderVersions, List<Improvement> improvements) { }
