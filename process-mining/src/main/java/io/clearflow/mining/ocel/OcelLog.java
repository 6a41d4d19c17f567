package io.clearflow.mining.ocel;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.log.LogFormatException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What flattening needs of an OCEL 2.0 log: events with their related objects, and each object's type. */
public record OcelLog(List<Event> events, Map<String, String> objectTypes) {

    public record Event(String id, String type, long time, String resource, List<String> objects) {
    }

    /** An object type with how many objects it has and how many events relate to one of them. */
    public record ObjectType(String name, long objects, long events) {
    }

    /** The object types found, by name. */
    public List<ObjectType> types() {
        Map<String, long[]> counts = new TreeMap<>();
        objectTypes.values().forEach(t -> counts.computeIfAbsent(t, k -> new long[2])[0]++);
        for (Event event : events) {
            event.objects().stream().map(objectTypes::get).filter(t -> t != null).distinct()
                    .forEach(t -> counts.get(t)[1]++);
        }
        List<ObjectType> result = new ArrayList<>();
        counts.forEach((name, c) -> result.add(new ObjectType(name, c[0], c[1])));
        return result;
    }

    /**
     * The log flattened on one object type, as pm4py's {@code ocel_flattening}: every object of the type
     * is a case, and an event belongs to the case of each object of that type it relates to (so one event
     * may appear in several cases, and events relating to no such object are in none). Events are taken
     * in time order, ties in file order. With {@code objectType} {@code null} a log with one object type
     * is flattened on it; with several the caller must choose.
     */
    public EventLog flatten(String objectType, String name, int maxEvents) {
        String type = objectType;
        List<ObjectType> types = types();
        if (type == null || type.isBlank()) {
            if (types.size() != 1) {
                throw new LogFormatException("choose the object type to flatten this OCEL log on: "
                        + String.join(", ", types.stream().map(ObjectType::name).toList()));
            }
            type = types.get(0).name();
        } else if (types.stream().noneMatch(t -> t.name().equals(objectType))) {
            throw new LogFormatException("the OCEL log has no object type '" + objectType + "'; it has: "
                    + String.join(", ", types.stream().map(ObjectType::name).toList()));
        }
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(Event::time)); // stable: ties keep file order
        EventLogBuilder builder = new EventLogBuilder(name);
        for (Event event : ordered) {
            List<String> seen = new ArrayList<>(2);
            for (String object : event.objects()) {
                if (type.equals(objectTypes.get(object)) && !seen.contains(object)) {
                    seen.add(object);
                    if (builder.size() >= maxEvents) {
                        throw new LogFormatException("flattened log has more than " + maxEvents
                                + " events (the configured limit)");
                    }
                    builder.add(object, event.type(), event.time(), event.resource(), null, null, null, null);
                }
            }
        }
        return builder.build();
    }
}
