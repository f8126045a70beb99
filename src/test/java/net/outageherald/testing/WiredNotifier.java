package net.outageherald.testing;

import java.time.Clock;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.notify.Notifier;
import net.outageherald.notify.message.Messages;
import net.outageherald.outbox.Charts;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.outbox.Sender;
import net.outageherald.store.Database;
import net.outageherald.store.NotificationLogRepository;
import net.outageherald.subscribe.SubscriptionService;

/** A notifier wired as the composition root wires it: one notification log and one subscription room. */
public record WiredNotifier(Notifier notifier, SubscriptionService subscriptions) {

    public static WiredNotifier wire(NotifyConfig config, Database db, Messages messages, List<Sender> senders,
                                     MeterRegistry registry, Clock clock) {
        return wire(config, db, messages, senders, registry, clock, Charts.NONE);
    }

    public static WiredNotifier wire(NotifyConfig config, Database db, Messages messages, List<Sender> senders,
                                     MeterRegistry registry, Clock clock, Charts charts) {
        NotificationLog told = new NotificationLogRepository();
        SubscriptionService subscriptions = new SubscriptionService(db, told,
                config.maxSubscriptionsPerDestination(), clock);
        return new WiredNotifier(new Notifier(config, db, messages, senders, told, subscriptions, registry, clock, charts),
                subscriptions);
    }
}
