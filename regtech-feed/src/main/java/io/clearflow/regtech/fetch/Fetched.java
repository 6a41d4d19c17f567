package io.clearflow.regtech.fetch;

import java.net.URI;

/**
 * What one fetch brought back.
 *
 * @param notModified the server answered 304 to the conditional GET: nothing new, {@code body} is empty
 * @param finalUrl    where the document came from after redirects (the base for relative links)
 * @param etag        validator to send next time as {@code If-None-Match}
 * @param lastModified validator to send next time as {@code If-Modified-Since}
 */
public record Fetched(boolean notModified, byte[] body, String contentType, URI finalUrl, String etag, String lastModified) {

    public static Fetched notModified(URI url, String etag, String lastModified) {
        return new Fetched(true, new byte[0], null, url, etag, lastModified);
    }
}
