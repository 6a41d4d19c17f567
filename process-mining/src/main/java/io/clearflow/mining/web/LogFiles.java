package io.clearflow.mining.web;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.ocel.OcelLog;
import io.clearflow.mining.ocel.OcelReader;
import io.clearflow.mining.store.LogStore;
import io.clearflow.mining.store.MiningProperties;
import io.clearflow.mining.xes.XesExporter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Log files in and out. Uploads: the size and emptiness rules, then the import; the API refuses with a problem, the
 * page gets the refusal as a message key with the parser's reason in the reader's language. Downloads: XES.
 */
@Component
class LogFiles {

    private final LogStore store;
    private final LogResolver resolver;
    private final MiningProperties properties;
    private final MessageSource messages;

    LogFiles(LogStore store, LogResolver resolver, MiningProperties properties, MessageSource messages) {
        this.store = store;
        this.resolver = resolver;
        this.properties = properties;
        this.messages = messages;
    }

    ImportedLog importLog(MultipartFile file, LogUpload upload, LogParameters filter) throws IOException {
        requireUsable(file);
        try (InputStream content = file.getInputStream()) {
            var stored = store.importLog(file.getOriginalFilename(), content, upload.columns(), upload.skipping(),
                    upload.objectType(), filter == null ? null : filter.filter());
            return ImportedLog.of(stored.id(), LogSummary.of(stored.log()), stored.skippedEvents());
        } catch (LogFormatException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** Offered before an OCEL upload, so the user can choose what a case is. Nothing is stored. */
    List<OcelLog.ObjectType> objectTypes(MultipartFile file) throws IOException {
        requireUsable(file);
        try (InputStream content = file.getInputStream()) {
            return OcelReader.read(content).types();
        } catch (LogFormatException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    UploadOutcome importFromPage(MultipartFile file, LogUpload upload) throws IOException {
        if (file.isEmpty()) {
            return UploadOutcome.refused("mining.upload.empty");
        }
        if (tooLarge(file)) {
            return UploadOutcome.refused("mining.upload.tooLarge");
        }
        try (InputStream content = file.getInputStream()) {
            var stored = store.importLog(file.getOriginalFilename(), content, upload.pageColumns(), upload.skipping(),
                    upload.pageObjectType());
            return UploadOutcome.imported(stored.id());
        } catch (LogFormatException e) {
            // the reason in the reader's language, never the parser's English
            return UploadOutcome.refused("mining.upload.unreadable",
                    messages.getMessage(e.reasonKey(), e.reasonArgs(), LocaleContextHolder.getLocale()));
        }
    }

    /** The log or filtered slice as XES, written while it is sent. */
    StreamingResponseBody xes(String id, LogParameters parameters) {
        EventLog log = resolver.resolve(id, parameters);
        return out -> {
            try {
                XesExporter.write(log, out);
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        };
    }

    /** The upload limit as the page states it. */
    String uploadLimit() {
        return properties.maxUploadSize().toMegabytes() + " MB";
    }

    /** A page refusal in the reader's language. */
    String message(UploadOutcome refusal) {
        return messages.getMessage(refusal.errorKey(), refusal.args(), LocaleContextHolder.getLocale());
    }

    private void requireUsable(MultipartFile file) {
        if (tooLarge(file)) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "event log larger than " + properties.maxUploadSize() + " (clearflow.mining.max-upload-size)");
        }
        if (file.isEmpty()) {
            throw new InvalidRequestException("mining.error.emptyFile");
        }
    }

    private boolean tooLarge(MultipartFile file) {
        return file.getSize() > properties.maxUploadSize().toBytes();
    }
}
