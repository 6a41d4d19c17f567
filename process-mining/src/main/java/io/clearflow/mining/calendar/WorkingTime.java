package io.clearflow.mining.calendar;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.mining.store.MiningProperties;
import org.springframework.stereotype.Component;

/**
 * The configured working calendar ({@code clearflow.mining.calendar.*}) and the choice a request makes:
 * {@code calendar=working} or {@code calendar=wall}; without it the setting {@code working-time} decides.
 */
@Component
public class WorkingTime {

    public static final String WORKING = "working";
    public static final String WALL = "wall";

    private final WorkingCalendar calendar;
    private final boolean byDefault;

    public WorkingTime(MiningProperties properties) {
        MiningProperties.Calendar settings = properties.calendar();
        // a bad setting stops the start with the setting's name rather than failing on the first request
        try {
            this.calendar = WorkingCalendar.of(settings.zone(), settings.workingDays(), settings.workingHours(),
                    settings.chineseHolidays());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("clearflow.mining.calendar: " + e.getMessage(), e);
        }
        this.byDefault = settings.workingTime();
    }

    /** @throws InvalidRequestException for a value other than {@code working} or {@code wall} */
    public TimeMeasure measure(String choice) {
        return working(choice) ? calendar : TimeMeasure.WALL_CLOCK;
    }

    /** Whether the request (or, without a choice, the setting) asks for working time. */
    public boolean working(String choice) {
        if (choice == null || choice.isBlank()) {
            return byDefault;
        }
        return switch (choice.strip()) {
            case WORKING -> true;
            case WALL -> false;
            default -> throw new InvalidRequestException("mining.error.calendar");
        };
    }

    public WorkingCalendar calendar() {
        return calendar;
    }
}
