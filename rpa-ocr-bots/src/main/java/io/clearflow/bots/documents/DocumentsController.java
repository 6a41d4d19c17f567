package io.clearflow.bots.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
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
 * Unreadable files get a 400/413/422 problem detail with the reason code; nothing is stored.
 */
@RestController
class DocumentsController {

    private final DocumentExtractor extractor;

    DocumentsController(DocumentExtractor extractor) {
        this.extractor = extractor;
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
}
