package io.clearflow.bots.bench;

import io.clearflow.bots.accountopening.IdCardReader;
import io.clearflow.bots.accountopening.ResidentId;
import io.clearflow.bots.accountopening.SpecimenCard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Seconds per account-opening case for the bot's own work (ID checks and the OCR of the card, which
 * is nearly all of it; the platform's HTTP calls add milliseconds, see each run's items in the
 * console). Not a test: {@code ./mvnw -B -o -pl rpa-ocr-bots process-test-classes -Pbench-account-opening}
 * ({@code -Dbench.cases=30 -Dbench.warmup=3}; the profile runs it in a JVM of its own with {@code OMP_THREAD_LIMIT=1}).
 */
public final class AccountOpeningBenchmark {

    private static final String[] NAMES = {"王小明", "李四海", "张建国", "陈晓燕", "刘德华", "赵丽颖", "孙志强", "周杰", "吴敏", "郑爽"};

    private AccountOpeningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("bench.cases", 30);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : Integer.getInteger("bench.warmup", 3);
        IdCardReader reader = new IdCardReader("/usr/share/tesseract-ocr/5/tessdata", "chi_sim+eng");
        List<byte[]> cards = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases + warmup; i++) {
            String first17 = "1101051985" + String.format("%02d%02d", 1 + i % 12, 1 + i % 28) + String.format("%03d", i % 1000);
            String id = first17 + ResidentId.checkCharacter(first17);
            String name = NAMES[i % NAMES.length];
            ids.add(id);
            names.add(name);
            cards.add(SpecimenCard.render(name, id, "北京市朝阳区建国路" + (i + 1) + "号", i % 2 == 0 ? "png" : "jpg"));
        }
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int matched = 0;
        for (int i = 0; i < cases + warmup; i++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime(); // Tesseract runs natively on this thread (OMP_THREAD_LIMIT=1)
            boolean valid = ResidentId.validate(ids.get(i)).valid();
            IdCardReader.CardText card = reader.read(cards.get(i));
            boolean same = io.clearflow.bots.accountopening.AccountOpeningBot.compare(card, names.get(i), ids.get(i)).isEmpty();
            double s = (System.nanoTime() - t0) / 1e9;
            if (i >= warmup) {
                seconds.add(s);
                cpuSeconds.add((threads.getCurrentThreadCpuTime() - c0) / 1e9);
                matched += valid && same ? 1 : 0;
                if (!same) {
                    System.out.printf("misread (%s): expected %s %s, read %s %s%n", i % 2 == 0 ? "png" : "jpg", names.get(i), ids.get(i),
                            card.name().orElse("-"), card.idNumber().orElse("-"));
                    card.raw().lines().filter(l -> l.contains("姓") || l.contains("名")).findFirst()
                            .ifPresent(l -> System.out.println("  name line read as: " + l));
                }
            }
        }
        Collections.sort(seconds);
        double total = seconds.stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("account-opening bot: %d cases (after %d warm-up), OMP_THREAD_LIMIT=%s, %d cores%n", cases, warmup,
                System.getenv("OMP_THREAD_LIMIT"), Runtime.getRuntime().availableProcessors());
        System.out.printf("seconds per case: median %.2f, p90 %.2f, max %.2f; total %.1f s%n", seconds.get(seconds.size() / 2),
                seconds.get((int) Math.min(seconds.size() - 1, Math.round(seconds.size() * 0.9))), seconds.get(seconds.size() - 1), total);
        Collections.sort(cpuSeconds);
        System.out.printf("CPU seconds per case (this thread, load-independent): median %.2f, max %.2f%n",
                cpuSeconds.get(cpuSeconds.size() / 2), cpuSeconds.get(cpuSeconds.size() - 1));
        System.out.printf("cards read exactly (name and number): %d of %d; seed baseline: under 180 s per case%n", matched, cases);
    }
}
