package io.clearflow.regtech.item;

import io.clearflow.engine.api.NotFoundException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tracker: search with filters, detail with every source's link, CSV export. Everyone signed in reads it. */
@Service
public class ItemService {

    /** One page of results and the number of matches. */
    public record Page(List<Item> items, long total) { }

    /** An item with the links of every source that carried it. */
    public record Detail(Item item, List<Sighting> sightings) { }

    private final ItemRepository items;
    private final SightingRepository sightings;

    public ItemService(ItemRepository items, SightingRepository sightings) {
        this.items = items;
        this.sightings = sightings;
    }

    @Transactional(readOnly = true)
    public Page search(ItemFilter filter) {
        ItemRepository.PageRows rows = items.page(filter);
        return new Page(rows.items(), rows.total());
    }

    @Transactional(readOnly = true)
    public Item item(long id) {
        return items.find(id).orElseThrow(() -> new NotFoundException("regulatory item", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return new Detail(item(id), sightings.ofItem(id));
    }

    @Transactional(readOnly = true)
    public List<String> jurisdictions() {
        return items.jurisdictions();
    }

    @Transactional(readOnly = true)
    public List<String> organisations() {
        return items.organisations();
    }

    public static final int CSV_LIMIT = 10_000;

    /** CSV (UTF-8 with BOM, so Excel opens Chinese correctly) of up to 10,000 matches. */
    @Transactional(readOnly = true)
    public String csv(ItemFilter filter, ZoneId zone) {
        StringBuilder out = new StringBuilder("\uFEFFid,published,jurisdiction,organisation,title,link,topics,status\r\n");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        forEachMatch(filter, i -> out.append(i.id()).append(',').append(i.publishedAt() == null ? "" : day.format(i.publishedAt()))
                .append(',').append(cell(i.jurisdiction())).append(',').append(cell(i.organisation())).append(',')
                .append(cell(i.title())).append(',').append(cell(i.link())).append(',')
                .append(cell(String.join(" ", i.topics()))).append(',').append(i.status()).append("\r\n"));
        return out.toString();
    }

    /** Every match of the filter (all pages, at most {@code CSV_LIMIT}), newest first, for the exports. */
    @Transactional(readOnly = true)
    public void forEachMatch(ItemFilter filter, java.util.function.Consumer<Item> row) {
        int page = 0;
        int written = 0;
        while (written < CSV_LIMIT) {
            List<Item> batch = items.search(new ItemFilter(filter.source(), filter.from(), filter.to(), filter.jurisdiction(),
                    filter.organisation(), filter.topic(), filter.status(), filter.q(), page++, ItemFilter.MAX_SIZE));
            batch.forEach(row);
            written += batch.size();
            if (batch.size() < ItemFilter.MAX_SIZE) {
                break;
            }
        }
    }

    /** Quotes a cell and defuses spreadsheet formulas (=, +, -, @ at the start). */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Items per month for the timeline chart, oldest first. */
    @Transactional(readOnly = true)
    public java.util.SortedMap<String, Long> perMonth(ItemFilter filter, ZoneId zone) {
        List<Item> list = items.search(new ItemFilter(filter.source(), filter.from(), filter.to(), filter.jurisdiction(),
                filter.organisation(), filter.topic(), filter.status(), filter.q(), 0, ItemFilter.MAX_SIZE));
        return list.stream().filter(i -> i.publishedAt() != null)
                .collect(Collectors.groupingBy(i -> i.publishedAt().atZone(zone).toLocalDate().toString().substring(0, 7),
                        java.util.TreeMap::new, Collectors.counting()));
    }
}
