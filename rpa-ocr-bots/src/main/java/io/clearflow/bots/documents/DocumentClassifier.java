package io.clearflow.bots.documents;

import java.util.Comparator;
import java.util.List;

/**
 * Classifies by keywords: the type with the most distinct keywords found wins, when it has at least its
 * minimum and no other type ties with it. Otherwise the document is {@code unclassified} and goes to a person.
 * Matching ignores spacing and case, since OCR spaces Chinese characters unpredictably.
 */
public final class DocumentClassifier {

    private final DocumentTypes types;

    public DocumentClassifier(DocumentTypes types) {
        this.types = types;
    }

    public record Classification(String typeId, int score, double confidence) { }

    public Classification classify(String text) {
        String compact = compact(text);
        record Scored(DocumentTypes.Type type, int score) { }
        List<Scored> scored = types.types().stream()
                .map(t -> new Scored(t, (int) t.keywords().stream().map(DocumentClassifier::compact).distinct()
                        .filter(compact::contains).count()))
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .toList();
        Scored best = scored.get(0);
        int second = scored.size() > 1 ? scored.get(1).score() : 0;
        if (best.score() < best.type().minKeywords() || best.score() == second) {
            return new Classification(DocumentTypes.UNCLASSIFIED, best.score(), 0);
        }
        double confidence = Math.min(1.0, (double) (best.score() - second) / best.type().minKeywords());
        return new Classification(best.type().id(), best.score(), confidence);
    }

    static String compact(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c)).map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
