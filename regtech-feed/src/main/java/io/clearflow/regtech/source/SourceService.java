package io.clearflow.regtech.source;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of sources: only administrators add, edit, enable and disable them. */
@Service
public class SourceService {

    private final SourceRepository sources;
    private final Validator validator;
    private final Clock clock;

    public SourceService(SourceRepository sources, Validator validator, Clock clock) {
        this.sources = sources;
        this.validator = validator;
        this.clock = clock;
    }

    public static void checkAdmin(Member member) {
        if (!member.hasRole(PlatformRole.ADMIN)) {
            throw new AccessDeniedException("regtech.denied.sources");
        }
    }

    /** Administrators and compliance may poll a source now; administrators manage them. */
    public static void checkOperator(Member member) {
        if (!member.hasRole(PlatformRole.ADMIN) && !member.hasRole(PlatformRole.COMPLIANCE)) {
            throw new AccessDeniedException("regtech.denied.poll");
        }
    }

    @Transactional(readOnly = true)
    public List<Source> list() {
        return sources.all();
    }

    @Transactional(readOnly = true)
    public Source get(long id) {
        return sources.find(id).orElseThrow(() -> new NotFoundException("source", String.valueOf(id)));
    }

    @Transactional
    public long create(Member member, SourceInput input) {
        checkAdmin(member);
        return sources.insert(input.checked(validator), clock.instant());
    }

    @Transactional
    public Source update(Member member, long id, SourceInput input) {
        checkAdmin(member);
        get(id);
        sources.update(id, input.checked(validator));
        return get(id);
    }

    @Transactional
    public Source setEnabled(Member member, long id, boolean enabled) {
        checkAdmin(member);
        get(id);
        sources.setEnabled(id, enabled);
        return get(id);
    }
}
