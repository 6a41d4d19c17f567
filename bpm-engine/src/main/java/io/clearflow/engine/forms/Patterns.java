package io.clearflow.engine.forms;

/** Field patterns the platform's forms share, in the syntax Java and JavaScript both read alike. */
public final class Patterns {

    /** A six-digit security code (证券代码). */
    public static final String SECURITY_CODE = "\\d{6}";
    /** A mainland mobile number (1 + 10 digits) or a landline with its area code. */
    public static final String PHONE = "1\\d{10}|0\\d{2,3}-?\\d{7,8}";

    private Patterns() {
    }
}
