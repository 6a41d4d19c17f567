package io.clearflow.mining.importer;

import io.clearflow.mining.csv.ColumnMapping;
import io.clearflow.mining.csv.CsvReader;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.ImportResult;
import io.clearflow.mining.ocel.OcelReader;
import io.clearflow.mining.xes.XesReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Imports a file as XES, XES.gz, CSV or OCEL 2.0 (JSON or XML, flattened on
 * {@link ImportOptions#objectType}): by its name when it says, otherwise by its first bytes.
 */
public final class LogImporter {

    private LogImporter() {
    }

    public static ImportResult importFile(Path file, ColumnMapping mapping, ImportOptions options) throws IOException {
        return importFile(file, mapping, options, file.getFileName().toString());
    }

    /** @param fileName the name the file was uploaded under, for the format and as the log's name */
    public static ImportResult importFile(Path file, ColumnMapping mapping, ImportOptions options, String fileName)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importStream(in, fileName, mapping, options);
        }
    }

    /** @param fileName the original name, used for the format and as the log's name */
    public static ImportResult importStream(InputStream input, String fileName, ColumnMapping mapping,
                                            ImportOptions options) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        if (isOcel(in, fileName)) {
            return filtered(new ImportResult(OcelReader.read(in).flatten(options.objectType(), fileName,
                    options.maxEvents()), 0), options);
        }
        // a CSV may interleave its cases, so it is filtered once read; XES while it is read
        return isCsv(in, fileName) ? filtered(CsvReader.read(in, fileName, mapping, options), options)
                : XesReader.read(in, fileName, options);
    }

    private static ImportResult filtered(ImportResult result, ImportOptions options) {
        return options.filter() == null ? result
                : new ImportResult(options.filter().apply(result.log()), result.skippedEvents());
    }

    private static boolean isOcel(BufferedInputStream in, String fileName) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xes") || name.endsWith(".gz") || name.endsWith(".csv")) {
            return false;
        }
        return OcelReader.isOcelName(fileName) || OcelReader.looksLikeOcel(in);
    }

    private static boolean isCsv(BufferedInputStream in, String fileName) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return true;
        }
        if (name.endsWith(".xes") || name.endsWith(".xes.gz") || name.endsWith(".gz")) {
            return false;
        }
        in.mark(64);
        int first;
        do {
            first = in.read();
        } while (first == ' ' || first == '\n' || first == '\r' || first == '\t' || first == 0xEF || first == 0xBB
                || first == 0xBF);
        in.reset();
        return first != '<' && first != 0x1f;
    }
}
