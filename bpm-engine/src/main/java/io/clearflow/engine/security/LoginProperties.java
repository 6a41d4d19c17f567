package io.clearflow.engine.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code clearflow.security.login.*}); see {@link LoginThrottle}.
 *
 * @param freeFailures     failures within the window that cost nothing
 * @param lockAfter        failures within the window that lock a user name
 * @param addressLockAfter failures within the window that lock a client address (any names)
 * @param window           how long a failure counts
 * @param lockDuration     how long a lock lasts
 */
@ConfigurationProperties("clearflow.security.login")
record LoginProperties(@DefaultValue("3") int freeFailures, @DefaultValue("10") int lockAfter,
                       @DefaultValue("100") int addressLockAfter, @DefaultValue("PT15M") Duration window,
                       @DefaultValue("PT15M") Duration lockDuration) {

    LoginThrottle.Limits limits() {
        return new LoginThrottle.Limits(freeFailures, lockAfter, addressLockAfter, window, lockDuration);
    }
}
