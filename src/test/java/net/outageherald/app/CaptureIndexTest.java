package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.outageherald.model.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay's first pass: which routes were held at the start, keyed compactly by peer and prefix numbers. */
class CaptureIndexTest {

    private static final double T0 = 1419264000.0;

    @TempDir
    Path dir;

    @Test
    void aPeerIsOnePeerHoweverItsAddressIsWrittenAndOnlyAFirstWithdrawalMeansHeld() throws Exception {
        // GIVEN a peer that announces 2001:db8:1::/48 with its address compressed, then withdraws it written out,
        // and withdraws 2001:db8:2::/48 first (it held that one before the capture)
        Path capture = Files.write(dir.resolve("c.jsonl"), List.of(
                announce(0, "2001:db8::1", "2001:db8:1::/48"),
                withdraw(1, "2001:db8:0:0:0:0:0:1", "2001:db8:1::/48"),
                withdraw(2, "2001:db8::1", "2001:db8:2::/48"),
                withdraw(3, "2001:db8::1", "2001:db8:2::/48")));

        // WHEN it is indexed
        CaptureIndex index = CaptureIndex.of(capture);

        // THEN only the second prefix was held at the start, once, by the peer as the capture first wrote it
        List<CaptureIndex.Held> held = new ArrayList<>();
        index.forEachHeld(held::add);
        assertThat(held).containsExactly(new CaptureIndex.Held("rrc00", "2001:db8::1", Prefix.parse("2001:db8:2::/48")));
        assertThat(index.withdrawals).isEqualTo(3);
        assertThat(index.messages).isEqualTo(4);
    }

    @Test
    void manyPairsAreKeptApart() throws Exception {
        // GIVEN 40 peers each withdrawing 500 prefixes first, then 500 others they announced before
        List<String> lines = new ArrayList<>();
        for (int peer = 0; peer < 40; peer++) {
            for (int i = 0; i < 500; i++) {
                lines.add(withdraw(peer, "192.0.2." + peer, "10." + (i / 250) + "." + (i % 250) + ".0/24"));
                lines.add(announce(peer, "192.0.2." + peer, "11." + (i / 250) + "." + (i % 250) + ".0/24"));
                lines.add(withdraw(peer, "192.0.2." + peer, "11." + (i / 250) + "." + (i % 250) + ".0/24"));
            }
        }
        CaptureIndex index = CaptureIndex.of(Files.write(dir.resolve("big.jsonl"), lines));

        // THEN every first withdrawal, and only those, counts as held
        assertThat(index.heldCount()).isEqualTo(40 * 500);
        List<CaptureIndex.Held> held = new ArrayList<>();
        index.forEachHeld(held::add);
        assertThat(held).allMatch(h -> h.prefix().cidr().startsWith("10."));
        assertThat(held.stream().map(h -> h.peer() + " " + h.prefix()).distinct().count()).isEqualTo(40 * 500);
    }

    private static String head(double offset, String peer) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":" + String.format(Locale.ROOT, "%.3f", T0 + offset)
                + ",\"peer\":\"" + peer + "\",\"peer_asn\":\"64500\",\"host\":\"rrc00.ripe.net\",\"type\":\"UPDATE\",";
    }

    private static String announce(double offset, String peer, String prefix) {
        return head(offset, peer) + "\"path\":[64500,64501],\"announcements\":[{\"next_hop\":\"192.0.2.1\",\"prefixes\":[\""
                + prefix + "\"]}]}}";
    }

    private static String withdraw(double offset, String peer, String prefix) {
        return head(offset, peer) + "\"path\":[],\"announcements\":[],\"withdrawals\":[\"" + prefix + "\"]}}";
    }
}
