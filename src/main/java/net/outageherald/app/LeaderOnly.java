package net.outageherald.app;

import java.util.function.BooleanSupplier;
import net.outageherald.schedule.Job;

/**
 * A job that does its work only on the instance that leads (see {@link Leadership}); elsewhere a run is
 * a no-op, so the schedule, and the health check watching it, stay the same on every instance.
 */
record LeaderOnly(Job job, BooleanSupplier leading) implements Job {

    @Override
    public String name() {
        return job.name();
    }

    @Override
    public void run() throws Exception {
        if (leading.getAsBoolean()) {
            job.run();
        }
    }
}
