package net.outageherald.outbox;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.outageherald.config.ConfigLoader;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.outbox.NotifyConfig.Rate;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.NotifyHarness;
import net.outageherald.testing.WiredNotifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sender's own global rate (Telegram's paid broadcasts) replaces the default limit, never the operator's. */
class PaidBroadcastRateTest {

    @TempDir
    Path dir;

    @Test
    void aSenderAllowedAThousandASecondSendsThatManyWhenTheOperatorSetNoLimit() throws Exception {
        assertThat(deliveredAtOneInstant("console: false")).isEqualTo(100);
    }

    @Test
    void theOperatorsOwnGlobalLimitWinsOverTheSenders() throws Exception {
        assertThat(deliveredAtOneInstant("""
                console: false
                platforms:
                  telegram:
                    global: 30/1s
                """)).isEqualTo(30);
    }

    @Test
    void limitsWrittenInCodeAreChoicesAndTheDefaultsAreNot() {
        assertThat(NotifyConfig.defaults().limits(Platform.TELEGRAM).globalSet()).isFalse();
        assertThat(NotifyConfig.PlatformLimits.unlimited(1).withSenderGlobal(Optional.of(Rate.perSecond(1000)))
                .global()).isNull();
    }

    /** 100 private chats owed one message each, delivered at one instant by a sender allowed 1000/1s. */
    private int deliveredAtOneInstant(String notifyYaml) throws JsonProcessingException {
        NotifyConfig config = bind(notifyYaml);
        try (NotifyHarness h = new NotifyHarness(dir, config)) {
            for (int i = 1; i <= 100; i++) {
                h.subscriptions.subscribe(tg(String.valueOf(i)), new Target.As(1));
            }
            h.outageStarted("AS1");
            Sender paid = new Sender() {
                @Override
                public Platform platform() {
                    return Platform.TELEGRAM;
                }

                @Override
                public SendResult send(Delivery delivery) {
                    return h.telegram.send(delivery);
                }

                @Override
                public ChatKinds chatKinds() {
                    return h.telegram.chatKinds();
                }

                @Override
                public Optional<Rate> globalRate() {
                    return Optional.of(Rate.perSecond(1000));
                }
            };
            WiredNotifier.wire(config, h.db, new FakeMessages(), List.of(paid), h.registry, h.clock).notifier()
                    .drainOnce();
            return h.telegram.delivered().size();
        }
    }

    private static NotifyConfig bind(String yaml) throws JsonProcessingException {
        ObjectNode document = new YAMLMapper().createObjectNode();
        document.set("notify", new YAMLMapper().readTree(yaml));
        return ConfigLoader.bind(document, Map.of(), Path.of(""), root -> NotifyConfigBinder.from(root.section("notify")));
    }
}
