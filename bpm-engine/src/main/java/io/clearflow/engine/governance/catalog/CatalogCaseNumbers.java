package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.forms.BusinessNumbers;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Business numbers of catalog cases: the first three letters of the process key, the year and a
 * six-digit running number shared by all catalog processes ({@code EXP-2026-000123}).
 */
@Component
class CatalogCaseNumbers implements BusinessNumbers {

    private final CaseNumberRepository numbers;
    private final Clock clock;

    CatalogCaseNumbers(CaseNumberRepository numbers, Clock clock) {
        this.numbers = numbers;
        this.clock = clock;
    }

    @Override
    public String next(ProcessDefinition definition) {
        var now = clock.instant();
        long number = numbers.draw(definition.getKey(), now);
        return String.format(Locale.ROOT, "%s-%d-%06d", prefix(definition.getKey()), now.atZone(ZoneOffset.UTC).getYear(),
                number);
    }

    /** The first three letters of the key, upper case ({@code expenseClaim} → {@code EXP}); {@code CASE} without letters. */
    static String prefix(String processKey) {
        String letters = processKey == null ? "" : processKey.replaceAll("[^A-Za-z]", "");
        return letters.isEmpty() ? "CASE" : letters.substring(0, Math.min(3, letters.length())).toUpperCase(Locale.ROOT);
    }
}
