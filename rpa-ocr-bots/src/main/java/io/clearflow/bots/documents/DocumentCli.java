package io.clearflow.bots.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch form of {@code POST /api/rpa/documents/extract}: prints one JSON object per file (JSON Lines), or with
 * {@code --pretty} an indented one. Options: {@code --types=FILE} (own document types), {@code --tessdata=DIR}.
 * Exit code 0 when every file was read, 2 when some were rejected (their line carries {@code rejected}).
 */
public final class DocumentCli {

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, java.io.PrintStream out) throws Exception {
        String typesFile = null;
        String tessdata = TesseractOcr.DEFAULT_DATAPATH;
        boolean pretty = false;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--types=")) {
                typesFile = a.substring(8);
            } else if (a.startsWith("--tessdata=")) {
                tessdata = a.substring(11);
            } else if (a.equals("--pretty")) {
                pretty = true;
            } else if (Files.isDirectory(Path.of(a))) {
                try (var s = Files.list(Path.of(a))) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            out.println("usage: DocumentCli [--types=FILE] [--tessdata=DIR] [--pretty] FILE|DIR...");
            return 1;
        }
        ObjectMapper json = new ObjectMapper();
        if (pretty) {
            json.enable(SerializationFeature.INDENT_OUTPUT);
        }
        int rejected = 0;
        try (DocumentExtractor extractor = new DocumentExtractor(DocumentTypes.load(typesFile), tessdata)) {
            for (Path f : files) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", f.toString());
                try {
                    line.put("extraction", extractor.extract(Files.readAllBytes(f)));
                } catch (DocumentRejectedException e) {
                    line.put("rejected", e.reason().name());
                    line.put("detail", e.getMessage());
                    rejected++;
                }
                out.println(json.writeValueAsString(line));
            }
        }
        return rejected == 0 ? 0 : 2;
    }
}
