package io.clearflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** The page controllers' one action helper: the done message, a refusal by key, the redirect; nothing else caught. */
class FlashActTest {

    final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

    static Map<String, Object> flash(RedirectAttributesModelMap redirect) {
        return new java.util.LinkedHashMap<>(redirect.getFlashAttributes());
    }

    @Test
    void aDoneActionLeavesItsMessageAndRedirects() {
        int[] runs = {0};
        String view = Flash.act(redirect, "/demand/7", "demand.flash.triaged", () -> ++runs[0]);

        assertThat(view).isEqualTo("redirect:/demand/7");
        assertThat(runs[0]).isEqualTo(1);
        assertThat(flash(redirect)).containsExactly(Map.entry("flash", (Object) "demand.flash.triaged"));
    }

    @Test
    void badInputAndConflictsComeBackByKeyWithoutTheDoneMessage() {
        String view = Flash.act(redirect, "/demand/7", "demand.flash.split", () -> {
            throw new InvalidRequestException("demand.error.invalid", Map.of("tasks", "demand.error.taskRow"));
        });
        assertThat(view).isEqualTo("redirect:/demand/7");
        assertThat(flash(redirect)).containsOnlyKeys("flashErrors")
                .containsEntry("flashErrors", List.of("demand.error.taskRow"));

        RedirectAttributesModelMap conflict = new RedirectAttributesModelMap();
        Flash.act(conflict, "/demand/7", "demand.flash.delivered", () -> {
            throw new ConflictException("demand.error.tasksOpen", 2L);
        });
        assertThat(flash(conflict)).containsEntry("flashError", "demand.error.tasksOpen")
                .doesNotContainKey("flash");
        assertThat((Object[]) flash(conflict).get("flashErrorArgs")).containsExactly(2L);
    }

    @Test
    void aPageMayShowARefusalItsOwnWayAndOtherFailuresAreNotSwallowed() {
        Flash.act(redirect, "/governance/scenarios/s1", "gov.flash.adopted", () -> {
            throw new ConflictException("stale");
        }, (r, e) -> r.addFlashAttribute("flashErrorText", e.getMessage()));
        assertThat(flash(redirect)).containsExactly(Map.entry("flashErrorText", (Object) "stale"));

        assertThatThrownBy(() -> Flash.act(new RedirectAttributesModelMap(), "/x", "done", () -> {
            throw new IllegalStateException("a bug, not a refusal");
        })).isInstanceOf(IllegalStateException.class);
    }
}
