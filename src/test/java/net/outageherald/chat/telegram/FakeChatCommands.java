package net.outageherald.chat.telegram;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.outageherald.command.ChatCommands;
import net.outageherald.command.Reply;
import net.outageherald.command.Suggestion;
import net.outageherald.model.InvalidTargetException;
import net.outageherald.model.Status;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;

/** Command logic stand-in: parses targets like the real one, records calls, and can hold /status. */
final class FakeChatCommands implements ChatCommands {

    static final int LIMIT = 3;

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile CountDownLatch statusGate;
    private final TargetParser parser = new TargetParser();
    private final Map<Destination, Set<String>> subscriptions = new HashMap<>();

    @Override
    public Reply help() {
        calls.add("help");
        return Reply.ok(Message.text(Status.UP, "Outage Herald", "I tell this chat when networks drop off the Internet. "
                + TargetParser.ACCEPTED_FORMS + " Data: RIPE NCC RIS via RIPEstat."));
    }

    @Override
    public Reply status(String target) {
        calls.add("status " + target);
        CountDownLatch gate = statusGate;
        if (gate != null) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return parsed(target, t -> Reply.ok(Message.text(Status.UP, t.label() + " is online", "All prefixes visible.")));
    }

    @Override
    public synchronized Reply subscribe(Destination destination, String target) {
        calls.add("subscribe " + destination.key() + " " + target);
        return parsed(target, t -> {
            Set<String> mine = subscriptions.computeIfAbsent(destination, d -> new HashSet<>());
            if (!mine.contains(t.key()) && mine.size() >= LIMIT) {
                return Reply.error("Subscription limit reached", "This chat follows " + LIMIT + " targets, the most it may.");
            }
            mine.add(t.key());
            return Reply.ok(Message.text(Status.UP, "Subscribed to " + t.label(), ""));
        });
    }

    @Override
    public synchronized Reply unsubscribe(Destination destination, String target) {
        calls.add("unsubscribe " + destination.key() + " " + target);
        return parsed(target, t -> subscriptions.getOrDefault(destination, Set.of()).remove(t.key())
                ? Reply.ok(Message.text(Status.UP, "Unsubscribed from " + t.label(), ""))
                : Reply.error("Not subscribed", "This chat does not follow " + t.label() + "."));
    }

    @Override
    public synchronized Reply subscriptions(Destination destination) {
        calls.add("subscriptions " + destination.key());
        return Reply.ok(Message.text(Status.UP, "This chat follows",
                String.join(", ", subscriptions.getOrDefault(destination, Set.of()))));
    }

    @Override
    public Reply history(String target) {
        calls.add("history " + target);
        return parsed(target, t -> Reply.ok(Message.text(Status.UP, "No outages of " + t.label(), "")));
    }

    /** A watched target (KP) has a chart; AS64500 is not watched; anything else has too little history. */
    @Override
    public Reply chart(String target) {
        calls.add("chart " + target);
        return parsed(target, t -> switch (t.key()) {
            case "KP" -> Reply.withChart(Message.text(Status.UP, "Visibility of North Korea (KP)", "Last 24 hours."),
                    net.outageherald.testing.TinyPng.bytes());
            case "AS64500" -> Reply.error("No history for AS64500", "AS64500 is not watched, so there is no history "
                    + "to draw: subscribe first.");
            default -> Reply.error("Not enough history for " + t.label() + " yet", "Charts need at least 2 samples.");
        });
    }

    @Override
    public List<Suggestion> suggest(Destination in, String partial, int max) {
        return List.of();
    }

    @Override
    public List<Suggestion> suggestFollowed(Destination in, String partial, int max) {
        return List.of();
    }

    private Reply parsed(String text, java.util.function.Function<Target, Reply> then) {
        try {
            return then.apply(parser.parse(text));
        } catch (InvalidTargetException e) {
            return Reply.error("Invalid target", e.getMessage());
        }
    }
}
