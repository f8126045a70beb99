package net.outageherald.chat.discord;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.outageherald.chat.discord.DiscordFrontEnd.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the gateway sessions of this instance's shards: ready once every one of them is connected,
 * registers the slash commands when shard 0 is ready (they are global, one set per application, so one
 * instance of a cluster does it), and turns a refused session (close 4004 bad token, 4014 disallowed
 * intents) into one clear error instead of a silent bot.
 */
final class SessionListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionListener.class);

    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final DiscordShards shards;
    private final Set<Integer> connected = ConcurrentHashMap.newKeySet();
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean loggedIn;
    private volatile boolean warnedUnreachable;

    SessionListener(DiscordShards shards) {
        this.shards = shards;
    }

    State state() {
        return state.get();
    }

    void disable() {
        state.set(State.DISABLED);
    }

    void connecting() {
        state.set(State.CONNECTING);
    }

    void loggedIn() {
        loggedIn = true;
        if (warnedUnreachable) {
            LOG.info("Discord reachable again; logged in");
        }
    }

    void unreachable(Exception e, Duration retryIn) {
        if (!warnedUnreachable) {
            warnedUnreachable = true;
            LOG.warn("Discord cannot be reached ({}); trying again in the background, first in {}",
                    e.getMessage(), retryIn);
        } else {
            LOG.debug("Discord still unreachable ({}); next try in {}", e.getMessage(), retryIn);
        }
    }

    /** One clear error; Discord stays off and nothing is thrown. */
    void fail(String why) {
        if (state.getAndSet(State.FAILED) != State.FAILED) {
            LOG.error(why);
        }
        settled.countDown();
    }

    void stopping() {
        stopping = true;
    }

    void stopped() {
        if (state.get() != State.DISABLED && state.get() != State.NEW) {
            state.set(State.STOPPED);
        }
        settled.countDown();
    }

    boolean awaitSettled(Duration timeout) throws InterruptedException {
        return settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Ready only once JDA says CONNECTED for every shard held here: it fires ReadyEvent a moment before,
     * when sends still fail.
     */
    @Override
    public void onStatusChange(StatusChangeEvent event) {
        if (event.getNewStatus() == JDA.Status.CONNECTED && connected.add(shardId(event.getJDA()))
                && connected.containsAll(shards.ids()) && state.compareAndSet(State.CONNECTING, State.READY)) {
            settled.countDown();
        }
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        LOG.info("Discord shard {} ready as {} in {} servers", shard(jda), jda.getSelfUser().getName(),
                event.getGuildTotalCount());
        if (shardId(jda) != 0) {
            return;
        }
        jda.updateCommands().addCommands(SlashCommands.all()).queue(
                registered -> LOG.info("Registered {} slash commands", registered.size()),
                failure -> {
                    if (!stopping) {
                        LOG.error("Could not register the slash commands: {}", failure.getMessage());
                    }
                });
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        if (stopping || event.getCode() == 1000 && !loggedIn) {
            return; // our own stop, or JDA closing after a rejected login that start() reports itself
        }
        CloseCode code = event.getCloseCode();
        if (code == CloseCode.AUTHENTICATION_FAILED) {
            fail("Discord rejected the bot token at the gateway (close 4004 Authentication failed): check "
                    + DiscordConfig.TOKEN_ENV + " or discord.token-file. Discord stays off; everything else keeps "
                    + "running.");
        } else if (code == CloseCode.DISALLOWED_INTENTS || code == CloseCode.INVALID_INTENTS) {
            fail("Discord refused the gateway intents (close " + event.getCode() + "). Discord stays off.");
        } else {
            fail("Discord connection of shard " + shard(event.getJDA()) + " ended for good (close " + event.getCode()
                    + (code == null ? "" : " " + code.getMeaning()) + "). Discord stays off until restart.");
        }
    }

    private static int shardId(JDA jda) {
        return jda.getShardInfo().getShardId();
    }

    private static String shard(JDA jda) {
        return jda.getShardInfo().getShardId() + " of " + jda.getShardInfo().getShardTotal();
    }
}
