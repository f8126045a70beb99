package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.outageherald.detect.HistoryPruner;
import net.outageherald.store.VisibilityRepository;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What detection computes is kept as a history: at most one sample a minute, pruned after its window. */
class VisibilityHistoryTest {

    @TempDir
    Path dir;

    @Test
    void eachJudgedMinuteLeavesOneSampleAndOldOnesArePruned() throws Exception {
        try (Harness h = new Harness(dir, "AS131279", "detection: {spread-polls: false, history-keep: 1h}\n")) {
            // GIVEN four /24s seen by 20 peers, then two of them withdrawn
            String[] kp = {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24", "175.45.179.0/24"};
            h.ripestat.as(131279, "STAR-KP", 20, kp);
            h.poll(2);
            h.ripestat.seenBy(kp[0], 0);
            h.ripestat.seenBy(kp[1], 0);
            h.poll(2);
            // a second round within the same minute adds no sample
            h.app().pollJob().run();

            VisibilityRepository history = new VisibilityRepository();
            List<VisibilityRepository.Sample> samples = h.app().database().inTransaction(tx -> history.between(tx,
                    "AS131279", Harness.START.minusSeconds(60), h.clock.instant().plusSeconds(60)));
            // THEN one sample per polled minute: the share visible falls from all to half
            assertThat(samples).extracting(VisibilityRepository.Sample::visibleShare)
                    .containsExactly(1.0, 1.0, 0.5, 0.5);
            assertThat(samples.get(0).peersSeeing()).isEqualTo(20);

            // WHEN the window has passed, THEN the pruner removes them
            h.clock.advance(Duration.ofHours(2));
            new HistoryPruner(h.app().database(), Duration.ofHours(1), h.clock).run();
            List<VisibilityRepository.Sample> left = h.app().database().inTransaction(tx -> history.between(tx,
                    "AS131279", Harness.START.minusSeconds(60), h.clock.instant()));
            assertThat(left).isEmpty();
        }
    }
}
