package io.clearflow.delivery.audit;

import io.clearflow.delivery.UnprocessableException;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A vendor system's knowledge base for reviewers (seed §(d): interface files, the data dictionary): entries that are
 * a link or an uploaded file, referenced from line annotations. Links must be http(s) (no {@code javascript:} in a
 * reviewer's page); files are served only as downloads, never rendered inline.
 */
@Service
class KnowledgeBaseService {

    static final Set<String> KINDS = Set.of("interface", "dictionary", "other");
    static final long MAX_FILE = 20L * 1024 * 1024;

    private final KnowledgeBaseRepository entries;
    private final SystemCatalog systems;
    private final AuditStorage storage;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KnowledgeBaseService(KnowledgeBaseRepository entries, SystemCatalog systems, AuditStorage storage,
                         TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.systems = systems;
        this.storage = storage;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A link ({@code url}) or a file ({@code content} with its name and size): exactly one of the two. */
    long add(String system, String title, String kind, String url, String fileName, long size, InputStream content,
             Member by) {
        if (system == null || systems.find(system).isEmpty()) {
            throw new UnprocessableException("delivery.audit.error.unknownSystem", Map.of("system", "delivery.audit.error.unknownSystem"));
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw invalid("title", "delivery.audit.kb.error.title");
        }
        String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw invalid("kind", "delivery.audit.kb.error.kind");
        }
        boolean hasUrl = url != null && !url.isBlank();
        boolean hasFile = content != null && size > 0;
        if (hasUrl == hasFile) {
            throw invalid("url", "delivery.audit.kb.error.oneOf");
        }
        if (hasUrl) {
            String link = checkedUrl(url.strip());
            return transactions.execute(tx -> entries.insert(system, t, k, link, null, null, by.userId(), clock.instant()));
        }
        if (size > MAX_FILE) {
            throw invalid("file", "delivery.audit.kb.error.tooLarge");
        }
        String name = Path.of(fileName == null || fileName.isBlank() ? "file" : fileName.replace('\\', '/')).getFileName().toString();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        Path incoming = storage.newFolder().resolve("kb");
        try {
            long copied = Files.copy(content, incoming, StandardCopyOption.REPLACE_EXISTING);
            if (copied > MAX_FILE) {
                throw invalid("file", "delivery.audit.kb.error.tooLarge");
            }
            String stored = name;
            long id = transactions.execute(tx -> entries.insert(system, t, k, null, stored, copied, by.userId(), clock.instant()));
            Files.createDirectories(storage.knowledgeFile(id).getParent());
            Files.move(incoming, storage.knowledgeFile(id), StandardCopyOption.REPLACE_EXISTING);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            storage.deleteQuietly(incoming.getParent());
        }
    }

    List<KnowledgeBaseRepository.Entry> ofSystem(String system) {
        return entries.ofSystem(system);
    }

    KnowledgeBaseRepository.Entry entry(long id) {
        return entries.find(id).orElseThrow(() -> new NotFoundException("knowledge-base entry", String.valueOf(id)));
    }

    Path file(KnowledgeBaseRepository.Entry entry) {
        Path file = storage.knowledgeFile(entry.id());
        if (entry.fileName() == null || !Files.isRegularFile(file)) {
            throw new NotFoundException("knowledge-base file", String.valueOf(entry.id()));
        }
        return file;
    }

    /** The entry an annotation references: it must exist and belong to the audit's system, else 400. */
    void checkReference(Long entryId, String system) {
        if (entryId != null && entries.find(entryId).filter(e -> e.system().equals(system)).isEmpty()) {
            throw invalid("kbEntryId", "delivery.audit.kb.error.unknown");
        }
    }

    private static String checkedUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() <= 1000 && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // falls through to the field error
        }
        throw invalid("url", "delivery.audit.kb.error.url");
    }

    private static InvalidRequestException invalid(String field, String key) {
        return new InvalidRequestException(key, Map.of(field, key));
    }
}
