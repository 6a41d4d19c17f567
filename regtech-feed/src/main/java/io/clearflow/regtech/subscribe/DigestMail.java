package io.clearflow.regtech.subscribe;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The digest as an e-mail body: one self-contained HTML document with inline styles only (mail
 * clients drop style sheets and scripts), absolute links left to the reader's platform address.
 */
@Component
class DigestMail {

    private final ITemplateEngine templates;

    DigestMail(ITemplateEngine templates) {
        this.templates = templates;
    }

    String render(DigestService.Digest digest) {
        Context context = new Context(LocaleContextHolder.getLocale());
        context.setVariable("digest", digest);
        context.setVariable("base", base());
        return templates.process("regtech/digest-mail", context);
    }

    /** The platform's address as the reader reached it, so the mail's links work outside the browser session. */
    static String base() {
        return RequestContextHolder.getRequestAttributes() == null ? ""
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
