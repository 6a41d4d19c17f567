package io.clearflow.regtech.fetch;

import java.net.URI;

/** Fetches a source's document. The default is {@link HttpFeedFetcher}; tests and tools may bring another. */
public interface FeedFetcher {

    /**
     * Fetches {@code url}, conditionally when validators of the previous fetch are given.
     *
     * @param etag         previous {@code ETag}, or null
     * @param lastModified previous {@code Last-Modified}, or null
     */
    Fetched fetch(URI url, String etag, String lastModified) throws FetchException;
}
