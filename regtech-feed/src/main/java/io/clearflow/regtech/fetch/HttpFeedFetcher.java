package io.clearflow.regtech.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches over HTTP(S) with the JDK client: a connect timeout and a deadline for the whole response,
 * a size limit enforced while reading (not trusted from Content-Length), redirects followed by hand
 * so that the {@link AddressGuard} checks every target, an optional proxy, and conditional GET.
 */
public class HttpFeedFetcher implements FeedFetcher {

    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration timeout;
    private final long maxBytes;
    private final int maxRedirects;
    private final String userAgent;

    public HttpFeedFetcher(AddressGuard guard, Duration connectTimeout, Duration timeout, long maxBytes, int maxRedirects,
                           String proxy, String userAgent) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (proxy != null) {
            int colon = proxy.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("clearflow.regtech.proxy must be host:port, not " + proxy);
            }
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.substring(0, colon), Integer.parseInt(proxy.substring(colon + 1)))));
        } else {
            builder.proxy(HttpClient.Builder.NO_PROXY);
        }
        this.client = builder.build();
        this.guard = guard;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        this.userAgent = userAgent;
    }

    @Override
    public Fetched fetch(URI url, String etag, String lastModified) throws FetchException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            guard.check(current);
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET().timeout(timeout)
                    .header("User-Agent", userAgent)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html, application/json;q=0.9, */*;q=0.5");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<byte[]> response = send(request.build());
            int status = response.statusCode();
            if (status == 304) {
                return Fetched.notModified(current, etag, lastModified);
            }
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw FetchException.keyed("regtech.poll.error.redirectNoLocation", "HTTP " + status + " without a Location header", status);
                }
                if (hop >= maxRedirects) {
                    throw FetchException.keyed("regtech.poll.error.redirects", "more than " + maxRedirects + " redirects", maxRedirects);
                }
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw FetchException.keyed("regtech.poll.error.redirectInvalid", "HTTP " + status + " to an invalid Location: " + location, status, location);
                }
                continue;
            }
            if (status != 200) {
                throw FetchException.keyed("regtech.poll.error.httpStatus", "HTTP " + status + " from " + current, status, current.toString());
            }
            return new Fetched(false, response.body(), response.headers().firstValue("Content-Type").orElse(null), current,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws FetchException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                return new Limited(maxBytes, true);
            }
            return new Limited(maxBytes, false);
        });
        try {
            // the request timeout covers the headers only; the deadline covers the body as well
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw FetchException.keyed("regtech.poll.error.timeout", "timed out after " + timeout.toSeconds() + " s", timeout.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchException.keyed("regtech.poll.error.interrupted", "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw FetchException.keyed("regtech.poll.error.tooLarge", "the document is larger than " + maxBytes + " bytes", maxBytes);
            }
            if (cause instanceof HttpTimeoutException) {
                throw FetchException.keyed("regtech.poll.error.timeout", "timed out after " + timeout.toSeconds() + " s", timeout.toSeconds());
            }
            if (cause instanceof java.net.ConnectException) {
                throw FetchException.keyed("regtech.poll.error.unreachable", "connection refused or unreachable: " + request.uri().getHost(), request.uri().getHost());
            }
            if (cause instanceof IOException io) {
                String detail = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
                throw FetchException.keyed("regtech.poll.error.io", "I/O error: " + detail, detail);
            }
            throw new FetchException("fetch failed: " + cause, cause);
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** Collects the body, failing as soon as it passes the limit. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final boolean refuseNow;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> buffers = new ArrayList<>();
        private long size;
        private Flow.Subscription subscription;

        Limited(long max, boolean refuseNow) {
            this.max = max;
            this.refuseNow = refuseNow;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refuseNow) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                size += b.remaining();
                buffers.add(b);
            }
            if (size > max) {
                subscription.cancel();
                buffers.clear();
                result.completeExceptionally(new TooLarge());
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            byte[] all = new byte[(int) size];
            int at = 0;
            for (ByteBuffer b : buffers) {
                int n = b.remaining();
                b.get(all, at, n);
                at += n;
            }
            result.complete(all);
        }
    }
}
