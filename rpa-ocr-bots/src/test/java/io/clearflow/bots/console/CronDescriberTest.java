package io.clearflow.bots.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Schedules in words, worked by hand from the cron fields (second minute hour day-of-month month day-of-week). */
class CronDescriberTest {

    private static CronDescriber.Description d(String cron) {
        return CronDescriber.describe(cron).orElseThrow(() -> new AssertionError("not described: " + cron));
    }

    @Test
    void theShapesOfSchedulesAreDescribedAndOthersAreNot() {
        assertThat(d("0 30 8 * * MON-FRI")).isEqualTo(new CronDescriber.Description("cron.days.weekdays", List.of(),
                "cron.time.at", List.of("08:30")));
        assertThat(d("0 */30 8-18 * * MON-FRI")).isEqualTo(new CronDescriber.Description("cron.days.weekdays", List.of(),
                "cron.time.everyMinutesBetween", List.of("30", "08:00", "18:59")));
        assertThat(d("0 0 2 * * *")).isEqualTo(new CronDescriber.Description("cron.days.everyDay", List.of(),
                "cron.time.at", List.of("02:00")));
        assertThat(d("0 0 9,14 ? * SAT,SUN").timeArgs()).containsExactly("09:00", "14:00");
        assertThat(d("0 0 9,14 ? * SAT,SUN").daysKey()).isEqualTo("cron.days.weekends");
        assertThat(d("0 15 6 1 * *")).isEqualTo(new CronDescriber.Description("cron.days.monthly", List.of("1"),
                "cron.time.at", List.of("06:15")));
        assertThat(d("0 */5 * * * *").timeKey()).isEqualTo("cron.time.everyMinutes");
        assertThat(d("0 5 * * * WED,MON").daysArgs()).containsExactly("MON,WED");
        assertThat(d("0 5 * * * WED,MON").timeKey()).isEqualTo("cron.time.hourly");
        for (String odd : List.of("", "* * * * *", "30 0 8 * * *", "0 0 8 * JAN *", "0 0 25 * * *", "0 0 8 L * *",
                "0 0 8 * * FRI-MON", "0 0 8 * * 1-5", "@daily")) {
            assertThat(CronDescriber.describe(odd)).as(odd).isEmpty();
        }
        assertThat(CronDescriber.describe(null)).isEmpty();
    }

    @Test
    void theWordsComeFromTheBundleInTheReadersLanguage() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("i18n/rpa");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        ScheduleText text = new ScheduleText(bundle);
        try {
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(text.describe("0 30 8 * * MON-FRI")).isEqualTo("每个工作日 08:30");
            assertThat(text.describe("0 */30 8-18 * * MON-FRI")).isEqualTo("每个工作日 08:00–18:59 每 30 分钟");
            assertThat(text.describe("0 0 9,14 * * MON,WED")).isEqualTo("每周一、周三 09:00、14:00");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(text.describe("0 30 8 * * MON-FRI")).isEqualTo("Every weekday at 08:30");
            assertThat(text.describe("0 0 9,14 * * MON,WED")).isEqualTo("Every Monday, Wednesday at 09:00, 14:00");
            assertThat(text.describe("0 0 8 L * *")).isNull();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
