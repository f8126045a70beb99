package net.outageherald.schedule;

/** A routine run on a schedule. Tests call {@link #run()} directly. */
public interface Job {

    String name();

    void run() throws Exception;
}
