package net.outageherald.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.outageherald.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code discord.shards}: how an operator writes which shards an instance runs, and what a mistake says. */
class DiscordShardsTest {

    @Test
    void byDefaultOneInstanceRunsTheOneShard() {
        assertThat(DiscordConfig.defaults().shards()).isEqualTo(new DiscordShards(1, List.of(0)));
        assertThat(TestDiscordConfig.bind("", Map.of()).shards()).isEqualTo(DiscordShards.single());
        assertThat(DiscordShards.single().holdsAll()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1/0;        1; 0",
            "2/1;        2; 1",
            "4/0,1;      4; 0 1",
            "8/0-3;      8; 0 1 2 3",
            "4;          4; 0 1 2 3",
            "' 4 / 2 , 0';4; 0 2",
            "16/7,0-1;   16; 0 1 7"})
    void totalSlashIdsWithListsAndRanges(String text, int total, String ids) {
        DiscordShards shards = DiscordShards.parse(text);

        assertThat(shards.total()).isEqualTo(total);
        assertThat(shards.ids()).containsExactlyElementsOf(
                java.util.Arrays.stream(ids.split(" ")).map(Integer::valueOf).toList());
        assertThat(DiscordShards.parse(shards.toString())).as("toString reads back").isEqualTo(shards);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "4/4;      shard id 4 is out of range for 4 shards; ids go from 0 to 3",
            "1/1;      shard id 1 is out of range for 1 shard; ids go from 0 to 0",
            "4/1,1;    shard id 1 is listed twice; list each shard once",
            "4/0-2,2;  shard id 2 is listed twice",
            "2/;       names no shard ids after '/'; write total/ids, e.g. 2/0",
            "0/0;      the total 0 is out of range; use 1 to 16384",
            "99999/0;  the total 99999 is out of range",
            "4/3-1;    the range 3-1 in '4/3-1' runs backwards; write 1-3",
            "4/a;      'a' in '4/a' is not a shard id or a range like 0-3",
            "two;      'two' is not a shard set; write total/ids, e.g. 2/0 (shard 0 of 2), 4/0,1 or 8/0-3",
            "\"\";       is not a shard set"})
    void mistakesSayWhatIsWrongAndWhatToWrite(String text, String message) {
        assertThatThrownBy(() -> DiscordShards.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aHugeRangeIsRefusedWithoutListingIt() {
        assertThatThrownBy(() -> DiscordShards.parse("999999999")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> DiscordShards.parse("4/0-999999999")).hasMessageContaining("ids go from 0 to 3");
    }

    @Test
    void theFileGivesTheShardsAndTheEnvironmentWins() {
        assertThat(TestDiscordConfig.bind("shards: 2/1", Map.of()).shards()).isEqualTo(new DiscordShards(2, List.of(1)));
        assertThat(TestDiscordConfig.bind("shards: 4", Map.of()).shards().holdsAll()).isTrue();
        assertThat(TestDiscordConfig.bind("shards: 2/1", Map.of(DiscordConfig.SHARDS_ENV, "3/0,2")).shards())
                .isEqualTo(new DiscordShards(3, List.of(0, 2)));
    }

    @Test
    void aBadValueIsAConfigErrorAtItsKeyNamingTheVariableItCameFrom() {
        assertThatThrownBy(() -> TestDiscordConfig.bind("shards: 2/2", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.shards").hasMessageContaining("ids go from 0 to 1");
        assertThatThrownBy(() -> TestDiscordConfig.bind("", Map.of(DiscordConfig.SHARDS_ENV, "2/0,0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.shards (from HERALD_DISCORD_SHARDS)").hasMessageContaining("twice");
        assertThatThrownBy(() -> TestDiscordConfig.bind("shards: {total: 2, ids: [0]}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("discord.shards");
    }

    @Test
    void aServerIsOnTheShardDiscordComputesForIt() {
        assertThat(DiscordShards.shardOf(Long.parseLong(FakeDiscord.GUILD_ID), 2)).isZero();
        assertThat(DiscordShards.shardOf(Long.parseLong(FakeDiscord.OTHER_GUILD_ID), 2)).isEqualTo(1);
        assertThat(DiscordShards.shardOf(Long.parseLong(FakeDiscord.OTHER_GUILD_ID), 1)).isZero();
        assertThat(new DiscordShards(2, List.of(1)).holds(0)).isFalse();
    }
}
