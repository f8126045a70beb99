package net.outageherald.chat.discord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.outageherald.command.ChatCommands;
import net.outageherald.command.Reply;
import net.outageherald.command.Suggestion;
import net.outageherald.model.Status;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;

/**
 * Records what the Discord front-end asked for and answers with fixed replies. {@code /status} can be held
 * back with {@link #holdStatus()} to stand for a slow live check.
 */
final class FakeChatCommands implements ChatCommands {

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile Reply statusReply = Reply.ok(new Message(Status.DOWN, "North Korea (KP) is offline",
            "All 4 prefixes withdrawn.", List.of(new Message.Field("Prefixes", "175.45.176.0/24", true)),
            null, "https://stat.ripe.net/AS131279", "Data: RIPE NCC RIS"));
    volatile Reply subscribeReply = Reply.ok(Message.text(Status.UP, "Subscribed", "This channel now follows KP."));
    volatile List<Suggestion> suggestions = List.of(new Suggestion("AS131279 STAR-KP", "AS131279"),
            new Suggestion("North Korea (KP)", "KP"), new Suggestion("not a target", "Atlantis"),
            new Suggestion("North Korea again", "KP"));
    volatile List<Suggestion> followed = List.of(new Suggestion("AS64500 EXAMPLE", "AS64500"));
    private volatile CountDownLatch statusGate = new CountDownLatch(0);

    /** /status blocks until {@link #releaseStatus()}. */
    void holdStatus() {
        statusGate = new CountDownLatch(1);
    }

    void releaseStatus() {
        statusGate.countDown();
    }

    volatile Reply chartReply = Reply.withChart(Message.text(Status.UP, "Visibility of North Korea (KP)",
            "Last 24 hours."), net.outageherald.testing.TinyPng.bytes());

    @Override
    public Reply chart(String target) {
        calls.add("chart " + target);
        return chartReply;
    }

    @Override
    public Reply help() {
        calls.add("help");
        return Reply.ok(Message.text(Status.UNKNOWN, "Outage Herald", "Commands: /status, /subscribe, ..."));
    }

    @Override
    public Reply status(String target) {
        calls.add("status " + target);
        try {
            statusGate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (statusReply == null) {
            throw new IllegalStateException("live check exploded");
        }
        return statusReply;
    }

    @Override
    public Reply subscribe(Destination destination, String target) {
        calls.add("subscribe " + destination.id() + " " + target);
        return subscribeReply;
    }

    @Override
    public Reply unsubscribe(Destination destination, String target) {
        calls.add("unsubscribe " + destination.id() + " " + target);
        return Reply.ok(Message.text(Status.UNKNOWN, "Unsubscribed", "No more messages about " + target));
    }

    @Override
    public Reply subscriptions(Destination destination) {
        calls.add("subscriptions " + destination.id());
        return Reply.ok(Message.text(Status.UNKNOWN, "This channel follows", "KP"));
    }

    @Override
    public Reply history(String target) {
        calls.add("history " + target);
        return Reply.ok(Message.text(Status.UNKNOWN, "Recent outages of " + target, "None in the last 90 days."));
    }

    @Override
    public List<Suggestion> suggest(Destination in, String partial, int max) {
        calls.add("suggest " + in.id() + " " + partial);
        return suggestions;
    }

    @Override
    public List<Suggestion> suggestFollowed(Destination in, String partial, int max) {
        calls.add("suggestFollowed " + in.id() + " " + partial);
        return followed;
    }
}
