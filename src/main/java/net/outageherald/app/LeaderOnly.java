package net.outageherald.app;

import java.util.function.BooleanSupplier;
import net.outageherald.schedule.Job;

/**
 * A job that does its work only on the instance that leads (see {@link Leadership}); elsewhere a run is
 * a no-op, so the schedule, and the health check watching it, stay the same on every instance. A run on an
 * instance that cannot even ask the database who leads fails, so that its health check says so.
 */
record LeaderOnly(Job job, BooleanSupplier leading, BooleanSupplier reachable) implements Job {

    @Override
    public String name() {
        return job.name();
    }

    @Override
    public void run() throws Exception {
        if (leading.getAsBoolean()) {
            job.run();
        } else if (!reachable.getAsBoolean()) {
            throw new IllegalStateException("cannot ask the database which instance leads; " + job.name()
                    + " runs nowhere it can tell");
        }
    }
}
