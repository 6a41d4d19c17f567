package io.clearflow.regtech.subscribe;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.regtech.RegtechProperties;
import io.clearflow.regtech.item.TopicDictionary;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who subscribes to what. Everyone manages their own subscriptions. A department's subscriptions
 * (delivered to every member of the department) are managed by administrators for any department and
 * by the department's process owners and IT managers for their own: the platform has no "head of
 * department" role, and these are the roles that answer for a department's processes and systems.
 */
@Service
public class SubscriptionService {

    public static final List<String> KINDS = List.of("topic", "jurisdiction", "organisation");
    /** Jurisdiction and organisation codes as sources and the seed use them (CN, EU, SZSE, 上海市网信办). */
    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/&-]{0,63}");
    static final int MAX_PER_SUBSCRIBER = 100;

    /** A subscription to add: for {@code me} or for a {@code department}. */
    public record NewSubscription(@NotBlank @Size(max = 16) String scope, @Size(max = 64) String department,
                                  @NotBlank @Size(max = 16) String kind, @NotBlank @Size(max = 64) String term) { }

    private final SubscriptionRepository repository;
    private final OrgDirectory directory;
    private final Set<String> topics;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository repository, OrgDirectory directory, RegtechProperties properties, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        Set<String> known = new LinkedHashSet<>(TopicDictionary.TOPIC_ORDER);
        known.addAll(properties.topics().keySet());
        this.topics = Set.copyOf(known);
        this.clock = clock;
    }

    /** Whether the member may manage the subscriptions of this department. */
    public static boolean mayManageDepartment(Member member, String department) {
        if (member.hasRole(PlatformRole.ADMIN)) {
            return true;
        }
        return department != null && department.equals(member.department())
                && (member.hasRole(PlatformRole.PROCESS_OWNER) || member.hasRole(PlatformRole.IT_MANAGER));
    }

    /** Departments whose subscriptions the member may manage (all for administrators). */
    public List<String> manageableDepartments(Member member) {
        if (member.hasRole(PlatformRole.ADMIN)) {
            return directory.units(OrgUnit.Type.DEPARTMENT).stream().map(OrgUnit::id).toList();
        }
        return mayManageDepartment(member, member.department()) ? List.of(member.department()) : List.of();
    }

    @Transactional(readOnly = true)
    public List<Subscription> mine(Member member) {
        return repository.of(member.userId(), member.department());
    }

    /** Subscriptions of a department (for the people who manage them). */
    @Transactional(readOnly = true)
    public List<Subscription> ofDepartment(Member member, String department) {
        if (!mayManageDepartment(member, department)) {
            throw new AccessDeniedException("regtech.denied.subscriptions");
        }
        return repository.ofSubscriber(Subscription.DEPARTMENT, department);
    }

    @Transactional
    public Subscription add(Member member, NewSubscription in) {
        if (in == null) {
            throw new InvalidRequestException("regtech.error.subscription", Map.of("kind", "regtech.error.subscriptionKind"));
        }
        String type;
        String subscriber;
        if ("me".equals(in.scope())) {
            type = Subscription.USER;
            subscriber = member.userId();
        } else if ("department".equals(in.scope())) {
            String department = in.department() == null || in.department().isBlank() ? member.department() : in.department().strip();
            boolean known = department != null && directory.unit(department).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isPresent();
            if (!known) {
                throw new InvalidRequestException("regtech.error.subscription", Map.of("department", "regtech.error.subscriptionDepartment"));
            }
            if (!mayManageDepartment(member, department)) {
                throw new AccessDeniedException("regtech.denied.subscriptions");
            }
            type = Subscription.DEPARTMENT;
            subscriber = department;
        } else {
            throw new InvalidRequestException("regtech.error.subscription", Map.of("scope", "regtech.error.subscriptionScope"));
        }
        String kind = in.kind() == null ? "" : in.kind().strip();
        String term = in.term() == null ? "" : in.term().strip();
        if (!KINDS.contains(kind)) {
            throw new InvalidRequestException("regtech.error.subscription", Map.of("kind", "regtech.error.subscriptionKind"));
        }
        boolean termOk = kind.equals("topic") ? topics.contains(term) : TERM.matcher(term).matches();
        if (!termOk) {
            throw new InvalidRequestException("regtech.error.subscription", Map.of("term",
                    kind.equals("topic") ? "regtech.error.subscriptionTopic" : "regtech.error.subscriptionTerm"));
        }
        if (kind.equals("jurisdiction")) {
            term = term.toUpperCase(java.util.Locale.ROOT);
        }
        List<Subscription> existing = repository.ofSubscriber(type, subscriber);
        if (existing.size() >= MAX_PER_SUBSCRIBER) {
            throw new InvalidRequestException("regtech.error.subscription", Map.of("term", "regtech.error.subscriptionLimit"));
        }
        repository.insert(type, subscriber, kind, term, member.userId(), clock.instant());
        String stored = term;
        return repository.ofSubscriber(type, subscriber).stream().filter(s -> s.kind().equals(kind) && s.term().equals(stored))
                .findFirst().orElseThrow();
    }

    @Transactional
    public void remove(Member member, long id) {
        Subscription s = repository.find(id).orElseThrow(() -> new NotFoundException("subscription", String.valueOf(id)));
        boolean allowed = s.subscriberType().equals(Subscription.USER) ? s.subscriber().equals(member.userId())
                : mayManageDepartment(member, s.subscriber());
        if (!allowed) {
            // another user's subscription is none of the caller's business: answer as if it did not exist
            if (s.subscriberType().equals(Subscription.USER)) {
                throw new NotFoundException("subscription", String.valueOf(id));
            }
            throw new AccessDeniedException("regtech.denied.subscriptions");
        }
        repository.delete(id);
    }

    public Set<String> topics() {
        return topics;
    }
}
