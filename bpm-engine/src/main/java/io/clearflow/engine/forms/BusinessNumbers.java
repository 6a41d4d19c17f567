package io.clearflow.engine.forms;

import org.flowable.engine.repository.ProcessDefinition;

/**
 * Gives a case started through the generic start page a business number people can read and quote
 * (e.g. {@code EXP-2026-000123}) instead of the engine's UUID. The governance catalog provides it.
 */
public interface BusinessNumbers {

    String next(ProcessDefinition definition);
}
