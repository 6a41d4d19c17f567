package io.clearflow.delivery.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepsTest {

    @Test
    void splitsLikeAShellWithoutBeingOne() {
        assertThat(Steps.split("cp 'a b' \"c \\\"d\\\"\" e\\ f g", 1)).containsExactly("cp", "a b", "c \"d\"", "e f", "g");
        assertThat(Steps.split("echo ''", 1)).containsExactly("echo", "");
    }

    @Test
    void skipsCommentsAndBlankLinesAndKeepsLineNumbers() {
        Steps steps = Steps.parse("# deploy\n\necho one\n  echo two  \n");
        assertThat(steps.list()).extracting(Steps.Step::line).containsExactly(3, 4);
    }

    @Test
    void replacesPlaceholdersOnceInsideOneArgument() {
        Steps.Step step = Steps.parse("cp {artifact} {target}/{name} {unknown}").list().get(0);
        List<String> arguments = step.resolve(Map.of("artifact", "/store/ab", "target", "/opt/app",
                "name", "{target} x; rm -rf /"));
        assertThat(arguments).containsExactly("cp", "/store/ab", "/opt/app/{target} x; rm -rf /", "{unknown}");
    }

    @Test
    void refusesWhatCannotRunSafely() {
        assertThatThrownBy(() -> Steps.parse("echo 'open")).hasMessageContaining("line 1: unclosed ' quote");
        assertThatThrownBy(() -> Steps.parse("# nothing\n")).hasMessageContaining("no command");
        assertThatThrownBy(() -> Steps.parse("@move a b")).hasMessageContaining("unknown built-in @move");
        assertThatThrownBy(() -> Steps.parse("@copy a")).hasMessageContaining("takes two arguments");
        assertThatThrownBy(() -> Steps.parse("echo ok\n/bin/bash -lc 'deploy {name}'"))
                .hasMessageContaining("line 2: a placeholder inside bash's program text");
        assertThatThrownBy(() -> Steps.parse("python3 -c 'print(\"{change}\")'")).hasMessageContaining("python3");
        // positional parameters after the program text are fine
        assertThat(Steps.parse("sh -c 'cp \"$1\" /opt/' deploy {artifact}").list()).hasSize(1);
    }

    @Test
    void theDefaultStepsParse() {
        assertThat(Steps.parse(DefaultSteps.TEXT).list()).extracting(s -> s.arguments().get(0))
                .containsExactly("@copy", "@sha256");
    }
}
