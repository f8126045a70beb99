package net.outageherald.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.outageherald.model.Countries;
import net.outageherald.model.Country;
import net.outageherald.model.Destination;
import net.outageherald.model.Subscription;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.subscribe.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a target being typed may be: the chat's own subscriptions that match (by key or name), then countries
 * by code, name or other name ({@link Countries#matching}). Other chats' subscriptions are never offered: what
 * one server follows is not another's business. Reads only; a database that cannot answer leaves countries.
 */
final class TargetSuggestions {

    private static final Logger LOG = LoggerFactory.getLogger(TargetSuggestions.class);

    private final Subscriptions subscriptions;
    private final Database db;
    private final Countries countries;
    private final TargetRepository targets = new TargetRepository();

    TargetSuggestions(Subscriptions subscriptions, Database db, Countries countries) {
        this.subscriptions = subscriptions;
        this.db = db;
        this.countries = countries;
    }

    /** The chat's matching subscriptions, then matching countries; at most {@code max}, no value twice. */
    List<Suggestion> any(Destination in, String partial, int max) {
        Map<String, Suggestion> out = new LinkedHashMap<>();
        followed(in, partial, max).forEach(s -> out.putIfAbsent(s.value(), s));
        for (Country c : countries.matching(partial, max)) {
            out.putIfAbsent(c.code(), new Suggestion(c.name() + " (" + c.code() + ")", c.code()));
        }
        return out.values().stream().limit(Math.max(0, max)).toList();
    }

    /** Only what the chat follows (for /unsubscribe): keys that start with the text, then names that contain it. */
    List<Suggestion> followed(Destination in, String partial, int max) {
        String p = squash(partial);
        List<Subscription> subs;
        Map<String, String> names = new HashMap<>();
        try {
            subs = subscriptions.of(in);
            db.inTransaction(tx -> {
                for (Subscription sub : subs) {
                    targets.find(tx, sub.targetKey()).map(TargetRecord::name).filter(n -> !n.isBlank())
                            .ifPresent(n -> names.put(sub.targetKey(), n));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("autocomplete could not read the subscriptions of {}: {}", in, e.getMessage());
            return List.of();
        }
        List<Suggestion> byKey = new ArrayList<>();
        List<Suggestion> byName = new ArrayList<>();
        for (String key : subs.stream().map(Subscription::targetKey).distinct().sorted().toList()) {
            String name = names.getOrDefault(key, key);
            String label = squash(name).contains(squash(key)) ? name : name + " (" + key + ")";
            Suggestion s = new Suggestion(label, key);
            if (squash(key).startsWith(p)) {
                byKey.add(s);
            } else if (squash(name).contains(p) || countryNamed(key, partial)) {
                byName.add(s);
            }
        }
        byKey.addAll(byName);
        return byKey.stream().limit(Math.max(0, max)).toList();
    }

    /** A followed country the text names another way ("usa" for US). */
    private boolean countryNamed(String key, String partial) {
        return key.length() == 2 && !partial.isBlank()
                && countries.matching(partial, 5).stream().anyMatch(c -> c.code().equals(key));
    }

    /** Lower case without spaces or dashes, so "as 131" finds AS131279. */
    private static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "");
    }
}
