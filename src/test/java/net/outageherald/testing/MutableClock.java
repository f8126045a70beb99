package net.outageherald.testing;

import java.time.Instant;
import net.outageherald.schedule.ManualClock;

/** A clock tests move by hand: the service's own {@link ManualClock}, under the name the tests know. */
public final class MutableClock extends ManualClock {

    public MutableClock(Instant start) {
        super(start);
    }
}
