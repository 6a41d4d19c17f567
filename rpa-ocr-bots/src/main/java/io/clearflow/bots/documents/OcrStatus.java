package io.clearflow.bots.documents;

import io.clearflow.bots.runtime.BotLimitation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether OCR can run in this JVM, found once at start: Tesseract's data folder ({@code clearflow.ocr.tessdata}, the
 * one setting of every OCR user), the language models the bots read with, and the native library. OCR is an optional
 * capability: without it the platform starts and says so (health component {@code ocr}, the RPA console, a 503 from
 * extraction, account-opening cases handed to people), instead of dying when the first bot bean is built.
 *
 * @param datapath the data folder that was probed
 * @param problem  why OCR cannot run; empty when it can
 * @param argument what the problem is about (the folder, or the missing language), for the message
 */
public record OcrStatus(String datapath, Optional<Problem> problem, String argument) {

    /** The Debian packages that bring everything OCR needs here. */
    public static final String PACKAGES = "tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng";

    /** The language models every OCR user of the module needs: statements read with chi_sim and eng, ID cards with both. */
    static final List<String> LANGUAGES = List.of("chi_sim", "eng");

    /** Why OCR is unavailable; each has a message in the module's bundles ({@code rpa.ocr.problem.<name>}). */
    public enum Problem { NO_DATA_FOLDER, NO_LANGUAGE, NO_LIBRARY }

    /** Checks the folder and the models first (cheap), then loads libtesseract (the only way to know it is there). */
    public static OcrStatus probe(String datapath) {
        if (datapath == null || datapath.isBlank() || !Files.isDirectory(Path.of(datapath))) {
            return unavailable(datapath, Problem.NO_DATA_FOLDER, String.valueOf(datapath));
        }
        for (String language : LANGUAGES) {
            if (!Files.isRegularFile(Path.of(datapath, language + ".traineddata"))) {
                return unavailable(datapath, Problem.NO_LANGUAGE, language);
            }
        }
        if (!TessLibrary.loads()) {
            return unavailable(datapath, Problem.NO_LIBRARY, "libtesseract");
        }
        return new OcrStatus(datapath, Optional.empty(), "");
    }

    private static OcrStatus unavailable(String datapath, Problem problem, String argument) {
        return new OcrStatus(datapath, Optional.of(problem), argument);
    }

    public boolean available() {
        return problem.isEmpty();
    }

    /** The reason in plain English, for logs, health details and callers that have no locale. */
    public String reason() {
        return problem.map(p -> switch (p) {
            case NO_DATA_FOLDER -> "Tesseract data folder not found: " + argument;
            case NO_LANGUAGE -> "Tesseract language model missing: " + argument + ".traineddata in " + datapath;
            case NO_LIBRARY -> "the Tesseract library (libtesseract) cannot be loaded";
        }).orElse("");
    }

    /** What an operator does about it. */
    public String remedy() {
        return "apt-get install " + PACKAGES + " (or set clearflow.ocr.tessdata to the folder holding chi_sim and eng)";
    }

    /** Thrown where OCR is needed but unavailable; callers answer 503 or hand the work to a person. */
    public OcrUnavailableException unavailableException() {
        return new OcrUnavailableException(this);
    }

    /** For a bot that needs OCR: what it cannot do here, or empty when OCR runs. */
    public Optional<BotLimitation> asLimitation() {
        return problem.map(p -> new BotLimitation("ocr", p.name(), argument, reason()));
    }
}
