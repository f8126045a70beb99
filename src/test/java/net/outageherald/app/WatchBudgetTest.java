package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.outageherald.command.Reply;
import net.outageherald.detect.Resolved;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Countries;
import net.outageherald.model.Target;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No silent sampling: a target too large, or one that would take the watch list past its cap, is refused with the numbers. */
class WatchBudgetTest {

    @TempDir
    Path dir;

    @Test
    void aTargetWithMorePrefixesThanTheLimitIsRefusedNotCutAndNotAskedAgainAtOnce() throws Exception {
        try (Harness h = new Harness(dir, "", "detection: {max-prefixes-per-target: 3}\n")) {
            // GIVEN an AS announcing five prefixes, above the limit of three
            h.ripestat.as(64500, "BIG", 20, "10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24", "10.0.4.0/24");

            // WHEN it is resolved, twice
            Resolved first = h.app().resolver().resolve(new Target.As(64500));
            int calls = h.ripestat.requestCount();
            Resolved again = h.app().resolver().resolve(new Target.As(64500));

            // THEN none of its prefixes is watched, the refusal gives the numbers, and RIPEstat is not asked again
            assertThat(first.prefixes()).isEmpty();
            assertThat(first.refusal()).contains("AS64500 announces 5 prefixes, more than the 3",
                    "detection.max-prefixes-per-target");
            assertThat(again.refusal()).isEqualTo(first.refusal());
            assertThat(h.ripestat.requestCount()).isEqualTo(calls);
            assertThat(h.app().watchBudget().refusal(new Target.As(64500))).contains(first.refusal());
        }
    }

    @Test
    void aSubscriptionPastTheGlobalCapIsRefusedWithTheNumbersAndOneWithinItIsNot() throws Exception {
        try (Harness h = new Harness(dir, "AS64500", "detection: {max-watched-prefixes: 5, spread-polls: false}\n")) {
            // GIVEN four prefixes watched, of a cap of five
            h.ripestat.as(64500, "WATCHED", 20, "10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24");
            h.ripestat.as(64501, "SMALL", 20, "10.1.0.0/24");
            h.ripestat.as(64502, "TWO", 20, "10.2.0.0/24", "10.2.1.0/24");
            h.poll(1);

            // THEN one more fits, two more do not, and the refusal says how many of what
            assertThat(h.app().watchBudget().refusal(new Target.As(64501))).isEmpty();
            assertThat(h.app().watchBudget().refusal(new Target.As(64502))).hasValueSatisfying(r -> assertThat(r)
                    .contains("would add 2 prefixes to the 4", "limit of 5", "detection.max-watched-prefixes"));
            // a target already watched never counts twice
            assertThat(h.app().watchBudget().refusal(new Target.As(64500))).isEmpty();

            // and through the chat command: a polite refusal with the numbers, and nothing stored
            Destination chat = new Destination(Platform.TELEGRAM, "42");
            Reply r = h.app().commands().subscribe(chat, "AS64502");
            assertThat(r.ok()).isFalse();
            assertThat(r.message().headline()).isEqualTo("Cannot follow AS64502 TWO");
            assertThat(r.message().summary()).contains("Following AS64502 would add 2 prefixes to the 4");
            assertThat(h.app().subscriptions().of(chat)).isEmpty();
            assertThat(h.app().commands().subscribe(chat, "AS64501").ok()).isTrue();
        }
    }

    @Test
    void withoutIodaACountryIsRefusedWithoutAskingForAllOfIt() throws Exception {
        try (Harness h = new Harness(dir, "", "detection: {max-prefixes-per-target: 2}\nioda: {enabled: false}\n")) {
            // GIVEN a country of three ASes with two prefixes each
            h.ripestat.as(64510, "A", 20, "10.10.0.0/24", "10.10.1.0/24");
            h.ripestat.as(64511, "B", 20, "10.11.0.0/24", "10.11.1.0/24");
            h.ripestat.as(64512, "C", 20, "10.12.0.0/24", "10.12.1.0/24");
            h.ripestat.country("CF", 64510L, 64511L, 64512L);

            // WHEN it is resolved, THEN it is refused at "more than" the limit, before the third AS is asked
            Resolved r = h.app().resolver().resolve(new Target.Land(Countries.all().byCode("CF").orElseThrow()));
            assertThat(r.refusal()).contains("more than 2 prefixes");
            assertThat(h.ripestat.takeRequestPaths(50)).noneMatch(p -> p.contains("64512"));
        }
    }
}
