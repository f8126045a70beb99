package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.outageherald.command.Reply;
import net.outageherald.model.Status;
import net.outageherald.model.Message;
import org.junit.jupiter.api.Test;

class TelegramRendererTest {

    private final TelegramRenderer renderer = new TelegramRenderer();

    @Test
    void headlineIsBoldBehindTheStatusEmojiAndFactsFollow() {
        Message m = new Message(Status.DOWN, "North Korea (KP) is offline", "All 4 prefixes withdrawn.",
                List.of(new Message.Field("Upstream", "AS4837 China Unicom", true)), Instant.parse("2014-12-22T16:15:00Z"),
                "https://stat.ripe.net/widget/routing-history#w.resource=AS131279&w.x=1", "Data: RIPE NCC RIS");

        String html = renderer.render(m);

        assertThat(html).isEqualTo("""
                🔴 <b>North Korea (KP) is offline</b>
                All 4 prefixes withdrawn.

                <b>Upstream:</b> AS4837 China Unicom

                <a href="https://stat.ripe.net/widget/routing-history#w.resource=AS131279&amp;w.x=1">Evidence</a>
                <i>Data: RIPE NCC RIS · 2014-12-22 16:15 UTC</i>""");
    }

    @Test
    void holderNamesFullOfMarkupAreEscaped() {
        String holder = "<b>Evil</b> & Sons_Ltd *Net* <script>alert(1)</script> a<b";
        Message m = new Message(Status.PARTIAL, holder + " is partly offline", "Holder: " + holder,
                List.of(new Message.Field("<Holder & co>", holder, false)), null, null, null);

        String html = renderer.render(m);

        assertThat(html).doesNotContain("<b>Evil").doesNotContain("<script>").doesNotContain("a<b");
        assertThat(html).contains("&lt;b&gt;Evil&lt;/b&gt; &amp; Sons_Ltd *Net* &lt;script&gt;alert(1)&lt;/script&gt; a&lt;b");
        assertThat(html).contains("<b>&lt;Holder &amp; co&gt;:</b>");
        assertThat(stripKnownTags(html)).doesNotContain("<").doesNotContain(">");
    }

    @Test
    void aLinkThatIsNotHttpIsNotMadeALink() {
        Message m = new Message(Status.DOWN, "x", "", List.of(), null, "javascript:alert(1)", null);

        assertThat(renderer.render(m)).doesNotContain("href");
    }

    @Test
    void longListsAreShortenedWithACountOfWhatWasLeftOut() {
        String prefixes = IntStream.range(0, 1000).mapToObj(i -> "10." + (i / 256) + "." + (i % 256) + ".0/24")
                .collect(Collectors.joining(", "));
        Message m = new Message(Status.DOWN, "Big Net is offline", "Many prefixes.",
                List.of(new Message.Field("Prefixes", prefixes, false), new Message.Field("Upstream", "AS4837", false)),
                Instant.EPOCH, null, "Data: RIPE NCC RIS");

        String html = renderer.render(m);

        assertThat(html.length()).isLessThan(TelegramRenderer.MAX_LENGTH);
        assertThat(html).containsPattern("10\\.0\\.0\\.0/24, 10\\.0\\.1\\.0/24, .*, … and \\d+ more");
        assertThat(html).contains("<b>Upstream:</b> AS4837").contains("Data: RIPE NCC RIS");
        int kept = html.split(", ").length - 1;
        int more = Integer.parseInt(html.replaceAll("(?s).*… and (\\d+) more.*", "$1"));
        assertThat(kept + more).isEqualTo(1000);
    }

    @Test
    void longLineListsAndHugeTextsFitToo() {
        String lines = IntStream.range(0, 500).mapToObj(i -> "AS" + i + " <Holder " + i + "> & co").collect(Collectors.joining("\n"));
        String blob = "&".repeat(20_000);
        Message m = new Message(Status.DOWN, "<".repeat(5000), blob, List.of(new Message.Field("Affected", lines, false)),
                null, "https://example.org/?" + "&".repeat(5000), "&".repeat(5000));

        String html = renderer.render(m);

        assertThat(html.length()).isLessThan(TelegramRenderer.MAX_LENGTH);
        assertThat(html).contains("AS0 &lt;Holder 0&gt; &amp; co");
        long kept = html.lines().filter(l -> l.matches("(<b>Affected:</b> )?AS\\d+ &lt;Holder \\d+&gt; &amp; co")).count();
        int more = Integer.parseInt(html.replaceAll("(?s).*… and (\\d+) more.*", "$1"));
        assertThat(kept + more).isEqualTo(500);
        assertThat(html).doesNotContainPattern("&(?!amp;|lt;|gt;|quot;)");
    }

    @Test
    void thousandsOfFieldsAreDroppedFromTheEndWithACount() {
        List<Message.Field> fields = IntStream.range(0, 2000).mapToObj(i -> new Message.Field("F" + i, "v" + i, true)).toList();

        String html = renderer.render(new Message(Status.UP, "Many facts", "", fields, null, null, null));

        assertThat(html.length()).isLessThan(TelegramRenderer.MAX_LENGTH);
        assertThat(html).contains("<b>F0:</b> v0").containsPattern("… and \\d+ more$");
    }

    @Test
    void emojiAreNeverCutInHalf() {
        Message m = Message.text(Status.UP, "🟢".repeat(300), "");

        String html = renderer.render(m);

        assertThat(html.codePoints().filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)).isEmpty();
    }

    @Test
    void errorRepliesCarryAWarningSign() {
        assertThat(renderer.render(Reply.error("Unknown country", "'Atlantis' is not a country we know.")))
                .isEqualTo("⚠️ <b>Unknown country</b>\n'Atlantis' is not a country we know.");
    }

    private static String stripKnownTags(String html) {
        return html.replaceAll("</?(b|i|a)( href=\"[^\"]*\")?>", "");
    }
}
