package io.clearflow.mining.xes;

import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.log.FilteringSink;
import io.clearflow.mining.log.EventSink;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.ImportResult;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.Timestamps;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streaming IEEE 1849 XES reader (plain or gzip, told apart by the magic bytes). It reads the
 * standard concept, time, lifecycle and org attributes of events and the case name of traces; other
 * attributes of any type (including the 2023 revision's and unknown ones), nested attributes, lists,
 * containers, ids, extensions and globals are skipped. Timestamps are optional in XES: an event
 * without one gets {@link Timestamps#NONE} and keeps its place in the trace; a trace without
 * {@code concept:name} is numbered ("trace 3"). DTDs and external entities are refused
 * because XES never needs them and they are the way into XXE attacks ({@link XmlScanner} has no DTD
 * support at all).
 */
public final class XesReader {

    private XesReader() {
    }

    /** Reads the whole log into memory. */
    public static ImportResult read(InputStream input, String name, ImportOptions options) throws IOException {
        EventLogBuilder builder = new EventLogBuilder(name);
        if (options.filter() != null) {
            // filtered while read: only kept cases reach the builder, and the event limit applies to them
            FilteringSink filtering = new FilteringSink(options.filter(), builder, options.maxEvents());
            int skipped = read(input, new ImportOptions(options.skipInvalid(), Integer.MAX_VALUE, options.objectType()),
                    filtering);
            filtering.endCase();
            return new ImportResult(builder.build(), skipped);
        }
        int skipped = read(input, options, builder);
        return new ImportResult(builder.build(), skipped);
    }

    /**
     * Reads the log into a sink, trace by trace ({@link EventSink#endCase} after each trace), so a
     * streaming analysis never holds more than one case. Returns the number of skipped invalid events.
     */
    public static int read(InputStream input, ImportOptions options, EventSink sink) throws IOException {
        XmlScanner scanner = new XmlScanner(decompressed(input), Parse.KEYS);
        Parse parse = new Parse(scanner, options, sink);
        scanner.scan(parse);
        return parse.finish();
    }

    /** Wraps gzip input in a decompressor; anything else is passed through. */
    public static InputStream decompressed(InputStream input) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(input, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        // the scanner reads in 64 KB blocks itself, so the inflater needs no buffer on its output
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** An event read before its trace's name; kept until the trace ends. */
    private record Pending(String activity, long timestamp, String resource, String group, String role,
                           String lifecycle, String instance) {
    }

    private static final class Parse implements XmlScanner.Handler {
        private static final String NAME = "concept:name";
        private static final String TIMESTAMP = "time:timestamp";
        private static final String RESOURCE = "org:resource";
        private static final String GROUP = "org:group";
        private static final String ROLE = "org:role";
        private static final String LIFECYCLE = "lifecycle:transition";
        private static final String INSTANCE = "concept:instance";
        /** The scanner hands these back as the same instances, so keys are compared by identity. */
        static final String[] KEYS = {NAME, TIMESTAMP, RESOURCE, GROUP, ROLE, LIFECYCLE, INSTANCE};

        private final XmlScanner xml;
        private final ImportOptions options;
        private final EventSink sink;
        private final List<Pending> trace = new ArrayList<>();
        private boolean sawLog;
        private long events;
        private int skipped;
        private int traces;
        private boolean inTrace;
        private boolean inEvent;
        private int nestedDepth;
        private int eventLine;
        private String caseId;
        private String activity;
        private long time;
        private String badTimestamp;
        private boolean hasTimestamp;
        private String resource;
        private String group;
        private String role;
        private String lifecycle;
        private String instance;

        Parse(XmlScanner xml, ImportOptions options, EventSink sink) {
            this.xml = xml;
            this.options = options;
            this.sink = sink;
        }

        int finish() {
            if (!sawLog) {
                throw new LogFormatException("not an XES log: no <log> element", "mining.format.notXes");
            }
            return skipped;
        }

        @Override
        public void start(String element) {
            if (!sawLog) {
                if (!"log".equals(element)) {
                    throw new LogFormatException("not an XES log: root element is <" + element + "> at line " + xml.line(),
                            "mining.format.notXes");
                }
                sawLog = true;
                return;
            }
            if (nestedDepth > 0) {
                nestedDepth++;
            } else if (inEvent) {
                eventAttribute(element);
                nestedDepth = 1;
            } else if (inTrace && "event".equals(element)) {
                inEvent = true;
                eventLine = xml.line();
                activity = resource = group = role = lifecycle = instance = badTimestamp = null;
                hasTimestamp = false;
            } else if (inTrace) {
                if (caseId == null) {
                    int key = xml.attribute("key");
                    int value = xml.attribute("value");
                    if (key >= 0 && value >= 0 && xml.internedValue(key) == NAME) {
                        caseId = xml.value(value);
                        flush(caseId);
                    }
                }
                nestedDepth = 1;
            } else if ("trace".equals(element)) {
                inTrace = true;
                traces++;
                caseId = null;
                trace.clear();
            } else {
                nestedDepth = 1; // log attributes, globals, extensions, classifiers
            }
        }

        private void eventAttribute(String element) {
            int keyIndex = xml.attribute("key");
            int valueIndex = xml.attribute("value");
            if (keyIndex < 0 || valueIndex < 0) {
                return;
            }
            String key = xml.internedValue(keyIndex);
            if (key == NAME) {
                activity = xml.internedValue(valueIndex);
            } else if (key == TIMESTAMP) {
                if ("date".equals(element)) {
                    timestamp(valueIndex);
                }
            } else if (key == LIFECYCLE) {
                lifecycle = xml.internedValue(valueIndex);
            } else if (key == RESOURCE) {
                resource = xml.internedValue(valueIndex);
            } else if (key == GROUP) {
                group = xml.internedValue(valueIndex);
            } else if (key == ROLE) {
                role = xml.internedValue(valueIndex);
            } else if (key == INSTANCE) {
                instance = xml.internedValue(valueIndex);
            }
        }

        private void timestamp(int valueIndex) {
            hasTimestamp = true;
            badTimestamp = null;
            time = xml.timestampValue(valueIndex);
            if (time == Long.MIN_VALUE) { // an unusual shape: the general parser decides
                String text = xml.value(valueIndex);
                try {
                    time = Timestamps.parse(text);
                } catch (IllegalArgumentException e) {
                    badTimestamp = e.getMessage();
                }
            }
        }

        @Override
        public void end(String element) {
            if (nestedDepth > 0) {
                nestedDepth--;
            } else if (inEvent) {
                inEvent = false;
                finishEvent();
            } else if (inTrace && "trace".equals(element)) {
                inTrace = false;
                flush(caseId != null ? caseId : "trace " + traces);
                sink.endCase();
            }
        }

        private void flush(String id) {
            for (Pending e : trace) {
                add(id, e.activity(), e.timestamp(), e.resource(), e.group(), e.role(), e.lifecycle(), e.instance());
            }
            trace.clear();
        }

        private void add(String id, String activityName, long timestamp, String resourceName, String groupName,
                         String roleName, String lifecycleName, String instanceName) {
            if (++events > options.maxEvents()) {
                throw new LogFormatException("log has more than " + options.maxEvents() + " events (the configured limit)",
                        "mining.format.tooManyEvents", options.maxEvents());
            }
            sink.event(id, activityName, timestamp, resourceName, groupName, roleName, lifecycleName, instanceName);
        }

        private void finishEvent() {
            String problem = null;
            if (activity == null || activity.isBlank()) {
                problem = "has no concept:name";
            } else if (badTimestamp != null) {
                problem = "has an " + badTimestamp;
            }
            if (problem != null) {
                if (!options.skipInvalid()) {
                    throw new LogFormatException("event at line " + eventLine + " " + problem
                            + " (import with skipInvalid to skip such events)", "mining.format.badEvent", eventLine);
                }
                skipped++;
                return;
            }
            if (!hasTimestamp) {
                time = Timestamps.NONE;
            }
            if (caseId != null) { // the usual order: the trace's name comes before its events
                add(caseId, activity, time, resource, group, role, lifecycle, instance);
            } else {
                trace.add(new Pending(activity, time, resource, group, role, lifecycle, instance));
            }
        }
    }
}
