package io.clearflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Concurrent uploads per client: two uploads of one user run (held open here), the third gets 429 with
 * {@code Retry-After} and a problem detail at once; another user and non-upload requests of the same user are not
 * affected; once an upload ends the user may start another. No Spring context: the filter with a chain that waits.
 */
class UploadConcurrencyFilterTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final UploadConcurrencyFilter filter = new UploadConcurrencyFilter(new UploadLimitProperties(2, Duration.ofSeconds(3)),
            new ObjectMapper(), meters);
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    static MockHttpServletRequest upload() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/mining/logs");
        request.setContentType("multipart/form-data; boundary=x");
        return request;
    }

    /** Sends a request as {@code user}; the chain waits for {@code release} (counting {@code entered}) if given. */
    Future<MockHttpServletResponse> send(String user, MockHttpServletRequest request, CountDownLatch entered,
                                         CountDownLatch release) {
        return threads.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                    null, AuthorityUtils.NO_AUTHORITIES));
            try {
                MockHttpServletResponse response = new MockHttpServletResponse();
                filter.doFilter(request, response, (req, res) -> {
                    if (entered != null) {
                        entered.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                return response;
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    @Test
    void theThirdConcurrentUploadOfAUserIs429AndOthersGoOn() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Future<MockHttpServletResponse> first = send("sunqi", upload(), entered, release);
        Future<MockHttpServletResponse> second = send("sunqi", upload(), entered, release);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(filter.running("user:sunqi")).isEqualTo(2);

        MockHttpServletResponse third = send("sunqi", upload(), null, null).get(5, TimeUnit.SECONDS);
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("3");
        assertThat(third.getContentType()).isEqualTo("application/problem+json");
        assertThat(third.getContentAsString()).contains("urn:clearflow:uploads-limited");
        assertThat(meters.counter("clearflow.uploads.throttled").count()).isEqualTo(1);

        assertThat(send("lisi", upload(), null, null).get(5, TimeUnit.SECONDS).getStatus()).as("another user").isEqualTo(200);
        MockHttpServletRequest json = new MockHttpServletRequest("POST", "/api/approvals");
        json.setContentType("application/json");
        assertThat(send("sunqi", json, null, null).get(5, TimeUnit.SECONDS).getStatus()).as("not an upload").isEqualTo(200);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(filter.running("user:sunqi")).as("released, also after the refusal").isZero();
        assertThat(send("sunqi", upload(), null, null).get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aFailingUploadReleasesItsPlace() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("sunqi",
                null, AuthorityUtils.NO_AUTHORITIES));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.doFilter(upload(), response, (req, res) -> {
                throw new IllegalStateException("parser failed");
            })).hasMessage("parser failed");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(filter.running("user:sunqi")).isZero();
    }
}
