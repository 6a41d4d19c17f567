/** Runtime work: WorkService (inbox, claim, complete, start, cases) for modules that run processes. */
@org.springframework.modulith.NamedInterface("work")
package io.clearflow.engine.work;
