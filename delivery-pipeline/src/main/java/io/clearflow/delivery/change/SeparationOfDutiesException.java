package io.clearflow.delivery.change;

import org.springframework.security.access.AccessDeniedException;

/** A decision on a change by someone separation of duties excludes (403); the message is a bundle key. */
public class SeparationOfDutiesException extends AccessDeniedException {

    public SeparationOfDutiesException(String messageKey) {
        super(messageKey);
    }
}
