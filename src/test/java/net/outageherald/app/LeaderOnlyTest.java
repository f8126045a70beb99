package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import net.outageherald.schedule.Job;
import org.junit.jupiter.api.Test;

/** A leader-only job: works on the leader, idles on one standing by, fails where nobody can tell who leads. */
class LeaderOnlyTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final Job poll = new Job() {
        @Override
        public String name() {
            return "poll";
        }

        @Override
        public void run() {
            runs.incrementAndGet();
        }
    };

    @Test
    void runsOnTheLeaderOnly() throws Exception {
        new LeaderOnly(poll, () -> true, () -> true).run();
        new LeaderOnly(poll, () -> false, () -> true).run();
        assertThat(runs).hasValue(1);
        assertThat(new LeaderOnly(poll, () -> false, () -> true).name()).isEqualTo("poll");
    }

    @Test
    void failsWhereTheDatabaseCannotSayWhoLeads() {
        assertThatThrownBy(() -> new LeaderOnly(poll, () -> false, () -> false).run())
                .hasMessageContaining("cannot ask the database which instance leads");
        assertThat(runs).hasValue(0);
    }
}
