package io.clearflow.delivery.audit;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.List;

/** Where a line of the old version is in the new one: null when it was changed or removed. */
final class LineMapping {

    private LineMapping() {
    }

    static Integer map(int line, List<String> before, List<String> after) {
        if (line < 1 || line > before.size()) {
            return null;
        }
        int offset = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int start = delta.getSource().getPosition() + 1;
            int size = delta.getSource().size();
            if (line < start) {
                break;
            }
            if (line < start + size) {
                return null;
            }
            offset += delta.getTarget().size() - size;
        }
        return line + offset;
    }
}
