package io.clearflow.bots.documents;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document types as configuration: the built-in {@code rpa/document-types.json} resource, or an external
 * file of the same shape that replaces it (so a firm adds a type without a release).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentTypes(double lowConfidenceThreshold, List<Type> types) {

    public static final String RESOURCE = "/rpa/document-types.json";
    public static final String UNCLASSIFIED = "unclassified";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Type(String id, String name, String nameEn, List<String> keywords, int minKeywords,
                       List<String> keyFields, List<Field> fields, Transactions transactions, List<Check> checks) {
        public Type {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            keyFields = keyFields == null ? List.of() : List.copyOf(keyFields);
            fields = fields == null ? List.of() : List.copyOf(fields);
            checks = checks == null ? List.of() : List.copyOf(checks);
            minKeywords = Math.max(1, minKeywords);
        }
    }

    /**
     * A labelled field: kind is text (with pattern), date, amount, signed-amount or integer. {@code synonyms} are
     * further wordings of the label that firms print (手续费合计, 费用, Commission), matched like the labels.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String name, List<String> labels, List<String> synonyms, String kind, String pattern, String normalise,
                        boolean optional) {
        public Field {
            labels = labels == null ? List.of() : List.copyOf(labels);
            synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
            kind = kind == null ? "text" : kind;
        }

        /** The labels, then the synonyms. */
        public List<String> allLabels() {
            List<String> all = new java.util.ArrayList<>(labels);
            all.addAll(synonyms);
            return all;
        }
    }

    /**
     * Transaction lines: their fields, the line patterns that read them, the words for each direction and, per field,
     * the values known in advance ({@code known}: e.g. the firm's counterparties from its master data), against which a
     * misread free-text value is corrected ({@link KnownValues}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transactions(List<String> fields, List<String> patterns, Map<String, String> directions,
                               Map<String, List<String>> known) {
        public Transactions {
            known = known == null ? Map.of() : Map.copyOf(known);
        }

        public Transactions(List<String> fields, List<String> patterns, Map<String, String> directions) {
            this(fields, patterns, directions, Map.of());
        }
    }

    /** sum of the terms (field names, {@code +credits}, {@code -debits}, signed with a leading + or -) equals a field. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(String name, List<String> sum, String equals) { }

    public Optional<Type> type(String id) {
        return types.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static DocumentTypes builtIn() {
        try (InputStream in = DocumentTypes.class.getResourceAsStream(RESOURCE)) {
            return validate(MAPPER.readValue(in, DocumentTypes.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The external file when given (it replaces the built-in types), else the built-in ones. */
    public static DocumentTypes load(String externalFile) {
        if (externalFile == null || externalFile.isBlank()) {
            return builtIn();
        }
        try {
            return validate(MAPPER.readValue(Files.readAllBytes(Path.of(externalFile)), DocumentTypes.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read document types from " + externalFile + ": " + e.getMessage(), e);
        }
    }

    static DocumentTypes validate(DocumentTypes t) {
        if (t.types() == null || t.types().isEmpty()) {
            throw new IllegalStateException("document types: none defined");
        }
        for (Type type : t.types()) {
            if (type.id() == null || type.id().isBlank() || UNCLASSIFIED.equals(type.id())) {
                throw new IllegalStateException("document types: a type needs an id other than " + UNCLASSIFIED);
            }
            for (Field f : type.fields()) {
                if (f.labels().isEmpty()) {
                    throw new IllegalStateException("document type " + type.id() + ": field " + f.name() + " has no labels");
                }
                if ("text".equals(f.kind()) && (f.pattern() == null || f.pattern().isBlank())) {
                    throw new IllegalStateException("document type " + type.id() + ": text field " + f.name() + " needs a pattern");
                }
                if (f.pattern() != null) {
                    java.util.regex.Pattern.compile(f.pattern());
                }
            }
        }
        double threshold = t.lowConfidenceThreshold() <= 0 ? 0.75 : t.lowConfidenceThreshold();
        return new DocumentTypes(threshold, List.copyOf(t.types()));
    }
}
