package net.outageherald.source.rislive;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscribe and unsubscribe frames still to send on the current connection, and what RIS Live will
 * have once they are sent. A change of the watch list queues only the difference, new subscriptions first
 * so that replacing a /24 by its /22 leaves no gap; a subscription cancelled before it was sent is dropped
 * from the queue instead of being sent and then undone. Not thread-safe: {@link RisLiveClient} holds its lock.
 */
final class SubscriptionQueue {

    private final Set<String> active = new LinkedHashSet<>();
    /** data → true to subscribe, false to unsubscribe; in sending order. */
    private final Map<String, Boolean> pending = new LinkedHashMap<>();

    /** A new connection: RIS Live knows nothing yet, so everything goes out again. */
    void reset(List<String> plan) {
        active.clear();
        pending.clear();
        for (String data : plan) {
            active.add(data);
            pending.put(data, true);
        }
    }

    /** A new plan on the same connection: queue what differs. */
    void update(List<String> plan) {
        Set<String> wanted = new LinkedHashSet<>(plan);
        for (String data : wanted) {
            if (!active.contains(data)) {
                enqueue(data, true);
            }
        }
        for (String data : active) {
            if (!wanted.contains(data)) {
                enqueue(data, false);
            }
        }
        active.clear();
        active.addAll(wanted);
    }

    /** The next frame to send, or null when there is none. */
    String poll() {
        Iterator<Map.Entry<String, Boolean>> it = pending.entrySet().iterator();
        if (!it.hasNext()) {
            return null;
        }
        Map.Entry<String, Boolean> next = it.next();
        it.remove();
        return SubscriptionPlan.frame(next.getKey(), next.getValue());
    }

    /** The connection is gone: nothing is active any more. */
    void clear() {
        active.clear();
        pending.clear();
    }

    int pending() {
        return pending.size();
    }

    int active() {
        return active.size();
    }

    private void enqueue(String data, boolean subscribe) {
        Boolean queued = pending.get(data);
        if (queued != null && queued != subscribe) {
            pending.remove(data); // the opposite was never sent: both cancel out
        } else {
            pending.put(data, subscribe);
        }
    }
}
