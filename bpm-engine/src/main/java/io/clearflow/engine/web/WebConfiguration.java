package io.clearflow.engine.web;

import io.clearflow.engine.api.NavigationItem;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Chinese by default, English on request ({@code ?lang=en}, remembered in a cookie). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RequestSizeLimitFilter.WebProperties.class,
        io.clearflow.engine.identity.IdentityProperties.class})
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("CLEARFLOW_LANG");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NavigationItem homeNavigation() {
        return new NavigationItem("nav.home", "/", 0, List.of());
    }

    /** 已办, beside the home page's inbox (待办). */
    @Bean
    NavigationItem doneNavigation() {
        return new NavigationItem("nav.done", "/tasks/done", 1, List.of());
    }

    @Bean
    NavigationItem eventLogNavigation() {
        return new NavigationItem("nav.events", "/events", 80, List.of(), NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem adminNavigation() {
        return new NavigationItem("nav.admin", "/admin/users", 100, List.of("ADMIN"));
    }
}
