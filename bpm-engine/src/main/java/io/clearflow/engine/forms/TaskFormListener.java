package io.clearflow.engine.forms;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.work.TaskView;
import java.util.Map;

/**
 * The module that owns a process stores the business part of a task form here: called in the
 * completing transaction with the checked values, before the task completes. Throwing refuses the
 * submission (and nothing is stored or completed). Implementations ignore other processes' tasks.
 */
public interface TaskFormListener {

    void submitted(Member member, TaskView task, FormDefinition form, Map<String, String> values);
}
