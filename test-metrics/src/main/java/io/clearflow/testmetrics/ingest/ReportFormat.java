package io.clearflow.testmetrics.ingest;

/** The report formats, as the API names them. */
public enum ReportFormat {
    JUNIT("junit"), JACOCO("jacoco"), COBERTURA("cobertura"), SARIF("sarif");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
