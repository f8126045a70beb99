package net.outageherald.detect;

import java.util.List;
import net.outageherald.model.Target;

/** The targets to poll now: the config's list and whatever chats subscribed to. */
@FunctionalInterface
public interface WatchList {
    List<Target> targets();
}
