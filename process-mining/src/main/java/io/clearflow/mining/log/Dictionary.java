package io.clearflow.mining.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns strings as dense int ids so a log stores one int per event and attribute instead of a String. */
final class Dictionary {

    static final int NONE = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    private String lastValue;
    private int lastId = NONE;

    int id(String value) {
        if (value == null) {
            return NONE;
        }
        if (value.equals(lastValue)) { // consecutive events mostly share their case, often their resource
            return lastId;
        }
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            ids.put(value, id);
            values.add(value);
        }
        lastValue = value;
        lastId = id;
        return id;
    }

    String value(int id) {
        return values.get(id);
    }

    int size() {
        return values.size();
    }

    String[] toArray() {
        return values.toArray(String[]::new);
    }
}
