package io.clearflow.engine.reference.accountopening;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code ao_account}: at most one account per application (unique application id). */
@Repository("accountOpeningAccountRepository") // qualified: a plain "accountRepository" is too likely elsewhere
class AccountRepository {

    private final JdbcTemplate jdbc;

    AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the application already has its account. */
    void insert(String accountNo, long applicationId, String idNumber, String investorName, String openedBy, Instant at) {
        jdbc.update("INSERT INTO ao_account (account_no, application_id, id_number, investor_name, opened_by, opened_at)"
                + " VALUES (?,?,?,?,?,?)", accountNo, applicationId, idNumber, investorName, openedBy, Timestamp.from(at));
    }

    /** The first account opened for an ID number. */
    Optional<String> forIdNumber(String idNumber) {
        return jdbc.queryForList("SELECT account_no FROM ao_account WHERE id_number = ? ORDER BY id", String.class, idNumber)
                .stream().findFirst();
    }
}
