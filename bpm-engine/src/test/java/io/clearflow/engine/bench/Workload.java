package io.clearflow.engine.bench;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One way of running the reference process to its end, on its own database. */
interface Workload extends AutoCloseable {

    /** Starts instance number {@code n} and completes it: submit, department review, compliance review. */
    void runInstance(int n);

    @Override
    void close();

    /**
     * Fails unless the data source really is connected to {@code url}: a benchmark that silently ran
     * on a default database would still print figures.
     */
    static void requireConnectedTo(DataSource dataSource, String url) {
        try (Connection connection = dataSource.getConnection()) {
            String actual = withoutOptions(connection.getMetaData().getURL());
            if (!actual.equals(withoutOptions(url))) {
                throw new IllegalStateException("expected to run on " + url + " but runs on " + actual);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }

    private static String withoutOptions(String url) {
        return url.split("[;?]", 2)[0];
    }
}
