package io.clearflow.bots.accountopening;

import io.clearflow.bots.documents.TesseractOcr;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Reads the name and the ID number off the front of a resident ID card with the module's OCR service
 * ({@link TesseractOcr}: Tesseract over Debian's libtesseract, one engine per thread and setup, started
 * once). Up to three passes over the grey card, each an engine setup of its own: {@code chi_sim+eng}
 * with automatic layout; {@code chi_sim} alone for the name when the mixed one read it as Latin; and
 * {@code eng} restricted to digits and X for the number when it is missing or fails its check character.
 */
public class IdCardReader {

    /** What the card says; either part may be missing when Tesseract could not read it. */
    public record CardText(Optional<String> name, Optional<String> idNumber, String raw) { }

    /** The image cannot be decoded at all: a finding for a person, not a technical failure. */
    public static class UnreadableImageException extends Exception {
        public UnreadableImageException(String message) {
            super(message);
        }
    }

    private static final Pattern NAME = Pattern.compile("姓名[^\\p{IsHan}]*(\\p{IsHan}{2,10})[^\\p{IsHan}]*$");
    private static final int MAX_PIXELS = 25_000_000;

    /** Cards are rendered and scanned at about 300 dpi; Tesseract needs to know, as images carry no resolution here. */
    private static final int DPI = 300;

    private final TesseractOcr ocr;
    /** The first pass: Chinese and Latin together, automatic layout. */
    private final TesseractOcr.Engine mixed;
    /** For the name when the mixed model read it as Latin: chi_sim alone reads Chinese-only fields better (stack.md). */
    private final TesseractOcr.Engine chinese;
    /** A pass for the number only: Latin model restricted to digits and X, which reads them more surely. */
    private final TesseractOcr.Engine digits;

    public IdCardReader(String tessdata, String languages) {
        this(new TesseractOcr(tessdata, languages), languages);
    }

    public IdCardReader(TesseractOcr ocr, String languages) {
        this.ocr = ocr;
        this.mixed = card(languages);
        this.chinese = card("chi_sim");
        this.digits = card("eng").with("tessedit_char_whitelist", "0123456789X");
    }

    private static TesseractOcr.Engine card(String language) {
        return TesseractOcr.Engine.auto(language).with("user_defined_dpi", String.valueOf(DPI));
    }

    /** Thread-safe: each thread reads with engines of its own. */
    public CardText read(byte[] image) throws UnreadableImageException {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException("the ID-card image cannot be decoded: " + e.getMessage());
        }
        if (decoded == null || (long) decoded.getWidth() * decoded.getHeight() > MAX_PIXELS) {
            throw new UnreadableImageException("the ID-card image cannot be decoded");
        }
        BufferedImage gray = gray(decoded);
        String raw = ocr.readText(mixed, gray, DPI);
        CardText text = parse(raw);
        if (text.name().isEmpty()) {
            String han = ocr.readText(chinese, gray, DPI);
            raw = raw + "\n" + han;
            text = new CardText(parse(han).name(), text.idNumber(), raw);
        }
        if (text.idNumber().isPresent() && ResidentId.validate(text.idNumber().get()).valid()) {
            return text;
        }
        // the number was missing or fails its check character: ask the digit reader
        String numbers = ocr.readText(digits, gray, DPI);
        Optional<String> number = candidates(numbers).stream().filter(c -> ResidentId.validate(c).valid()).findFirst()
                .or(text::idNumber).or(() -> candidates(numbers).stream().findFirst());
        return new CardText(text.name(), number, text.raw() + "\n" + numbers);
    }

    /** Every 18-character window of every run of digits and X at least that long, ends of lines first (where the number sits). */
    static java.util.List<String> candidates(String raw) {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String line : raw.split("\\R")) {
            Matcher run = Pattern.compile("[\\dX]{18,}").matcher(line.replaceAll("\\s+", "").replace('x', 'X'));
            while (run.find()) {
                String r = run.group();
                for (int end = r.length(); end >= 18; end--) {
                    found.add(r.substring(end - 18, end));
                }
            }
        }
        return found;
    }

    /** Finds the name after its label and the 18-character number anywhere, ignoring the spaces Tesseract puts between characters. */
    static CardText parse(String raw) {
        Optional<String> name = Optional.empty();
        Optional<String> number = Optional.empty();
        // line by line: the name is what follows its label on the label's own line
        for (String line : raw.split("\\R")) {
            String compact = line.replaceAll("[\\s\\u3000]+", "").replace('x', 'X');
            Matcher n = NAME.matcher(compact);
            if (name.isEmpty() && n.find()) {
                name = Optional.of(n.group(1));
            }
            if (number.isEmpty()) {
                number = candidates(compact).stream().filter(c -> ResidentId.validate(c).valid()).findFirst()
                        .or(() -> candidates(compact).stream().findFirst());
            }
        }
        return new CardText(name, number, raw);
    }

    private static BufferedImage gray(BufferedImage source) {
        BufferedImage gray = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return gray;
    }
}
