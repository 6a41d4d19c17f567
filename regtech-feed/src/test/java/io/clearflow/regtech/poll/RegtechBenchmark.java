package io.clearflow.regtech.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.regtech.RegtechTestApplication;
import io.clearflow.regtech.fetch.LoopbackServer;
import io.clearflow.regtech.item.Classifier;
import io.clearflow.regtech.item.Dedupe;
import io.clearflow.regtech.item.ItemFilter;
import io.clearflow.regtech.item.ItemRepository;
import io.clearflow.regtech.item.TopicDictionary;
import io.clearflow.regtech.parse.ItemText;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark, not a test (surefire's default includes leave it out); run it by name, see the README.
 * (1) one poll round of 50 sources with 2,000 items in all, served on loopback, then a second round
 * (conditional GET); (2) dedupe and classification of 100,000 items in memory; (3) tracker search
 * p50/p95 over 100,000 items on embedded PostgreSQL. Figures go to target/regtech-benchmark.txt.
 */
@SpringBootTest(classes = RegtechTestApplication.class)
@ActiveProfiles("test")
class RegtechBenchmark {

    static final int SOURCES = 50;
    static final int ITEMS = 2_000;
    static final int BIG = Integer.getInteger("bench.items", 100_000);

    @Autowired PollScheduler scheduler;
    @Autowired JdbcTemplate jdbc;

    final StringBuilder report = new StringBuilder();

    static final String[] WORDS = {"关于", "发布", "证券", "期货", "信息系统", "压力测试", "指引", "反洗钱", "数字人民币", "跨境支付",
            "信息披露", "执法", "数据资产", "人工智能", "网络安全", "清算", "结算", "托管", "监管", "通知", "办法", "征求意见稿",
            "crypto", "AML", "disclosure", "market", "infrastructure", "guidelines", "stress", "test", "payments", "CBDC",
            "enforcement", "charges", "firm", "report", "annual", "oversight", "digital", "identity", "AI", "Act", "risk"};

    static String title(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6 + r.nextInt(6); i++) {
            b.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        return b.append("第").append(n).append("号").toString();
    }

    static String rss(int source, int perSource) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>s")
                .append(source).append("</title><link>http://x/</link><description>d</description>");
        Random r = new Random(source);
        for (int i = 0; i < perSource; i++) {
            b.append("<item><title>").append(title(r, source * 1000 + i)).append("</title><link>https://reg.example/")
                    .append(source).append('/').append(i).append("</link><guid>").append(source).append('-').append(i)
                    .append("</guid><pubDate>Tue, 0").append(1 + i % 9).append(" Apr 2024 10:00:00 +0800</pubDate>")
                    .append("<description>").append(title(r, i)).append("</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    @Test
    void benchmark() throws Exception {
        String parts = System.getProperty("bench.parts", "poll,dedupe,search");
        if (parts.contains("poll")) {
            pollRound();
        }
        if (parts.contains("dedupe")) {
            dedupeAndClassify();
        }
        if (parts.contains("search")) {
            searchOnPostgres();
        }
        Path out = Path.of("target/regtech-benchmark.txt");
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    void pollRound() {
        try (LoopbackServer server = new LoopbackServer()) {
            jdbc.update("update cf_reg_source set enabled = false");
            for (int s = 0; s < SOURCES; s++) {
                byte[] body = rss(s, ITEMS / SOURCES).getBytes(StandardCharsets.UTF_8);
                server.serve("/feed/" + s, body, "application/rss+xml", "\"v" + s + "\"");
                jdbc.update("insert into cf_reg_source (name, url, kind, zone, news_like, enabled, poll_minutes, consecutive_failures, "
                        + "created_at) values (?, ?, 'feed', 'Asia/Shanghai', false, true, 60, 0, current_timestamp)",
                        "bench " + s, server.url("/feed/" + s).toString());
            }
            long t0 = System.nanoTime();
            int polled = scheduler.round(Instant.now());
            long first = System.nanoTime() - t0;
            long bytesFirst = server.bytesSent.get();
            int items = jdbc.queryForObject("select count(*) from cf_reg_sighting", Integer.class);
            t0 = System.nanoTime();
            scheduler.round(Instant.now().plus(Duration.ofHours(2)));
            long second = System.nanoTime() - t0;
            long bytesSecond = server.bytesSent.get() - bytesFirst;
            int after = jdbc.queryForObject("select count(*) from cf_reg_sighting", Integer.class);
            assertThat(polled).isEqualTo(SOURCES);
            assertThat(items).isEqualTo(ITEMS);
            assertThat(after).isEqualTo(items);
            report.append(String.format("poll round: %d sources, %d items stored in %d ms (%d KB transferred)%n",
                    SOURCES, items, first / 1_000_000, bytesFirst / 1024));
            report.append(String.format("second round: %d ms, %d items added, %d bytes of bodies transferred (all 304)%n",
                    second / 1_000_000, after - items, bytesSecond));
        }
    }

    /** What ItemStore does per item, in memory: normalise, key, classify, cluster by day with near-identical titles. */
    void dedupeAndClassify() {
        Random r = new Random(42);
        List<String> titles = new ArrayList<>(BIG);
        List<LocalDate> days = new ArrayList<>(BIG);
        for (int i = 0; i < BIG; i++) {
            // one in ten is a repeat of an earlier title (a duplicate or the same announcement elsewhere)
            titles.add(i > 0 && r.nextInt(10) == 0 ? titles.get(r.nextInt(i)) : title(r, i));
            days.add(LocalDate.of(2024, 1, 1).plusDays(r.nextInt(365)));
        }
        Classifier classifier = new Classifier(TopicDictionary.DEFAULT_TOPICS, TopicDictionary.DEFAULT_DEPARTMENTS, Duration.ofDays(90));
        for (int round = 0; round < 3; round++) { // the last of three runs counts (JIT warm)
            long t0 = System.nanoTime();
            Set<String> keys = new HashSet<>();
            Map<LocalDate, List<Dedupe.Signature>> byDay = new HashMap<>();
            Map<String, Boolean> exact = new HashMap<>();
            int duplicates = 0;
            int clustered = 0;
            int topics = 0;
            Instant now = Instant.now();
            for (int i = 0; i < BIG; i++) {
                String norm = ItemText.normalised(ItemText.title(titles.get(i)));
                if (!keys.add(Dedupe.key(norm, null, "https://reg.example/" + (i % 1000 == 0 ? i : i / 2)))) {
                    duplicates++;
                    continue;
                }
                List<Dedupe.Signature> sameDay = byDay.computeIfAbsent(days.get(i), d -> new ArrayList<>());
                boolean partner = exact.putIfAbsent(days.get(i) + norm, Boolean.TRUE) != null;
                Dedupe.Signature grams = Dedupe.Signature.of(norm);
                for (int k = 0; !partner && k < sameDay.size(); k++) {
                    partner = Dedupe.nearIdentical(sameDay.get(k), grams);
                }
                if (partner) {
                    clustered++;
                    continue;
                }
                sameDay.add(grams);
                topics += classifier.classify(titles.get(i), null, false, now, now).topics().size();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (round == 2) {
                report.append(String.format("dedupe+classification of %d items: %d ms (%d duplicates, %d clustered, %d topic hits)%n",
                        BIG, ms, duplicates, clustered, topics));
            }
        }
    }

    void searchOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            var ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/regtech").table("flyway_regtech").load().migrate();
            JdbcTemplate pgJdbc = new JdbcTemplate(ds);
            Random r = new Random(7);
            List<Object[]> rows = new ArrayList<>();
            String[] topicIds = TopicDictionary.TOPIC_ORDER.toArray(String[]::new);
            String[] juris = {"CN", "US", "EU", "HK", "UK", "INTL"};
            for (int i = 0; i < BIG; i++) {
                String t = title(r, i);
                LocalDate day = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(1800));
                rows.add(new Object[] {t, ItemText.normalised(t), "https://reg.example/" + i, t,
                        Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC)), day, juris[r.nextInt(juris.length)],
                        "ORG" + r.nextInt(20), "," + topicIds[r.nextInt(topicIds.length)] + ",", ",dept-compliance,",
                        ItemRepository.searchText(t, t)});
                if (rows.size() == 5_000) {
                    insert(pgJdbc, rows);
                }
            }
            insert(pgJdbc, rows);
            pgJdbc.execute("analyze cf_reg_item");
            ItemRepository repo = new ItemRepository(pgJdbc);
            String[] queries = {"数字人民币", "stress test", "反洗钱 通知", "crypto", "信息披露", "第4242号", "payments CBDC", "监管"};
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 220; i++) {
                String q = queries[i % queries.length];
                String topic = i % 3 == 0 ? topicIds[i % topicIds.length] : null;
                String j = i % 4 == 0 ? juris[i % juris.length] : null;
                ItemFilter f = new ItemFilter(null, null, null, j, null, topic, null, q, 0, 50);
                long t0 = System.nanoTime();
                repo.page(f);
                long ns = System.nanoTime() - t0;
                if (i >= 20) {
                    times.add(ns / 1_000);
                }
            }
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            report.append(String.format("tracker search (page of 50 with total) over %d items on embedded PostgreSQL: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d searches)%n",
                    BIG, sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.95)] / 1000.0,
                    sorted[sorted.length - 1] / 1000.0, sorted.length));
        }
    }

    static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("insert into cf_reg_item (title, title_norm, link, summary, published_at, published_day, first_seen_at, "
                + "jurisdiction, organisation, topics, departments, news_like, status, search_text) "
                + "values (?,?,?,?,?,?,current_timestamp,?,?,?,?,false,'new',?)", rows);
        rows.clear();
    }
}
