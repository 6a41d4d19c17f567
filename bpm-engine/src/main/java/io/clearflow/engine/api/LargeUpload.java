package io.clearflow.engine.api;

import org.springframework.util.unit.DataSize;

/**
 * An upload endpoint that takes more than the platform's default upload size
 * ({@code spring.servlet.multipart.max-request-size}), such as delivery's artifacts. Modules declare one bean per
 * endpoint; every other multipart request keeps the default, so raising one module's limit never lets a 2 GB file
 * reach a handler that reads its upload into memory.
 *
 * @param pathPattern the request path, as a Spring MVC path pattern, e.g. {@code /api/delivery/versions/{id}/artifacts}
 * @param maxSize     the largest whole request this endpoint accepts
 */
public record LargeUpload(String pathPattern, DataSize maxSize) {
}
