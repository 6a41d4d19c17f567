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

    /** A topic's keywords, lower case; Latin ones must stand as whole words. */
    private record Words(String[] latin, String[] cjk) { }

    private final Map<String, Words> topics;
    private final Map<String, List<String>> departments;
    private final Duration newsExpiry;

    public Classifier(Map<String, List<String>> dictionary, Map<String, List<String>> topicDepartments, Duration newsExpiry) {
        Map<String, Words> compiled = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(TopicDictionary.TOPIC_ORDER);
        dictionary.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
        for (String topic : order) {
            List<String> words = dictionary.get(topic);
            if (words == null || words.isEmpty()) {
                continue;
            }
            compiled.put(topic, new Words(
                    words.stream().filter(w -> w.chars().allMatch(c -> c < 0x2E80)).map(w -> w.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new),
                    words.stream().filter(w -> w.chars().anyMatch(c -> c >= 0x2E80)).map(w -> w.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new)));
        }
        this.topics = compiled;
        this.departments = Map.copyOf(topicDepartments);
        this.newsExpiry = newsExpiry;
    }

    public Classification classify(String title, String summary, boolean newsSource, Instant publishedAt, Instant now) {
        String text = (summary == null ? title : title + "\n" + summary).toLowerCase(java.util.Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (var e : topics.entrySet()) {
            if (matches(text, e.getValue())) {
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

    private static boolean matches(String text, Words words) {
        for (String w : words.cjk()) {
            if (text.contains(w)) {
                return true;
            }
        }
        for (String w : words.latin()) {
            for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
                int end = at + w.length();
                // a word boundary: no Latin letter or digit beside it (Chinese text may touch it: 生成式AI应用)
                if ((at == 0 || !latinWordChar(text.charAt(at - 1))) && (end == text.length() || !latinWordChar(text.charAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean latinWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x2E80 && Character.isLetter(c));
    }

    public List<String> topicIds() {
        return List.copyOf(topics.keySet());
    }
}
