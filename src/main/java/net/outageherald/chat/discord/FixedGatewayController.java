package net.outageherald.chat.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * JDA's session controller, connecting to the configured gateway instead of the address Discord hands out.
 * The shard manager still asks Discord ({@code GET /gateway/bot}) how many sessions may start at once, so
 * that the shards of a large bot identify in parallel as Discord allows; only the URL is replaced.
 */
final class FixedGatewayController extends ConcurrentSessionController {

    private final String gatewayUrl;

    FixedGatewayController(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway discord = super.getShardedGateway(api);
        return new ShardedGateway(gatewayUrl, discord.getShardTotal(), Math.max(1, discord.getConcurrency()));
    }
}
