package net.outageherald.notify.message;

import java.time.Duration;

/** HumanDurations in the units people use: "9 h 31 min", "2 days 3 h", "less than a minute". */
public final class HumanDurations {

    private HumanDurations() {
    }

    public static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "less than a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            String s = days + (days == 1 ? " day" : " days");
            return hours > 0 ? s + " " + hours + " h" : s;
        }
        if (hours > 0) {
            return mins > 0 ? hours + " h " + mins + " min" : hours + " h";
        }
        return mins + " min";
    }
}
