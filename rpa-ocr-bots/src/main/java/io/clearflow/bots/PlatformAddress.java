package io.clearflow.bots;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/** Holds the platform URL; in the platform JVM it is learnt from the embedded server's port. */
final class PlatformAddress implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(PlatformAddress.class);

    private volatile String url;

    PlatformAddress(String configured) {
        this.url = BotToken.blankToNull(configured);
    }

    public String get() {
        return url;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (url == null && (namespace == null || namespace.isEmpty())) {
            String path = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
            url = "http://localhost:" + event.getWebServer().getPort() + path;
            log.info("Bots call the platform at its own address {}", url);
        }
    }
}
