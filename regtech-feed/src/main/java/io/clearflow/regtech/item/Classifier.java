package io.clearflow.regtech.item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Classification of an announcement, Spring-free: topics from the zh/en dictionary (English words
 * match whole words, case-insensitively; Chinese words match anywhere), the departments those topics
 * concern (compliance always), and the retention rule: news-like items (speeches, meetings, alerts,
 * or any item of a news source that is not a rule, guideline, law or report) expire; long-lived ones
 * are kept.
 */
public final class Classifier {

    /** What the classifier decided. */
    public record Classification(List<String> topics, List<String> departments, boolean newsLike, Instant expiresAt) { }

    private static final Pattern NEWS = Pattern.compile("(?i)\\b(speech|remarks|statement|interview|meets|meeting|visit|alert|podcast|webinar)\\b"
            + "|讲话|致辞|会见|出席|座谈会|调研|活动|新闻发布会|答记者问");
    private static final Pattern LONG_LIVED = Pattern.compile("(?i)\\b(rules?|guidelines?|guidance|regulation|directive|law|act|bill|framework|standards?|"
            + "report|handbook|methodology|consultation)\\b|办法|规则|细则|指引|指南|规定|准则|条例|法|意见|通知|报告|方案|要点|标准");

    private final Map<String, Pattern> topics;
    private final Map<String, List<String>> departments;
    private final Duration newsExpiry;

    public Classifier(Map<String, List<String>> dictionary, Map<String, List<String>> topicDepartments, Duration newsExpiry) {
        Map<String, Pattern> compiled = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(TopicDictionary.TOPIC_ORDER);
        dictionary.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
        for (String topic : order) {
            List<String> words = dictionary.get(topic);
            if (words == null || words.isEmpty()) {
                continue;
            }
            String latin = words.stream().filter(w -> w.chars().allMatch(c -> c < 0x2E80)).map(Pattern::quote).collect(Collectors.joining("|"));
            String cjk = words.stream().filter(w -> w.chars().anyMatch(c -> c >= 0x2E80)).map(Pattern::quote).collect(Collectors.joining("|"));
            String regex = (latin.isEmpty() ? "" : "(?<![\\p{L}\\p{N}])(?:" + latin + ")(?![\\p{L}\\p{N}])")
                    + (latin.isEmpty() || cjk.isEmpty() ? "" : "|") + (cjk.isEmpty() ? "" : "(?:" + cjk + ")");
            compiled.put(topic, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        this.topics = compiled;
        this.departments = Map.copyOf(topicDepartments);
        this.newsExpiry = newsExpiry;
    }

    public Classification classify(String title, String summary, boolean newsSource, Instant publishedAt, Instant now) {
        String text = summary == null ? title : title + "\n" + summary;
        List<String> found = new ArrayList<>();
        for (var e : topics.entrySet()) {
            if (e.getValue().matcher(text).find()) {
                found.add(e.getKey());
            }
        }
        Set<String> depts = new LinkedHashSet<>();
        depts.add("dept-compliance");
        for (String t : found) {
            depts.addAll(departments.getOrDefault(t, List.of()));
        }
        boolean news = NEWS.matcher(title).find() || (newsSource && !LONG_LIVED.matcher(title).find());
        Instant expires = news ? (publishedAt == null ? now : publishedAt).plus(newsExpiry) : null;
        return new Classification(List.copyOf(found), List.copyOf(depts), news, expires);
    }

    public List<String> topicIds() {
        return List.copyOf(topics.keySet());
    }
}
