package net.outageherald.chat.discord;

import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/** JDA's session controller, connecting to the configured gateway instead of Discord's built-in address. */
final class FixedGatewayController extends ConcurrentSessionController {

    private final String gatewayUrl;

    FixedGatewayController(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }
}
