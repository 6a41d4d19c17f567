package io.clearflow.bots.runtime;

/**
 * What a bot cannot do on this node now because an optional capability is missing (e.g. OCR): the bot still runs,
 * and hands to people what needs the capability. The console names it; the REST API returns it.
 *
 * @param capability the missing capability ({@code ocr}); messages {@code rpa.limitation.<capability>[.<bot>]}
 * @param problem    why it is missing, a stable code; messages {@code rpa.<capability>.problem.<problem>}
 * @param argument   what the problem is about (a folder, a language model)
 * @param detail     the same in plain English, for logs and callers without a locale
 */
public record BotLimitation(String capability, String problem, String argument, String detail) { }
