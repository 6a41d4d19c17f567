package io.clearflow.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test class, opened on the class's running platform (its random port)
 * before the first test and closed after the last. Register it as
 * {@code @RegisterExtension static final BrowserSession browser = new BrowserSession(1280, 1600);}.
 */
final class BrowserSession implements BeforeEachCallback, AfterAllCallback {

    private final int width;
    private final int height;
    private Browser browser;

    BrowserSession() {
        this(1280, 1400);
    }

    BrowserSession(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (browser == null) {
            int port = SpringExtension.getApplicationContext(context).getEnvironment()
                    .getRequiredProperty("local.server.port", Integer.class);
            browser = new Browser(port, width, height);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    Browser get() {
        return browser;
    }
}
