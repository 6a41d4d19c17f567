package io.clearflow.engine.work;

import io.clearflow.engine.EngineTestApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConcurrentCompletionOnH2Test extends ConcurrentCompletionScenario {
}
