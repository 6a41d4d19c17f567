package io.clearflow.engine.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Labels come from one bundle per module ({@code i18n/<module>.properties}, Chinese, with
 * {@code _en} beside it), found on the classpath at start. Each module owns its own labels, so a
 * module added to the platform brings its bundle without anyone editing the engine's.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMessageSource {

    static final String BUNDLES = "classpath*:i18n/*.properties";

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(moduleBundles());
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** The base names of the bundles on the classpath: {@code messages.properties} → {@code i18n/messages}. */
    static String[] moduleBundles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(BUNDLES);
            return Arrays.stream(files)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .filter(name -> !name.matches(".*_[a-z]{2}(_[A-Z]{2})?\\.properties"))
                    .map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length()))
                    .distinct()
                    .sorted((a, b) -> a.equals("i18n/messages") ? -1 : b.equals("i18n/messages") ? 1 : a.compareTo(b))
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the label bundles " + BUNDLES, e);
        }
    }
}
