package io.clearflow.regtech.subscribe;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.regtech.item.Item;
import io.clearflow.regtech.item.ItemFilter;
import io.clearflow.regtech.item.ItemRepository;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly digest of a reader: the items published in an ISO week (Monday to Sunday, Beijing time)
 * that match the reader's subscriptions or their department's, each with the subscriptions it matched.
 */
@Service
public class DigestService {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    static final int MAX_ITEMS = 1000;

    /** One item of the digest and what made it relevant to the reader. */
    public record Entry(Item item, String publishedDay, List<Subscription> matched) { }

    /** @param week ISO week, e.g. {@code 2024-W05} */
    public record Digest(String week, LocalDate from, LocalDate to, String previous, String next,
                         List<Subscription> subscriptions, List<Entry> entries) { }

    private final SubscriptionRepository subscriptions;
    private final ItemRepository items;
    private final Clock clock;
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");

    DigestService(SubscriptionRepository subscriptions, ItemRepository items, Clock clock) {
        this.subscriptions = subscriptions;
        this.items = items;
        this.clock = clock;
    }

    /** The Monday of an ISO week written {@code YYYY-Www}; the current week when blank. */
    LocalDate monday(String week) {
        if (week == null || week.isBlank()) {
            return LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        Matcher m = WEEK.matcher(week.strip());
        if (!m.matches()) {
            throw new InvalidRequestException("regtech.error.week", Map.of("week", "regtech.error.week"));
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        LocalDate anyDay = LocalDate.of(year, 6, 1);
        if (year < 2000 || year > 2100 || number < 1 || number > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new InvalidRequestException("regtech.error.week", Map.of("week", "regtech.error.week"));
        }
        return anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
    }

    static String label(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Transactional(readOnly = true)
    public Digest digest(Member member, String week) {
        LocalDate monday = monday(week);
        LocalDate sunday = monday.plusDays(6);
        List<Subscription> mine = subscriptions.of(member.userId(), member.department());
        List<Entry> entries = new ArrayList<>();
        if (!mine.isEmpty()) {
            for (int page = 0; entries.size() < MAX_ITEMS; page++) {
                List<Item> batch = items.search(new ItemFilter(null, monday, sunday, null, null, null, null, null, page,
                        ItemFilter.MAX_SIZE));
                for (Item item : batch) {
                    List<Subscription> matched = mine.stream().filter(s -> s.matches(item)).toList();
                    if (!matched.isEmpty() && entries.size() < MAX_ITEMS) {
                        entries.add(new Entry(item, item.publishedAt() == null ? ""
                                : item.publishedAt().atZone(zone).toLocalDate().toString(), matched));
                    }
                }
                if (batch.size() < ItemFilter.MAX_SIZE) {
                    break;
                }
            }
        }
        return new Digest(label(monday), monday, sunday, label(monday.minusWeeks(1)), label(monday.plusWeeks(1)), mine, entries);
    }
}
