package io.clearflow.bots.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/rpa/documents/extract}: one multipart file (PNG, JPEG, TIFF or PDF) in, the extraction as JSON out.
 * Unreadable files get a 400/413/422 problem detail with the reason code; nothing is stored. A page that needs OCR on a
 * server without it gets a 503 that says what to install (text-layer PDFs are still read there).
 */
@RestController
class DocumentsController {

    private final DocumentExtractor extractor;
    private final MessageSource messages;

    DocumentsController(DocumentExtractor extractor, MessageSource messages) {
        this.extractor = extractor;
        this.messages = messages;
    }

    @PostMapping(path = "/api/rpa/documents/extract", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Extraction extract(@RequestParam("file") MultipartFile file, HttpServletRequest request) throws IOException {
        // bots and business staff extract documents; the platform's security config already demands a login
        if (!(request.isUserInRole("BOT") || request.isUserInRole("BUSINESS") || request.isUserInRole("ADMIN")
                || request.isUserInRole("PROCESS_OWNER"))) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "document extraction needs the BOT or BUSINESS role"), null);
        }
        return extractor.extract(file.getBytes());
    }

    @ExceptionHandler(DocumentRejectedException.class)
    ProblemDetail rejected(DocumentRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case CORRUPT, PASSWORD_PROTECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Document rejected");
        problem.setType(URI.create("urn:clearflow:rpa:document-rejected"));
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    @ExceptionHandler(OcrUnavailableException.class)
    ProblemDetail ocrUnavailable(OcrUnavailableException e) {
        OcrStatus ocr = e.status();
        var locale = LocaleContextHolder.getLocale();
        String reason = messages.getMessage("rpa.ocr.problem." + ocr.problem().orElseThrow().name(),
                new Object[] {ocr.argument()}, ocr.reason(), locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("rpa.ocr.unavailable.detail", new Object[] {reason, OcrStatus.PACKAGES}, e.getMessage(), locale));
        problem.setTitle(messages.getMessage("rpa.ocr.unavailable.title", null, "OCR unavailable", locale));
        problem.setType(URI.create("urn:clearflow:rpa:ocr-unavailable"));
        problem.setProperty("reason", ocr.problem().orElseThrow().name());
        problem.setProperty("install", OcrStatus.PACKAGES);
        problem.setProperty("remedy", ocr.remedy());
        return problem;
    }
}
