/** Scheduling: our own job interface and one Quartz adapter that runs jobs and survives their failures. */
package net.outageherald.schedule;
