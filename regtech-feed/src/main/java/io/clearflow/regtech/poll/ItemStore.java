package io.clearflow.regtech.poll;

import io.clearflow.regtech.item.Classifier;
import io.clearflow.regtech.item.Dedupe;
import io.clearflow.regtech.item.ItemRepository;
import io.clearflow.regtech.item.SightingRepository;
import io.clearflow.regtech.item.SightingRepository.NewSighting;
import io.clearflow.regtech.parse.ItemText;
import io.clearflow.regtech.parse.ParsedItem;
import io.clearflow.regtech.source.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a poll read, all of a document in one transaction: dedupe within the source,
 * clustering with other sources' items, classification of new announcements.
 */
@Component
public class ItemStore {

    /** New announcements were stored (published in the transaction; the Kafka outbox hears it). */
    public record ItemsAdded(long sourceId, List<Long> itemIds) { }

    private final ItemRepository items;
    private final SightingRepository sightings;
    private final io.clearflow.regtech.rules.TopicRules rules;
    private final ApplicationEventPublisher events;

    public ItemStore(ItemRepository items, SightingRepository sightings, io.clearflow.regtech.rules.TopicRules rules,
                     ApplicationEventPublisher events) {
        this.items = items;
        this.sightings = sightings;
        this.rules = rules;
        this.events = events;
    }

    /** The classifier of the dictionary in force (an administrator's edit applies to the next poll). */
    public Classifier classifier() {
        return rules.classifier();
    }

    /** Per item of a document: new, duplicate in this source, or clustered with another source's item. */
    public enum Fate { NEW, DUPLICATE, CLUSTERED }

    /** Decides each item's fate without writing (a test fetch, and the first half of {@link #store}). */
    @Transactional(readOnly = true)
    public List<Fate> plan(Source source, List<ParsedItem> parsed) {
        return decide(source, parsed).stream().map(Decision::fate).toList();
    }

    private record Decision(Fate fate, String key, String norm, LocalDate day, Long clusterWith) { }

    private List<Decision> decide(Source source, List<ParsedItem> parsed) {
        ZoneId zone = ZoneId.of(source.zone());
        Set<String> known = sightings.keys(source.id());
        Set<String> seenNow = new HashSet<>();
        LocalDate min = null;
        LocalDate max = null;
        for (ParsedItem p : parsed) {
            if (p.publishedAt() != null) {
                LocalDate d = p.publishedAt().atZone(zone).toLocalDate();
                min = min == null || d.isBefore(min) ? d : min;
                max = max == null || d.isAfter(max) ? d : max;
            }
        }
        List<ItemRepository.Candidate> candidates = min == null ? List.of() : items.candidates(min.minusDays(1), max.plusDays(1));
        java.util.Map<LocalDate, List<ItemRepository.Candidate>> byDay = new java.util.HashMap<>();
        for (ItemRepository.Candidate c : candidates) {
            byDay.computeIfAbsent(c.day(), k -> new ArrayList<>()).add(c);
        }
        java.util.Map<Long, Dedupe.Signature> candidateGrams = new java.util.HashMap<>();
        List<Decision> out = new ArrayList<>(parsed.size());
        for (ParsedItem p : parsed) {
            String norm = ItemText.normalised(p.title());
            String key = Dedupe.key(norm, p.guid(), p.link());
            LocalDate day = p.publishedAt() == null ? null : p.publishedAt().atZone(zone).toLocalDate();
            if (known.contains(key) || !seenNow.add(key)) {
                out.add(new Decision(Fate.DUPLICATE, key, norm, day, null));
                continue;
            }
            Long partner = null;
            List<ItemRepository.Candidate> pool = day == null ? items.undatedByTitle(norm) : nearDays(byDay, day);
            Dedupe.Signature grams = null;
            for (ItemRepository.Candidate c : pool) {
                if (c.sources().contains(source.id())) {
                    continue; // never merge two announcements of the same source
                }
                boolean sameDay = day == null ? c.day() == null : c.day() != null && c.day().equals(day);
                if (sameDay && c.titleNorm().equals(norm)) {
                    partner = c.id();
                    break;
                }
                if (day != null && c.day() != null) {
                    grams = grams == null ? Dedupe.Signature.of(norm) : grams;
                    Dedupe.Signature other = candidateGrams.computeIfAbsent(c.id(), k -> Dedupe.Signature.of(c.titleNorm()));
                    if (Dedupe.nearIdentical(other, grams)) {
                        partner = c.id();
                        break;
                    }
                }
            }
            out.add(new Decision(partner == null ? Fate.NEW : Fate.CLUSTERED, key, norm, day, partner));
        }
        return out;
    }

    /** Candidates of the day before, the day and the day after (near-identical titles may straddle midnight). */
    private static List<ItemRepository.Candidate> nearDays(java.util.Map<LocalDate, List<ItemRepository.Candidate>> byDay, LocalDate day) {
        List<ItemRepository.Candidate> pool = new ArrayList<>(byDay.getOrDefault(day, List.of()));
        pool.addAll(byDay.getOrDefault(day.minusDays(1), List.of()));
        pool.addAll(byDay.getOrDefault(day.plusDays(1), List.of()));
        return pool;
    }

    /** Stores a document's items; returns {added, duplicates, clustered}. */
    @Transactional
    public int[] store(Source source, List<ParsedItem> parsed, Instant now) {
        List<Decision> decisions = decide(source, parsed);
        int added = 0;
        int duplicates = 0;
        int clustered = 0;
        List<Long> newIds = new ArrayList<>();
        Classifier classifier = classifier(); // one dictionary for the whole document
        for (int i = 0; i < parsed.size(); i++) {
            ParsedItem p = parsed.get(i);
            Decision d = decisions.get(i);
            switch (d.fate()) {
                case DUPLICATE -> duplicates++;
                case CLUSTERED -> {
                    sightings.insert(new NewSighting(d.clusterWith(), source.id(), d.key(), p.guid(), p.link(), p.title()), now);
                    clustered++;
                }
                case NEW -> {
                    Classifier.Classification c = classifier.classify(p.title(), p.summary(), source.newsLike(), p.publishedAt(), now);
                    long id = items.insert(new ItemRepository.NewItem(p.title(), d.norm(), p.link(), p.summary(), p.publishedAt(),
                            d.day(), source.id(), source.jurisdiction(), source.organisation(), c.topics(), c.departments(),
                            c.newsLike(), c.expiresAt(), "new"), now);
                    sightings.insert(new NewSighting(id, source.id(), d.key(), p.guid(), p.link(), p.title()), now);
                    newIds.add(id);
                    added++;
                }
            }
        }
        if (!newIds.isEmpty()) {
            events.publishEvent(new ItemsAdded(source.id(), newIds));
        }
        return new int[] {added, duplicates, clustered};
    }
}
