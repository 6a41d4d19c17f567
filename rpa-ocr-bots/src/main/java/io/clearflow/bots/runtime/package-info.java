/**
 * The bot runtime: the {@link io.clearflow.bots.runtime.Bot} SPI, the external-worker client, runs,
 * schedules and the idempotency store. Public to the assembly that embeds the bots (deploy), which
 * supplies the embedded token through {@link io.clearflow.bots.runtime.BotTokenSource}.
 */
@org.springframework.modulith.NamedInterface("runtime")
package io.clearflow.bots.runtime;
