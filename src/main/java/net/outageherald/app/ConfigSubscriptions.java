package net.outageherald.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.outageherald.chat.discord.DiscordConfigBinder;
import net.outageherald.model.Destination;
import net.outageherald.model.Target;

/**
 * What the config file itself asks for: the subscriptions written under {@code telegram:} and {@code discord:},
 * and with them the targets watched before anyone subscribes by command. Config subscriptions are the
 * operator's: they are synced at every start and never ended by a send failure.
 */
final class ConfigSubscriptions {

    private ConfigSubscriptions() {
    }

    /** The subscriptions the config asks for, per destination (one destination named twice is merged). */
    static Map<Destination, List<Target>> of(HeraldConfig config) {
        Map<Destination, List<Target>> out = new LinkedHashMap<>();
        config.telegram().subscriptions().forEach(s -> out.merge(s.destination(), s.targets(),
                ConfigSubscriptions::concat));
        config.discord().subscriptions().forEach(s -> out.merge(s.destination(), DiscordConfigBinder.targets(s),
                ConfigSubscriptions::concat));
        return out;
    }

    /** The config's {@code watch:} targets, then those its subscriptions follow. */
    static List<Target> targets(HeraldConfig config) {
        List<Target> out = new ArrayList<>(config.watch());
        of(config).values().forEach(out::addAll);
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
