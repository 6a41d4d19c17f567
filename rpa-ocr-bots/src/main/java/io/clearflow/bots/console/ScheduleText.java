package io.clearflow.bots.console;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A bot's schedule in the reader's language on pages ({@code ${@schedules.describe(cron)}}), e.g. 每个工作日
 * 08:30 or "Every weekday at 08:30"; null when {@link CronDescriber} does not know the shape, so the page
 * shows the expression as code.
 */
@Component("schedules")
public class ScheduleText {

    private final MessageSource messages;

    ScheduleText(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(String cron) {
        return CronDescriber.describe(cron).map(d -> {
            var locale = LocaleContextHolder.getLocale();
            String days = messages.getMessage(d.daysKey(), d.daysArgs().stream().map(a -> dayNames(a, locale)).toArray(),
                    locale);
            String separator = messages.getMessage("cron.list.separator", null, "、", locale);
            // several fixed times are one argument, joined as the language joins lists
            Object[] timeArgs = "cron.time.at".equals(d.timeKey())
                    ? new Object[] {String.join(separator, d.timeArgs())} : d.timeArgs().toArray();
            String time = messages.getMessage(d.timeKey(), timeArgs, locale);
            return messages.getMessage("cron.schedule", new Object[] {days, time}, locale);
        }).orElse(null);
    }

    /** MON,WED → 周一、周三 / Monday, Wednesday; other arguments (a day of the month) as they are. */
    private String dayNames(String argument, java.util.Locale locale) {
        if (!argument.matches("[A-Z]{3}(,[A-Z]{3})*")) {
            return argument;
        }
        String separator = messages.getMessage("cron.list.separator", null, "、", locale);
        return String.join(separator, List.of(argument.split(",")).stream()
                .map(day -> messages.getMessage("cron.dow." + day, null, day, locale)).toList());
    }
}
