package io.clearflow.engine.forms;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The task page's form: a refused submission goes back to the page with its values and field errors. */
@Controller
class TaskFormPageController {

    private final TaskForms taskForms;
    private final CurrentUser currentUser;

    TaskFormPageController(TaskForms taskForms, CurrentUser currentUser) {
        this.taskForms = taskForms;
        this.currentUser = currentUser;
    }

    @PostMapping("/tasks/{taskId}/form")
    String submit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> params,
                  RedirectAttributes redirect) {
        Map<String, String> values = params.toSingleValueMap();
        try {
            taskForms.complete(currentUser.get(), taskId, values);
            redirect.addFlashAttribute("flash", "modes.task.completed");
            return "redirect:/";
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("formErrors", e.fieldErrors());
            redirect.addFlashAttribute("formValues", values);
            redirect.addFlashAttribute("flashError", "modes.form.invalid");
            return "redirect:/tasks/" + taskId;
        }
    }
}
