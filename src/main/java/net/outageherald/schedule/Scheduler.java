package net.outageherald.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs our {@link Job}s with Quartz: one at a time per job, a run that throws is logged and the next
 * run happens as planned. Records when it started and when each job last finished or failed, on its
 * clock, for health checks.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final org.quartz.Scheduler quartz;
    private final Clock clock;
    private volatile Instant startedAt;
    private final Map<String, Instant> lastFinished = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFailed = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    public Scheduler() {
        this(Clock.systemUTC());
    }

    /** A scheduler that fires on real time but stamps starts and finishes with {@code clock}. */
    public Scheduler(Clock clock) {
        this.clock = clock;
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "outage-herald");
            p.setProperty("org.quartz.threadPool.threadCount", "3");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            quartz = new StdSchedulerFactory(p).getScheduler();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    /** Runs the job every {@code interval}, the first time after {@code initialDelay}. */
    public void every(Job job, Duration interval, Duration initialDelay) {
        JobDataMap data = new JobDataMap();
        data.put("job", job);
        data.put("scheduler", this);
        JobDetail detail = JobBuilder.newJob(QuartzAdapter.class).withIdentity(job.name()).usingJobData(data).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(job.name() + "-trigger")
                .startAt(java.util.Date.from(Instant.now().plus(initialDelay)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, interval.toMillis()))
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            quartz.scheduleJob(detail, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + job.name() + ": " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            quartz.start();
            startedAt = clock.instant();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    public boolean running() {
        try {
            return quartz.isStarted() && !quartz.isShutdown() && !quartz.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** When {@link #start()} was called; empty before. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> lastFinished(String jobName) {
        return Optional.ofNullable(lastFinished.get(jobName));
    }

    public Optional<Instant> lastFailed(String jobName) {
        return Optional.ofNullable(lastFailed.get(jobName));
    }

    /** Stops firing new runs and interrupts those in progress, which end soon after (see {@link #awaitIdle}). */
    public void stopFiring() {
        try {
            if (!quartz.isShutdown()) {
                for (JobExecutionContext running : quartz.getCurrentlyExecutingJobs()) {
                    quartz.interrupt(running.getJobDetail().getKey());
                }
                quartz.shutdown(false);
            }
        } catch (SchedulerException e) {
            LOG.warn("scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    /** Waits until no job runs, at most {@code timeout}; true if idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                running.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Stops firing and waits for running jobs to end. */
    @Override
    public void close() {
        stopFiring();
        try {
            if (!awaitIdle(Duration.ofSeconds(30))) {
                LOG.warn("a job was still running after 30 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void runGuarded(Job job) {
        running.incrementAndGet();
        try {
            job.run();
            lastFinished.put(job.name(), clock.instant());
        } catch (InterruptedException e) {
            LOG.info("{} was interrupted (shutting down)", job.name());
        } catch (Throwable t) { // a failing run must never stop the schedule
            lastFailed.put(job.name(), clock.instant());
            LOG.error("{} failed: {}", job.name(), t.toString(), t);
        } finally {
            synchronized (running) {
                running.decrementAndGet();
                running.notifyAll();
            }
        }
    }

    /** The Quartz job that calls ours. */
    @DisallowConcurrentExecution
    public static final class QuartzAdapter implements InterruptableJob {

        private volatile Thread runner;

        @Override
        public void execute(JobExecutionContext context) {
            JobDataMap data = context.getMergedJobDataMap();
            runner = Thread.currentThread();
            try {
                ((Scheduler) data.get("scheduler")).runGuarded((Job) data.get("job"));
            } finally {
                runner = null;
                Thread.interrupted(); // a stop's interrupt must not leak into Quartz's next use of the thread
            }
        }

        @Override
        public void interrupt() {
            Thread t = runner;
            if (t != null) {
                t.interrupt();
            }
        }
    }
}
