package io.clearflow.bots.documents;

import java.util.List;

/**
 * One line of a page as read: its text and, per character, the confidence (0..1) of the word it came
 * from, so a value's confidence is the weakest word it spans. Text-layer PDFs read at confidence 1.
 */
public record TextLine(String text, float[] charConfidence) {

    public static TextLine certain(String text) {
        float[] c = new float[text.length()];
        java.util.Arrays.fill(c, 1f);
        return new TextLine(text, c);
    }

    /** A line joined from OCR words with single spaces between them. */
    public static TextLine ofWords(List<String> words, List<Float> confidences) {
        StringBuilder text = new StringBuilder();
        var conf = new java.util.ArrayList<Float>();
        for (int i = 0; i < words.size(); i++) {
            // quotes and bars around a word are scanner dirt read as punctuation (”DR), not content
            String w = words.get(i).replaceAll("^[”“\"'‘’|]+|[”“\"'‘’|]+$", "");
            if (w.isEmpty()) {
                continue;
            }
            // Tesseract splits Chinese into one-character "words": 上 海 证 券 is 上海证券 on paper
            if (text.length() > 0 && !(cjkEnd(text) && cjkStart(w))) {
                text.append(' ');
                conf.add(Math.min(conf.get(conf.size() - 1), confidences.get(i)));
            }
            text.append(w);
            for (int k = 0; k < w.length(); k++) {
                conf.add(confidences.get(i));
            }
        }
        float[] c = new float[conf.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = conf.get(i);
        }
        return new TextLine(text.toString(), c);
    }

    private static boolean cjkEnd(CharSequence s) {
        return s.length() > 0 && isCjk(Character.codePointBefore(s, s.length()));
    }

    private static boolean cjkStart(String s) {
        return !s.isEmpty() && isCjk(s.codePointAt(0));
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F);
    }

    /** The weakest confidence over [start, end). */
    public float confidence(int start, int end) {
        float min = 1f;
        for (int i = Math.max(0, start); i < Math.min(end, charConfidence.length); i++) {
            min = Math.min(min, charConfidence[i]);
        }
        return min;
    }

    /** The line from {@code start} on, confidences kept aligned. */
    public TextLine from(int start) {
        return new TextLine(text.substring(start), java.util.Arrays.copyOfRange(charConfidence, start, charConfidence.length));
    }

    /** The line without spaces OCR put inside a number next to its separators ({@code 83224 .31} is 83224.31). */
    public TextLine withoutSpacesInNumbers() {
        StringBuilder t = new StringBuilder();
        List<Float> c = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ' ' && i > 0 && i + 1 < text.length()) {
                char before = text.charAt(i - 1);
                char after = text.charAt(i + 1);
                boolean inNumber = (Character.isDigit(before) && (after == '.' || after == ','))
                        || ((before == '.' || before == ',') && Character.isDigit(after) && i > 1 && Character.isDigit(text.charAt(i - 2)));
                if (inNumber) {
                    c.set(c.size() - 1, Math.min(c.get(c.size() - 1), charConfidence[i]));
                    continue;
                }
            }
            t.append(ch);
            c.add(i < charConfidence.length ? charConfidence[i] : 1f);
        }
        float[] out = new float[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get(i);
        }
        return new TextLine(t.toString(), out);
    }
}
