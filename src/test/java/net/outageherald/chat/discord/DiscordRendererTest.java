package net.outageherald.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.outageherald.model.Status;
import net.outageherald.model.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordRendererTest {

    private final DiscordRenderer renderer = new DiscordRenderer();

    @Test
    void anOutageIsARedEmbedWithFactsTimestampAndEvidence() {
        MessageEmbed embed = renderer.render(SenderFixtures.outageMessage());

        assertThat(embed.getColorRaw()).isEqualTo(0xED4245);
        assertThat(embed.getTitle()).isEqualTo("🔴 North Korea (KP) is offline");
        assertThat(embed.getUrl()).isEqualTo("https://stat.ripe.net/app/AS131279");
        assertThat(embed.getDescription()).startsWith("AS131279 Star Joint Venture");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).containsExactly("Peers", "Since", "Evidence");
        assertThat(embed.getFields().get(0).isInline()).isTrue();
        assertThat(embed.getTimestamp().toInstant()).isEqualTo(SenderFixtures.BEGAN);
        assertThat(embed.getFooter().getText()).isEqualTo("Data: RIPE NCC RIS");
    }

    @ParameterizedTest
    @CsvSource({"DOWN, 15548997", "PARTIAL, 15105570", "UP, 5763719", "UNKNOWN, 9807270"})
    void theColourFollowsTheStatus(Status status, int rgb) {
        assertThat(renderer.render(Message.text(status, "x", "")).getColorRaw()).isEqualTo(rgb);
    }

    @Test
    void markdownAndMentionsInNamesShowAsWritten() {
        Message m = new Message(Status.DOWN, "AS_1 *Star* <@&1> @everyone is offline", "[x](https://evil) `y`",
                List.of(new Message.Field("Holder", "Foo_Bar || Baz #1", false)), null, "javascript:alert(1)", null);

        MessageEmbed embed = renderer.render(m);

        assertThat(embed.getTitle()).isEqualTo("🔴 AS\\_1 \\*Star\\* \\<\\@&1\\> \\@everyone is offline");
        assertThat(embed.getDescription()).isEqualTo("\\[x\\](https://evil) \\`y\\`");
        assertThat(embed.getFields().get(0).getValue()).isEqualTo("Foo\\_Bar \\|\\| Baz \\#1");
        assertThat(embed.getUrl()).as("only web links become the title link").isNull();
    }

    @Test
    void linksInTextAreLeftIntactWhileTheTextAroundThemIsEscaped() {
        Message m = Message.text(Status.DOWN, "x", "Evidence for AS_1: https://stat.ripe.net/app/AS_1?q=a*b done_");

        assertThat(renderer.render(m).getDescription())
                .isEqualTo("Evidence for AS\\_1: https://stat.ripe.net/app/AS_1?q=a*b done\\_");
    }

    @Test
    void longValuesAreShortenedSayingHowMuchWasLeftOut() {
        String prefixes = IntStream.range(0, 400).mapToObj(i -> "10." + i / 256 + "." + i % 256 + ".0/24")
                .collect(Collectors.joining(", "));
        Message m = new Message(Status.PARTIAL, "x".repeat(300), "y".repeat(5000),
                List.of(new Message.Field("Prefixes", prefixes, false)), null, null, null);

        MessageEmbed embed = renderer.render(m);

        assertThat(embed.getTitle()).hasSize(256).endsWith("more characters)");
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(4096).endsWith("more characters)");
        String value = embed.getFields().get(0).getValue();
        assertThat(value).hasSizeLessThanOrEqualTo(1024).startsWith("10.0.0.0/24, 10.0.1.0/24").matches(".*… and \\d+ more");
        assertThat(embed.isSendable()).isTrue();
    }

    @Test
    void tooManyFactsKeepTheFirstAndCountTheRest() {
        List<Message.Field> fields = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fields.add(new Message.Field("Fact " + i, "v".repeat(300), true));
        }
        MessageEmbed embed = renderer.render(new Message(Status.DOWN, "Many", "s", fields, null, null, null));

        assertThat(embed.getFields()).hasSizeLessThanOrEqualTo(25);
        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
        MessageEmbed.Field last = embed.getFields().get(embed.getFields().size() - 1);
        int kept = embed.getFields().size() - 1;
        assertThat(last.getValue()).startsWith((40 - kept) + " more facts left out");
        assertThat(embed.getFields().get(0).getName()).isEqualTo("Fact 0");
    }

    @Test
    void emptyPartsAreLeftOutNotSentBlank() {
        MessageEmbed embed = renderer.render(new Message(Status.UNKNOWN, "Help", "",
                List.of(new Message.Field(" ", "", false)), null, null, " "));

        assertThat(embed.getDescription()).isNull();
        assertThat(embed.getFooter()).isNull();
        assertThat(embed.getFields().get(0).getName()).isEqualTo("\u200b");
        assertThat(embed.getFields().get(0).getValue()).isEqualTo("\u200b");
    }

    @Test
    void shorteningNeverSplitsAnEmojiOrAnEscape() {
        String emoji = "🙂".repeat(200);
        String shortened = EmbedText.shorten(emoji, 101);
        assertThat(shortened).hasSizeLessThanOrEqualTo(101);
        assertThat(Character.isHighSurrogate(shortened.charAt(shortened.indexOf('…') - 1))).isFalse();

        String escaped = EmbedText.escape("_".repeat(100));
        assertThat(EmbedText.shorten(escaped, 50)).doesNotContain("\\…");
    }
}
