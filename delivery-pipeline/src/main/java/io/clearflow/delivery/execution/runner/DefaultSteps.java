package io.clearflow.delivery.execution.runner;

/** The steps an environment of the embedded runner gets when it configures none (see the package Javadoc). */
public final class DefaultSteps {

    /** Copy the artifact into the target folder under its name, then check the copy's SHA-256. */
    public static final String TEXT = """
            @copy {artifact} {target}/{name}
            @sha256 {target}/{name} {sha256}
            """;

    private DefaultSteps() {
    }
}
