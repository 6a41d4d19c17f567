package io.clearflow.delivery.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewUnitsTest {

    private static PackageDiff.FileChange change(String path, String module, PackageDiff.Hunk... hunks) {
        int lines = java.util.Arrays.stream(hunks).mapToInt(PackageDiff.Hunk::lines).sum();
        return new PackageDiff.FileChange(path, module, "x", PackageDiff.Kind.MODIFIED, lines, 0, List.of(hunks));
    }

    @Test
    void unitsHoldAtMost400LinesAndAnHourAndStayInTheirModule() {
        List<PackageDiff.FileChange> changes = List.of(
                change("trade/a.c", "trade", new PackageDiff.Hunk(10, 250), new PackageDiff.Hunk(400, 250)),
                change("trade/b.c", "trade", new PackageDiff.Hunk(1, 1000)),
                change("clear/c.c", "clear", new PackageDiff.Hunk(5, 30)));
        List<ReviewUnits.Unit> units = ReviewUnits.split(changes, 400, 400);

        assertThat(units).allSatisfy(u -> {
            assertThat(u.changedLines()).isBetween(1, 400);
            assertThat(u.minutes()).isBetween(1, 60);
            assertThat(u.parts()).allSatisfy(p -> assertThat(p.path()).startsWith(u.module() + "/"));
            assertThat(u.parts().stream().mapToInt(ReviewUnits.Part::lines).sum()).isEqualTo(u.changedLines());
        });
        assertThat(units.stream().mapToInt(ReviewUnits.Unit::changedLines).sum()).isEqualTo(250 + 250 + 1000 + 30);
        assertThat(units.stream().filter(u -> u.module().equals("trade")).count()).isEqualTo((1500 + 399) / 400);
        // the 1000-line region is cut where the units end and continues on the next line
        assertThat(units.stream().flatMap(u -> u.parts().stream()).filter(p -> p.path().equals("trade/b.c")))
                .extracting(ReviewUnits.Part::fromLine).startsWith(1);
        assertThat(units).extracting(ReviewUnits.Unit::no).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void theEstimateFollowsTheReviewSpeed() {
        var units = ReviewUnits.split(List.of(change("m/a.c", "m", new PackageDiff.Hunk(1, 200))), 400, 500);
        assertThat(units).singleElement().satisfies(u -> assertThat(u.minutes()).isEqualTo(24));
    }

    @Test
    void modulesAreTheLeadingFolders() {
        assertThat(new PackageDiff(1).module("trade/src/a.c")).isEqualTo("trade");
        assertThat(new PackageDiff(2).module("trade/src/a.c")).isEqualTo("trade/src");
        assertThat(new PackageDiff(2).module("trade/a.c")).isEqualTo("trade");
        assertThat(new PackageDiff(1).module("a.c")).isEqualTo("/");
    }
}
