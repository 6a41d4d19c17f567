package io.clearflow.engine.governance.bpmn;

import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.ValidationReport.Finding;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Validates BPMN files for the catalog: {@link SecureBpmnReader} (XML safety and the BPMN schema),
 * Flowable's {@link ProcessValidator} (what the engine would refuse at deployment) and the
 * platform's own rules:
 * <ul>
 *   <li>exactly one executable process per file (one process per business scenario);</li>
 *   <li>the process has a name and a documented owner: the attribute {@code clearflow:owner} on
 *       {@code <process>} (namespace {@value #CLEARFLOW_NS}) or a documentation line
 *       {@code owner: <department or user id>} (also {@code 负责人：…}), because every modeller can
 *       edit documentation while not every one can add attributes;</li>
 *   <li>every user task has a candidate group;</li>
 *   <li>intelligent-mode processes contain at least one external-worker service task;</li>
 *   <li>script tasks, script listeners and shell tasks are refused unless
 *       {@code clearflow.governance.allow-script-tasks=true}: they run arbitrary code in the engine.</li>
 * </ul>
 * It never throws for bad input: anything unexpected becomes an error of the report.
 */
@Component
public class BpmnValidator {

    public static final String CLEARFLOW_NS = "http://clearflow.io/schema/bpmn";
    private static final Pattern OWNER_LINE = Pattern.compile("(?im)^\\s*(?:owner|负责人|流程负责人)\\s*[:：]\\s*(\\S+)");
    private static final Logger log = LoggerFactory.getLogger(BpmnValidator.class);

    private final ProcessValidator flowableValidator = new ProcessValidatorFactory().createDefaultProcessValidator();
    private final OrgDirectory directory;
    private final boolean allowScripts;

    public BpmnValidator(OrgDirectory directory,
                         @Value("${clearflow.governance.allow-script-tasks:false}") boolean allowScripts) {
        this.directory = directory;
        this.allowScripts = allowScripts;
    }

    /** Validates without a mode: the intelligent-mode rule is left out. */
    public ValidationReport validate(byte[] bpmn) {
        return validate(bpmn, null);
    }

    /** @param mode the scenario's process mode ({@code electronic}, {@code self-service}, {@code intelligent}) or {@code null} */
    public ValidationReport validate(byte[] bpmn, String mode) {
        try {
            return check(SecureBpmnReader.read(bpmn), mode);
        } catch (SecureBpmnReader.Unreadable e) {
            return ValidationReport.of(e.findings(), List.of(), null, null);
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("BPMN validation failed on an unexpected problem", e);
            return ValidationReport.of(List.of(Finding.of(null, "gov.finding.uncheckable", "the model cannot be checked: "
                    + SecureBpmnReader.message(e))), List.of(), null, null);
        }
    }

    /** The model of a file already known to be readable (a stored design), or empty. */
    public Optional<BpmnModel> model(byte[] bpmn) {
        try {
            return Optional.of(SecureBpmnReader.read(bpmn));
        } catch (SecureBpmnReader.Unreadable | RuntimeException e) {
            return Optional.empty();
        }
    }

    private ValidationReport check(BpmnModel model, String mode) {
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        for (ValidationError e : flowableValidator.validate(model)) {
            Finding finding = Finding.of(e.getActivityId() != null ? e.getActivityId() : e.getProcessDefinitionId(),
                    "gov.finding.engine", e.getDefaultDescription() + " (" + e.getProblem() + ")", e.getProblem());
            (e.isWarning() ? warnings : errors).add(finding);
        }
        List<Process> executable = model.getProcesses().stream().filter(Process::isExecutable).toList();
        if (executable.size() != 1) {
            errors.add(Finding.of(null, "gov.finding.processCount", "the file must contain exactly one executable process "
                    + "(one process per business scenario); it has " + executable.size(), String.valueOf(executable.size())));
        }
        Process process = executable.isEmpty() ? null : executable.get(0);
        if (process != null) {
            checkProcess(process, mode, errors, warnings);
        }
        if (model.getLocationMap().isEmpty()) {
            warnings.add(Finding.of(null, "gov.finding.noDiagram", "the file has no diagram (BPMN DI): the catalog cannot draw it"));
        }
        return ValidationReport.of(dedupe(errors), dedupe(warnings), process == null ? null : process.getId(),
                process == null ? null : process.getName());
    }

    private void checkProcess(Process process, String mode, List<Finding> errors, List<Finding> warnings) {
        if (blank(process.getName())) {
            errors.add(Finding.of(process.getId(), "gov.finding.noName", "the process has no name"));
        }
        String owner = owner(process);
        if (owner == null) {
            errors.add(Finding.of(process.getId(), "gov.finding.noOwner", "the process has no documented owner: add the "
                    + "attribute clearflow:owner=\"<department>\" (xmlns:clearflow=\"" + CLEARFLOW_NS + "\") or a "
                    + "documentation line 'owner: <department>'"));
        } else if (directory.unit(owner).isEmpty() && directory.member(owner).isEmpty()) {
            errors.add(Finding.of(process.getId(), "gov.finding.unknownOwner",
                    "the owner '" + owner + "' is neither a department nor a member", owner));
        }
        if (process.getCandidateStarterGroups().isEmpty() && process.getCandidateStarterUsers().isEmpty()) {
            warnings.add(Finding.of(process.getId(), "gov.finding.noStarters",
                    "no candidate starters: every member may start the process"));
        }
        Collection<FlowElement> elements = process.findFlowElementsOfType(FlowElement.class, true);
        boolean externalWorker = false;
        checkListeners(process, errors);
        for (FlowElement element : elements) {
            checkListeners(element, element.getExecutionListeners(), errors);
            if (element instanceof UserTask task) {
                checkUserTask(task, errors, warnings);
            } else if (element instanceof ScriptTask) {
                if (!allowScripts) {
                    errors.add(Finding.of(element.getId(), "gov.finding.scriptTask", "script tasks run arbitrary code in "
                            + "the engine and are not allowed (clearflow.governance.allow-script-tasks=false)"));
                }
            } else if (element instanceof ServiceTask task) {
                String type = task.getType() == null ? "" : task.getType().toLowerCase(Locale.ROOT);
                if ("external-worker".equals(type)) {
                    externalWorker = true;
                } else if ("shell".equals(type) && !allowScripts) {
                    errors.add(Finding.of(element.getId(), "gov.finding.shellTask",
                            "shell tasks run operating-system commands and are not allowed"));
                } else if (type.isEmpty() && task.getImplementation() != null) {
                    warnings.add(Finding.of(element.getId(), "gov.finding.javaCode", "runs Java code or an expression inside "
                            + "the engine (" + task.getImplementationType() + "): review it before publishing"));
                }
            }
        }
        if ("intelligent".equals(mode) && !externalWorker) {
            errors.add(Finding.of(process.getId(), "gov.finding.noBotTask", "an intelligent-mode process needs at least "
                    + "one external-worker task (serviceTask flowable:type=\"external-worker\") for the bot"));
        }
    }

    private void checkUserTask(UserTask task, List<Finding> errors, List<Finding> warnings) {
        checkListeners(task, task.getTaskListeners(), errors);
        if (task.getCandidateGroups().isEmpty()) {
            errors.add(Finding.of(task.getId(), "gov.finding.noCandidates", "the user task '" + label(task)
                    + "' has no candidate group (flowable:candidateGroups)", label(task)));
            return;
        }
        for (String group : task.getCandidateGroups()) {
            if (!group.contains("${") && !group.contains("#{") && directory.unit(group.strip()).isEmpty()) {
                warnings.add(Finding.of(task.getId(), "gov.finding.unknownGroup",
                        "candidate group '" + group + "' is not a known department or role", group));
            }
        }
        if (task.getFormKey() == null || task.getFormKey().isBlank()) {
            // a catalog process has no module page: without a form its handler can only complete the step as it is
            warnings.add(Finding.of(task.getId(), "gov.finding.noForm", "the user task '" + label(task) + "' has no form "
                    + "(flowable:formKey): its handler can only complete it with an optional comment unless a form is "
                    + "designed for it in step 4", label(task)));
        }
    }

    private void checkListeners(Process process, List<Finding> errors) {
        checkListeners(process, process.getExecutionListeners(), errors);
    }

    private void checkListeners(BaseElement element, List<FlowableListener> listeners, List<Finding> errors) {
        if (allowScripts || listeners == null) {
            return;
        }
        for (FlowableListener listener : listeners) {
            if ("script".equalsIgnoreCase(listener.getImplementationType()) || listener.getScriptInfo() != null) {
                errors.add(Finding.of(element.getId(), "gov.finding.scriptListener",
                        "script listeners run arbitrary code in the engine and are not allowed"));
            }
        }
    }

    /** The documented owner: {@code clearflow:owner} attribute, else an {@code owner:} line in the documentation. */
    public static String owner(Process process) {
        String attribute = process.getAttributeValue(CLEARFLOW_NS, "owner");
        if (!blank(attribute)) {
            return attribute.strip();
        }
        if (process.getDocumentation() != null) {
            Matcher m = OWNER_LINE.matcher(process.getDocumentation());
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    private static String label(FlowElement element) {
        return blank(element.getName()) ? element.getId() : element.getName();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        return findings.stream().distinct().toList();
    }
}
