package io.clearflow.engine.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down, then locks, password guessing: per user name and per client address, failed sign-ins within
 * {@code window} are counted. The first {@code freeFailures} cost nothing; each further one makes the next attempt wait
 * twice as long (1 s, 2 s, 4 s ...); at {@code lockAfter} the name is locked for {@code lockDuration} (an address at
 * {@code addressLockAfter}, higher because many people may share one address behind a proxy). A waiting or locked
 * attempt is refused before the password is looked at, so guessing gains nothing and the database is spared. A correct
 * password clears the name's count. API tokens are never throttled: they are not guessable and are not checked here.
 *
 * <p>Counts live in memory, per node: an attacker spreading guesses over nodes gets at most nodes × the limit before
 * every node locks, which is still far below what guessing needs. Spring-free; the clock is given.
 */
class LoginThrottle {

    /** What happened to an attempt's count. */
    public enum Verdict { COUNTED, LOCKED }

    /** Settings; see {@code clearflow.security.login.*} in the README. */
    public record Limits(int freeFailures, int lockAfter, int addressLockAfter, Duration window, Duration lockDuration) {
    }

    private record Record(int failures, Instant lastFailure, Instant lockedUntil) { }

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Record> names = new ConcurrentHashMap<>();
    private final Map<String, Record> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the caller must wait before this attempt is even checked; empty when it may go ahead now. */
    public Optional<Duration> waitBefore(String name, String address) {
        Instant now = clock.instant();
        Optional<Duration> byName = name == null ? Optional.empty() : waitOf(names.get(key(name)), now, limits.lockAfter());
        Optional<Duration> byAddress = address == null ? Optional.empty()
                : waitOf(addresses.get(address), now, limits.addressLockAfter());
        return byName.isPresent() && byAddress.isPresent()
                ? Optional.of(byName.get().compareTo(byAddress.get()) > 0 ? byName.get() : byAddress.get())
                : byName.or(() -> byAddress);
    }

    /** A wrong password: counts it for the name and the address; says whether this one locked the name. */
    public Verdict failed(String name, String address) {
        Instant now = clock.instant();
        Verdict verdict = Verdict.COUNTED;
        if (name != null) {
            Record r = names.compute(key(name), (k, old) -> next(old, now, limits.lockAfter()));
            if (r.lockedUntil() != null && r.failures() == limits.lockAfter()) {
                verdict = Verdict.LOCKED;
            }
        }
        if (address != null) {
            addresses.compute(address, (k, old) -> next(old, now, limits.addressLockAfter()));
        }
        return verdict;
    }

    /** A correct password: the name starts afresh (the address keeps its count: it may be guessing other names). */
    public void succeeded(String name) {
        if (name != null) {
            names.remove(key(name));
        }
    }

    private Record next(Record old, Instant now, int lockAfter) {
        int failures = old == null || old.lastFailure().plus(limits.window()).isBefore(now)
                || (old.lockedUntil() != null && !old.lockedUntil().isAfter(now)) ? 1 : old.failures() + 1;
        Instant lockedUntil = failures >= lockAfter ? now.plus(limits.lockDuration()) : null;
        return new Record(failures, now, lockedUntil);
    }

    private Optional<Duration> waitOf(Record r, Instant now, int lockAfter) {
        if (r == null) {
            return Optional.empty();
        }
        if (r.lockedUntil() != null) {
            return r.lockedUntil().isAfter(now) ? Optional.of(Duration.between(now, r.lockedUntil())) : Optional.empty();
        }
        if (r.lastFailure().plus(limits.window()).isBefore(now) || r.failures() <= limits.freeFailures()) {
            return Optional.empty();
        }
        long seconds = 1L << Math.min(20, r.failures() - limits.freeFailures() - 1);
        Duration pause = Duration.ofSeconds(seconds).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : Duration.ofSeconds(seconds);
        Instant until = r.lastFailure().plus(pause);
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
