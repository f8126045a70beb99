package net.outageherald.chat.discord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.outageherald.model.Target;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Subscription;
import net.outageherald.subscribe.Subscriptions;

/** Subscriptions in a list; remembers every {@code endAll} with its reason. */
final class FakeSubscriptions implements Subscriptions {

    /** One call of endAll. */
    record Ended(Destination destination, String reason) {
    }

    final List<Subscription> all = new CopyOnWriteArrayList<>();
    final List<Ended> ended = new CopyOnWriteArrayList<>();

    void add(String channelId, String targetKey) {
        all.add(new Subscription(new Destination(Platform.DISCORD, channelId), targetKey, false, Instant.EPOCH));
    }

    void clear() {
        all.clear();
        ended.clear();
    }

    @Override
    public Result subscribe(Destination destination, Target target) {
        all.add(new Subscription(destination, target.key(), false, Instant.EPOCH));
        return new Result(Outcome.ADDED, of(destination).size(), 50, null);
    }

    @Override
    public boolean unsubscribe(Destination destination, Target target) {
        return all.removeIf(s -> s.destination().equals(destination) && s.targetKey().equals(target.key()));
    }

    @Override
    public List<Subscription> of(Destination destination) {
        return all.stream().filter(s -> s.destination().equals(destination)).toList();
    }

    @Override
    public List<Subscription> byPlatform(Platform platform) {
        return all.stream().filter(s -> s.destination().platform() == platform).toList();
    }

    @Override
    public int endAll(Destination destination, String reason) {
        List<Subscription> gone = new ArrayList<>(of(destination));
        all.removeAll(gone);
        ended.add(new Ended(destination, reason));
        return gone.size();
    }

    @Override
    public int move(Destination from, Destination to) {
        return 0;
    }
}
