package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.InvalidRequestException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the demand pages' forms send, as typed, and how it becomes the service's input: the pages' handlers then make
 * one service call. Text that is no date or number is refused here with the field's key, as the service refuses the
 * rest.
 */
final class DemandForms {

    private DemandForms() {
    }

    /** The submission form's fields as typed, so a refused form comes back filled in. */
    record DemandForm(String title, String description, String category, String businessValue, String urgency,
                      Boolean regulatory, String regulationRef, String expectedDate) {

        static DemandForm empty() {
            return new DemandForm("", "", "FEATURE", "", "NORMAL", false, "", "");
        }

        NewDemand toNewDemand() {
            LocalDate expected;
            try {
                expected = expectedDate == null || expectedDate.isBlank() ? null : LocalDate.parse(expectedDate.strip());
            } catch (RuntimeException e) {
                throw new InvalidRequestException("demand.error.invalid", Map.of("expectedDate", "demand.error.expectedDateFormat"));
            }
            return new NewDemand(title, description, category, businessValue, urgency, Boolean.TRUE.equals(regulatory),
                    regulationRef, expected, null);
        }
    }

    /** The split form's rows, sent as parallel lists; blank rows are left out. */
    record TaskRows(List<String> taskTitle, List<String> taskEstimate, List<String> taskDue) {

        List<DemandInput.NewTask> tasks() {
            List<DemandInput.NewTask> tasks = new ArrayList<>();
            for (int i = 0; taskTitle != null && i < taskTitle.size(); i++) {
                if (taskTitle.get(i) == null || taskTitle.get(i).isBlank()) {
                    continue;
                }
                try {
                    String est = cell(taskEstimate, i);
                    String due = cell(taskDue, i);
                    tasks.add(new DemandInput.NewTask(taskTitle.get(i), est == null ? null : new BigDecimal(est.strip()),
                            due == null ? null : LocalDate.parse(due.strip())));
                } catch (RuntimeException e) {
                    throw new InvalidRequestException("demand.error.taskRow", Map.of("tasks", "demand.error.taskRow"));
                }
            }
            return tasks;
        }

        private static String cell(List<String> column, int row) {
            String value = column != null && row < column.size() ? column.get(row) : null;
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** The files chosen on the submission form; the file inputs left empty are no upload. */
    static List<DemandService.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<DemandService.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new DemandService.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return uploads;
    }
}
