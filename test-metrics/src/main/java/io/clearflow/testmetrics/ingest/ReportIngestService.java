package io.clearflow.testmetrics.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.testmetrics.InputCheck;
import io.clearflow.testmetrics.TestMetricsProperties;
import io.clearflow.testmetrics.store.CoverageFileRepository;
import io.clearflow.testmetrics.store.CoverageRepository;
import io.clearflow.testmetrics.store.FindingRepository;
import io.clearflow.testmetrics.store.ReportRepository;
import io.clearflow.testmetrics.store.RunRepository;
import io.clearflow.testmetrics.store.TestResultRepository;
import io.clearflow.testmetrics.store.VersionRepository;
import jakarta.validation.Validator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an uploaded report (or a ZIP of many) under its system, version and run, in one transaction:
 * a file that turns out unreadable halfway leaves nothing behind.
 */
@Service
public class ReportIngestService {

    private static final Logger log = LoggerFactory.getLogger(ReportIngestService.class);

    /** A stored report: what the API answers. {@code entry} is the file's name inside a ZIP. */
    public record Stored(long id, String format, Map<String, Object> summary, String entry) {
    }

    /** The stored reports of an upload, and ZIP entries that were not reports (e.g. Surefire's .txt files). */
    public record Outcome(boolean zip, List<Stored> reports, List<String> skipped) {
    }

    private final TestMetricsProperties properties;
    private final VersionRepository versions;
    private final RunRepository runs;
    private final ReportRepository reports;
    private final TestResultRepository results;
    private final CoverageRepository coverage;
    private final CoverageFileRepository coverageFiles;
    private final FindingRepository findings;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    public ReportIngestService(TestMetricsProperties properties, VersionRepository versions, RunRepository runs,
                               ReportRepository reports, TestResultRepository results, CoverageRepository coverage,
                               CoverageFileRepository coverageFiles, FindingRepository findings, ObjectMapper json,
                               Validator validator) {
        this.properties = properties;
        this.versions = versions;
        this.runs = runs;
        this.reports = reports;
        this.results = results;
        this.coverage = coverage;
        this.coverageFiles = coverageFiles;
        this.findings = findings;
        this.json = json;
        this.validator = validator;
        this.clock = Clock.systemUTC();
    }

    /** Refuses a declared size over the limit before reading anything (413). */
    public void checkSize(long declaredBytes) {
        long limit = properties.maxReportSize().toBytes();
        if (declaredBytes > limit) {
            throw new ReportRejectedException(ReportRejectedException.Reason.TOO_LARGE,
                    "the file has " + declaredBytes + " bytes; the limit is " + limit + " bytes");
        }
    }

    @Transactional
    public Outcome ingest(UploadTarget target, String fileName, InputStream content, String user) {
        InputCheck.validate(validator, target, UploadTarget.INVALID);
        try {
            LimitedInputStream limited = new LimitedInputStream(content, properties.maxReportSize().toBytes(), "the file");
            BufferedInputStream in = new BufferedInputStream(limited, 65536);
            var version = versions.findOrCreate(target.project(), target.version(), clock.instant());
            var run = runs.findOrCreate(version.id(), target.run(), clock.instant());
            if (ReportReader.sniff(in) == ReportReader.Kind.ZIP) {
                return zip(in, version.id(), run.id(), user);
            }
            Stored stored = one(in, fileName, null, version.id(), run.id(), user);
            return new Outcome(false, List.of(stored), List.of());
        } catch (IOException e) {
            throw ReportRejectedException.malformed("the file could not be read to the end");
        }
    }

    private Outcome zip(InputStream in, long versionId, long runId, String user) throws IOException {
        List<Stored> stored = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        LimitedInputStream unzipped = null;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            unzipped = new LimitedInputStream(zip, properties.maxUnzippedSize().toBytes(), "the ZIP's content");
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > properties.maxZipEntries()) {
                    throw new ReportRejectedException(ReportRejectedException.Reason.TOO_LARGE,
                            "the ZIP holds more than " + properties.maxZipEntries() + " files");
                }
                BufferedInputStream entryIn = new BufferedInputStream(new ReportReader.NonClosing(unzipped), 65536);
                ReportReader.Kind kind = ReportReader.sniff(entryIn);
                if (kind == ReportReader.Kind.XML || kind == ReportReader.Kind.JSON) {
                    stored.add(one(entryIn, entry.getName(), entry.getName(), versionId, runId, user));
                } else {
                    skipped.add(entry.getName());
                }
            }
        } catch (ZipException e) {
            throw ReportRejectedException.malformed("the ZIP is damaged: " + ReportRejectedException.quote(e.getMessage()));
        } catch (ReportRejectedException e) {
            if (e.reason() == ReportRejectedException.Reason.TOO_LARGE) {
                throw e;
            }
            String where = stored.size() + skipped.size() + 1 + ". file of the ZIP";
            throw new ReportRejectedException(e.reason(), where + ": " + e.getMessage());
        }
        if (stored.isEmpty()) {
            throw new ReportRejectedException(ReportRejectedException.Reason.UNSUPPORTED,
                    "the ZIP holds no JUnit, JaCoCo, Cobertura or SARIF report");
        }
        log.info("ZIP upload: {} reports stored, {} other files skipped", stored.size(), skipped.size());
        return new Outcome(true, stored, skipped);
    }

    private Stored one(BufferedInputStream raw, String fileName, String entry, long versionId, long runId, String user)
            throws IOException {
        MessageDigest sha = sha256();
        LimitedInputStream counted = new LimitedInputStream(raw, Long.MAX_VALUE, "the file");
        DigestInputStream digesting = new DigestInputStream(counted, sha);
        long reportId = reports.insert(versionId, runId, "pending", fileName, user, clock.instant());
        StoreSink sink = new StoreSink(reportId, runId, versionId, results, coverage, coverageFiles, findings);
        ReportReader.Parsed parsed = ReportReader.read(new BufferedInputStream(digesting, 65536), sink);
        digesting.transferTo(java.io.OutputStream.nullOutputStream()); // the rest (trailing white space) for the hash
        sink.flush();
        reports.finish(reportId, parsed.format().id(), counted.count(), HexFormat.of().formatHex(sha.digest()),
                toJson(parsed.summary()));
        return new Stored(reportId, parsed.format().id(), parsed.summary(), entry);
    }

    private String toJson(Map<String, Object> summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
