package io.clearflow.bots.accountopening;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;

/**
 * Reads the name and the ID number off the front of a resident ID card with Tesseract (Tess4J over
 * Debian's libtesseract; the datapath is always set, as without it the JVM crashes natively). Kept
 * small on purpose: the module's general OCR service lives in {@code bots.documents}.
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

    private final Tesseract tesseract = new Tesseract();
    /** A second pass for the number only: Latin model restricted to digits and X, which reads them more surely. */
    private final Tesseract digits = new Tesseract();
    /** For the name when the mixed model read it as Latin: chi_sim alone reads Chinese-only fields better (stack.md). */
    private final Tesseract chinese = new Tesseract();

    public IdCardReader(String tessdata, String languages) {
        tesseract.setDatapath(tessdata);
        tesseract.setLanguage(languages);
        tesseract.setPageSegMode(ITessAPI.TessPageSegMode.PSM_AUTO);
        tesseract.setVariable("user_defined_dpi", "300");
        chinese.setDatapath(tessdata);
        chinese.setLanguage("chi_sim");
        chinese.setPageSegMode(ITessAPI.TessPageSegMode.PSM_AUTO);
        chinese.setVariable("user_defined_dpi", "300");
        digits.setDatapath(tessdata);
        digits.setLanguage("eng");
        digits.setPageSegMode(ITessAPI.TessPageSegMode.PSM_AUTO);
        digits.setVariable("user_defined_dpi", "300");
        digits.setVariable("tessedit_char_whitelist", "0123456789X");
    }

    /** One Tesseract handle, used by one thread at a time (a bot handles its jobs one after another). */
    public synchronized CardText read(byte[] image) throws UnreadableImageException, TesseractException {
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
        String raw = tesseract.doOCR(gray);
        CardText text = parse(raw);
        if (text.name().isEmpty()) {
            String han = chinese.doOCR(gray);
            raw = raw + "\n" + han;
            text = new CardText(parse(han).name(), text.idNumber(), raw);
        }
        if (text.idNumber().isPresent() && ResidentId.validate(text.idNumber().get()).valid()) {
            return text;
        }
        // the number was missing or fails its check character: ask the digit reader
        String numbers = digits.doOCR(gray);
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
