package net.outageherald.schedule;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Where a {@link Scheduler}'s jobs live: Quartz's memory, or its JDBC job store on PostgreSQL in cluster
 * mode ({@code JobStoreTX}, {@code PostgreSQLDelegate}, {@code isClustered}), on a pool we already have.
 * Every instance on one database uses the same scheduler name (Quartz's {@code SCHED_NAME}) and its own
 * instance id; each checks in every {@code clusterCheckinInterval}, and one that stops is recovered by the
 * others.
 */
final class ClusteredStore {

    /** The name the instances of one database share in Quartz's tables. */
    static final String NAME = "outage-herald";

    private ClusteredStore() {
    }

    static Properties inMemory() {
        Properties p = new Properties();
        // in memory every scheduler is on its own: a name of its own keeps two in one JVM (tests) apart
        p.setProperty("org.quartz.scheduler.instanceName", NAME + "-" + shortId());
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return p;
    }

    static Properties postgres(DataSource dataSource, Duration checkin) {
        // Quartz finds its data source by name in a JVM-wide registry; one name per scheduler
        String ds = "herald-" + shortId();
        DBConnectionManager.getInstance().addConnectionProvider(ds, new PoolProvider(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        // Quartz's AUTO id is host name and milliseconds, which two schedulers started at once in one JVM share
        p.setProperty("org.quartz.scheduler.instanceId", host() + "-" + shortId());
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", ds);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(Math.max(1000, checkin.toMillis())));
        p.setProperty("org.quartz.jobStore.useProperties", "true"); // we store no objects, only names
        return p;
    }

    /**
     * Builds the Quartz scheduler. Quartz keeps schedulers in a JVM-wide registry by name and hands an
     * existing one back; ours is taken out of it at once, so each {@link Scheduler} has its own.
     */
    static org.quartz.Scheduler create(Properties p) {
        synchronized (ClusteredStore.class) {
            try {
                org.quartz.Scheduler s = new StdSchedulerFactory(p).getScheduler();
                SchedulerRepository.getInstance().remove(s.getSchedulerName());
                return s;
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
            }
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "herald";
        }
    }

    /** Connections from our pool; the pool is closed with the database, not by Quartz. */
    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
