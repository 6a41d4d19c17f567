package io.clearflow.engine.work;

import org.springframework.ui.Model;

/**
 * Adds a process's business data to the case and task pages. The module that owns a process's
 * business tables implements this for its process keys, so the shell never reads them itself.
 * The case and task pages then include the module's fragment for the attributes it added.
 */
public interface CaseDetailContributor {

    void contribute(CaseView caseView, Model model);
}
