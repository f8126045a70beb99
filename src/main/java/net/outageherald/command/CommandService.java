package net.outageherald.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Set;
import net.outageherald.chart.VisibilityChart;
import net.outageherald.detect.LiveChecker;
import net.outageherald.model.Countries;
import net.outageherald.model.Country;
import net.outageherald.model.Destination;
import net.outageherald.model.InvalidTargetException;
import net.outageherald.model.Message.Field;
import net.outageherald.model.Message;
import net.outageherald.model.Status;
import net.outageherald.model.Subscription;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.notify.message.HumanFormat;
import net.outageherald.store.Database;
import net.outageherald.store.Outage;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.subscribe.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command logic both chat platforms share. Every path answers; nothing throws at the user. */
public final class CommandService implements ChatCommands {

    private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
    private static final int HISTORY_ROWS = 10;

    private final TargetParser parser;
    private final Subscriptions subscriptions;
    private final Database db;
    private final Clock clock;
    private final StatusReplies statusReplies;
    private final StatusAnswers statusAnswers;
    private final Function<Target, Optional<String>> refusal;
    private final Function<String, Optional<String>> signalNote;
    private final TargetRepository targets = new TargetRepository();
    private final OutageRepository outages = new OutageRepository();
    private final TargetSuggestions suggestions;
    private final ChartAnswers charts;

    /**
     * @param freshFor /status reuses the poller's state when it is younger than this, else checks live
     */
    public CommandService(TargetParser parser, Subscriptions subscriptions, LiveChecker checker, Database db,
                          Clock clock, Duration freshFor) {
        this(parser, subscriptions, checker, db, clock, freshFor, StatusAnswers.DEFAULT_MAX_LIVE_PREFIXES);
    }

    /**
     * @param maxLivePrefixes /status of a target with more prefixes than this (or of a country not resolved
     *                        yet) answers from the last poll instead of checking live
     */
    public CommandService(TargetParser parser, Subscriptions subscriptions, LiveChecker checker, Database db,
                          Clock clock, Duration freshFor, int maxLivePrefixes) {
        this(parser, subscriptions, checker, db, clock, freshFor, maxLivePrefixes, t -> Optional.empty(),
                () -> StatusReplies.DEFAULT_SOURCE);
    }

    /** /status of a target with more prefixes than this answers from the last poll instead of checking live. */
    public static final int MAX_LIVE_PREFIXES = StatusAnswers.DEFAULT_MAX_LIVE_PREFIXES;

    /**
     * @param refusal why a target may not be followed (too many prefixes, or the watch list's cap), if so
     * @param source  the footer of /status: where the data comes from and how that source is doing
     */
    public CommandService(TargetParser parser, Subscriptions subscriptions, LiveChecker checker, Database db,
                          Clock clock, Duration freshFor, int maxLivePrefixes,
                          Function<Target, Optional<String>> refusal, Supplier<String> source) {
        this(parser, subscriptions, checker, db, clock, freshFor, maxLivePrefixes, refusal, source,
                key -> Optional.empty(), true);
    }

    /**
     * @param signalNote for a target another source speaks for (a country watched through IODA's BGP signal):
     *                   which one, and what it said last, so /status and /subscribe say so; empty otherwise
     * @param charts     whether /chart draws charts ({@code charts.enabled})
     */
    public CommandService(TargetParser parser, Subscriptions subscriptions, LiveChecker checker, Database db,
                          Clock clock, Duration freshFor, int maxLivePrefixes,
                          Function<Target, Optional<String>> refusal, Supplier<String> source,
                          Function<String, Optional<String>> signalNote, boolean charts) {
        this.signalNote = signalNote;
        this.charts = new ChartAnswers(db, clock, new VisibilityChart()::render, charts, signalNote);
        this.parser = parser;
        this.subscriptions = subscriptions;
        this.suggestions = new TargetSuggestions(subscriptions, db, Countries.all());
        this.db = db;
        this.clock = clock;
        this.refusal = refusal;
        this.statusReplies = new StatusReplies(Countries.all(), source);
        this.statusAnswers = new StatusAnswers(checker, db, clock, freshFor, maxLivePrefixes, statusReplies,
                signalNote);
    }

    @Override
    public Reply help() {
        return Reply.ok(new Message(Status.UP, "Outage Herald",
                "I watch the global routing table and tell this chat when a network or country drops off the "
                        + "Internet, and when it is back.",
                List.of(new Field("Commands", "/status <target> — current status, checked live\n"
                                + "/subscribe <target> — follow a target here (admins)\n"
                                + "/unsubscribe <target> — stop following (admins)\n"
                                + "/subscriptions — what this chat follows\n"
                                + "/history <target> — recent outages\n"
                                + "/chart <target> — visibility over the last 24 hours, as a chart\n"
                                + "/help — this text", false),
                        new Field("Targets", "an AS number (AS131279), a prefix (175.45.176.0/22, 2001:db8::/32), "
                                + "or a country (KP, North Korea)", false),
                        new Field("Data", "RIPE NCC Routing Information Service (RIS) through RIPEstat: which "
                                + "RIS peers see each prefix, about a minute behind real time. IODA (Georgia Tech) as a "
                                + "second opinion, and for countries too large to watch prefix by prefix.", false)),
                null, null, null));
    }

    @Override
    public Reply status(String text) {
        return guarded("status", () -> statusAnswers.status(parse(text)));
    }

    @Override
    public Reply subscribe(Destination destination, String text) {
        return guarded("subscribe", () -> {
            Target target = parse(text);
            String name = displayName(target);
            boolean following = subscriptions.of(destination).stream().anyMatch(s -> s.targetKey().equals(target.key()));
            Optional<String> no = following ? Optional.empty() : refusal.apply(target);
            if (no.isPresent()) {
                // nothing is stored: the watch list stays within what this service can watch
                return Reply.error("Cannot follow " + name, capitalised(no.get()) + ".");
            }
            Subscriptions.Result r = subscriptions.subscribe(destination, target);
            // honest about who speaks for it: a country too large for the prefix-level watch is IODA's
            String via = signalNote.apply(target.key()).map(n -> " Watched through IODA, not prefix by prefix ("
                    + n + ").").orElse("");
            return switch (r.outcome()) {
                case LIMIT_REACHED -> Reply.error("Subscription limit reached",
                        "This chat already follows " + r.count() + " targets, the limit is " + r.limit()
                                + ". Unsubscribe from one first (/subscriptions lists them).");
                case ALREADY -> Reply.ok(Message.text(Status.UP, "Already subscribed to " + name,
                        "This chat already follows " + name + "." + via));
                case ADDED -> Reply.ok(Message.text(r.ongoing() == null ? Status.UP : r.ongoing().severity(),
                        "Subscribed to " + name,
                        "This chat will be told when " + name + " goes offline and when it comes back."
                                + (r.ongoing() == null ? "" : " Right now it is " + r.ongoing().severity().words()
                                + " (since " + HumanFormat.timeIn(r.ongoing().since(), localCountry(target))
                                + "): you will be told when it is back.") + via));
            };
        });
    }

    @Override
    public Reply unsubscribe(Destination destination, String text) {
        return guarded("unsubscribe", () -> {
            Target target = parse(text);
            if (!subscriptions.unsubscribe(destination, target)) {
                boolean fromConfig = subscriptions.of(destination).stream()
                        .anyMatch(s -> s.isStatic() && s.targetKey().equals(target.key()));
                if (fromConfig) {
                    return Reply.error("Set by the operator",
                            "This chat follows " + target.key() + " because the bot's config says so; only the "
                                    + "operator can change that.");
                }
                return Reply.error("Not subscribed to " + target.key(),
                        "This chat does not follow " + target.key() + ". /subscriptions lists what it follows.");
            }
            return Reply.ok(Message.text(Status.UP, "Unsubscribed from " + displayName(target),
                    "This chat will no longer hear about " + target.key() + "."));
        });
    }

    @Override
    public Reply subscriptions(Destination destination) {
        return guarded("subscriptions", () -> {
            List<Subscription> subs = subscriptions.of(destination);
            if (subs.isEmpty()) {
                return Reply.ok(Message.text(Status.UP, "No subscriptions",
                        "This chat follows nothing yet. Try /subscribe AS131279 or /subscribe KP."));
            }
            List<String> lines = new ArrayList<>();
            for (Subscription s : subs) {
                lines.add(s.targetKey() + (s.isStatic() ? " (set by the operator)" : ""));
            }
            return Reply.ok(Message.text(Status.UP, "This chat follows " + HumanFormat.count(subs.size(), "target",
                    "targets"), String.join("\n", lines)));
        });
    }

    @Override
    public Reply history(String text) {
        return guarded("history", () -> {
            Target target = parse(text);
            List<Outage> list = db.inTransaction(tx -> outages.history(tx, target.key(), HISTORY_ROWS));
            if (list.isEmpty()) {
                return Reply.ok(Message.text(Status.UP, "No outages of " + displayName(target),
                        "None recorded since we started watching " + target.key() + "."));
            }
            Instant now = clock.instant();
            Country country = localCountry(target);
            List<String> lines = new ArrayList<>();
            for (Outage o : list) {
                lines.add(statusReplies.historyLine(o, now, country));
            }
            return Reply.ok(Message.text(list.get(0).ongoing() ? list.get(0).severity() : Status.UP,
                    "Recent outages of " + displayName(target), String.join("\n", lines)));
        });
    }

    @Override
    public List<Suggestion> suggest(Destination in, String partial, int max) {
        return suggestions.any(in, partial, max);
    }

    @Override
    public List<Suggestion> suggestFollowed(Destination in, String partial, int max) {
        return suggestions.followed(in, partial, max);
    }

    @Override
    public Reply chart(String text) {
        return guarded("chart", () -> charts.chart(parse(text)));
    }

    /** Every command reads its target the same way: cleaned of what nobody means to type, then parsed. */
    private Target parse(String text) {
        return parser.parse(CommandText.clean(text));
    }

    private Country localCountry(Target target) {
        try {
            return statusReplies.countryOf(target, db.inTransaction(tx -> targets.find(tx, target.key())));
        } catch (RuntimeException e) {
            return statusReplies.countryOf(target, Optional.empty());
        }
    }

    private String displayName(Target target) {
        try {
            return db.inTransaction(tx -> targets.find(tx, target.key())).map(TargetRecord::name)
                    .orElse(target.label());
        } catch (RuntimeException e) {
            return target.label();
        }
    }

    private interface Work {
        Reply run() throws Exception;
    }

    private Reply guarded(String command, Work work) {
        try {
            return work.run();
        } catch (InvalidTargetException e) {
            return Reply.error("Not a target I understand", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error("Interrupted", "The bot is shutting down; try again in a minute.");
        } catch (Exception e) {
            LOG.error("/{} failed: {}", command, e.toString(), e);
            return Reply.error("Something went wrong on our side",
                    "The command could not be completed. Try again in a minute; if it keeps failing, tell the "
                            + "bot's operator.");
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
