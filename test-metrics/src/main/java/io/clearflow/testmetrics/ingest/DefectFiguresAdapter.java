package io.clearflow.testmetrics.ingest;

import io.clearflow.testmetrics.api.DefectFigures;
import io.clearflow.testmetrics.store.DefectRepository;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public {@link DefectFigures} over {@code tm_defect}. */
@Component
class DefectFiguresAdapter implements DefectFigures {

    private final DefectRepository defects;

    DefectFiguresAdapter(DefectRepository defects) {
        this.defects = defects;
    }

    @Override
    @Transactional(readOnly = true)
    public List<VersionDefects> perVersion() {
        return defects.countsPerVersion();
    }
}
