package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.outageherald.model.Prefix;
import org.junit.jupiter.api.Test;

class PrefixTrieTest {

    @Test
    void coversEqualAndMoreSpecificPrefixesOnly() {
        PrefixTrie trie = new PrefixTrie(SubscriptionPlanTest.prefixes("175.45.176.0/22", "2001:7fb::/32"));

        assertThat(trie.covers(Prefix.parse("175.45.176.0/22"))).isTrue();
        assertThat(trie.covers(Prefix.parse("175.45.179.0/24"))).isTrue();
        assertThat(trie.covers(Prefix.parse("175.45.180.0/24"))).isFalse();
        assertThat(trie.covers(Prefix.parse("175.45.176.0/21"))).as("less specific").isFalse();
        assertThat(trie.covers(Prefix.parse("2001:7fb:fe0d::/48"))).isTrue();
        assertThat(trie.covers(Prefix.parse("2001:7fc::/32"))).isFalse();
        assertThat(trie.covers(Prefix.parse("0.0.0.0/0"))).isFalse();
        assertThat(trie.covers(Prefix.parse("::/0"))).isFalse();
        assertThat(trie.size()).isEqualTo(2);
    }

    @Test
    void prefixesOnlyReadAreNotCoveredButNotRuledOutEither() {
        PrefixTrie trie = new PrefixTrie(SubscriptionPlanTest.prefixes("175.45.176.0/22"),
                SubscriptionPlanTest.prefixes("84.205.64.0/19", "175.45.176.0/22", "175.45.0.0/16"));

        assertThat(trie.covers(Prefix.parse("84.205.67.0/24"))).as("inside a prefix only read").isFalse();
        assertThat(trie.covers(Prefix.parse("175.45.1.0/24"))).isFalse();
        assertThat(trie.covers(Prefix.parse("175.45.177.0/24"))).as("a member below a prefix only read").isTrue();
        assertThat(trie.size()).as("members only").isEqualTo(1);
        for (String read : List.of("84.205.67.0/24", "175.45.1.0/24", "175.45.177.0/24", "175.45.176.0/22")) {
            char[] text = read.toCharArray();
            assertThat(trie.surelyOutside(text, 0, text.length)).as(read).isFalse();
        }
        char[] other = "84.206.0.0/16".toCharArray();
        assertThat(trie.surelyOutside(other, 0, other.length)).isTrue();
    }

    @Test
    void aTrieTrimmedWhenBuiltStillGrows() {
        PrefixTrie trie = new PrefixTrie(SubscriptionPlanTest.prefixes("10.0.0.0/8"));
        trie.add(Prefix.parse("192.168.0.0/16"));
        trie.add(Prefix.parse("2001:db8::/32"));

        assertThat(trie.covers(Prefix.parse("192.168.3.0/24"))).isTrue();
        assertThat(trie.covers(Prefix.parse("2001:db8:1::/48"))).isTrue();
        assertThat(trie.covers(Prefix.parse("10.1.0.0/16"))).isTrue();
        assertThat(trie.size()).isEqualTo(3);
    }

    @Test
    void defaultRoutesCoverTheirFamilyOnly() {
        PrefixTrie trie = new PrefixTrie(SubscriptionPlanTest.prefixes("0.0.0.0/0"));

        assertThat(trie.covers(Prefix.parse("8.8.8.0/24"))).isTrue();
        assertThat(trie.covers(Prefix.parse("2001:db8::/32"))).isFalse();
    }

    @Test
    void agreesWithABruteForceCheckOnThousandsOfPrefixes() throws Exception {
        Random random = new Random(11);
        List<Prefix> watched = new ArrayList<>();
        List<BigInteger[]> ranges = new ArrayList<>(); // address and network mask of each watched prefix
        for (int i = 0; i < 2000; i++) {
            Prefix w = random(random);
            watched.add(w);
            ranges.add(new BigInteger[] {address(w), networkMask(w)});
        }
        PrefixTrie trie = new PrefixTrie(watched);
        int covered = 0;
        for (int i = 0; i < 3000; i++) {
            Prefix p = i % 3 == 0 ? moreSpecific(watched.get(random.nextInt(watched.size())), random) : random(random);
            BigInteger addr = address(p);
            boolean expected = false;
            for (int k = 0; k < watched.size() && !expected; k++) {
                Prefix w = watched.get(k);
                expected = w.ipv6() == p.ipv6() && p.length() >= w.length()
                        && addr.and(ranges.get(k)[1]).equals(ranges.get(k)[0]);
            }
            assertThat(trie.covers(p)).as("%s", p).isEqualTo(expected);
            covered += expected ? 1 : 0;
        }
        assertThat(covered).as("both answers are tried").isBetween(500, 2500);
    }

    private static Prefix random(Random random) {
        if (random.nextBoolean()) {
            return Prefix.parse(random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + ".0/"
                    + (8 + random.nextInt(17)));
        }
        return Prefix.parse(String.format("2001:%x:%x::/%d", random.nextInt(0x10000), random.nextInt(0x10000),
                20 + random.nextInt(29)));
    }

    private static Prefix moreSpecific(Prefix p, Random random) throws Exception {
        int max = p.ipv6() ? 64 : 32;
        int len = Math.min(max, p.length() + random.nextInt(8));
        BigInteger addr = address(p).or(BigInteger.valueOf(random.nextInt(1 << 16))
                .shiftLeft((p.ipv6() ? 128 : 32) - len).and(hostMask(p)));
        byte[] raw = addr.toByteArray();
        byte[] bytes = new byte[p.ipv6() ? 16 : 4];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        return Prefix.parse(InetAddress.getByAddress(bytes).getHostAddress() + "/" + len);
    }

    private static BigInteger hostMask(Prefix p) {
        int bits = p.ipv6() ? 128 : 32;
        return BigInteger.ONE.shiftLeft(bits - p.length()).subtract(BigInteger.ONE);
    }

    private static BigInteger address(Prefix p) throws Exception {
        String addr = p.cidr().substring(0, p.cidr().indexOf('/'));
        return new BigInteger(1, InetAddress.getByName(addr).getAddress());
    }

    private static BigInteger networkMask(Prefix p) {
        int bits = p.ipv6() ? 128 : 32;
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).xor(hostMask(p));
    }

    @Test
    void readingFromTheParsersCharactersAgreesWithCoversAndDoubtsWhatItCannotRead() {
        PrefixTrie trie = new PrefixTrie(SubscriptionPlanTest.prefixes("175.45.176.0/22", "2001:7fb::/32",
                "10.0.0.0/8"));
        for (String inside : List.of("175.45.176.0/22", "175.45.179.0/24", "2001:7fb:fe0d::/48",
                "2001:07FB:0000:0000:0000:0000:0000:0000/40", "10.1.2.0/24", "010.1.2.0/24", "10.1.2.3/24")) {
            assertThat(outside(trie, inside)).as(inside).isFalse();
        }
        for (String outside : List.of("175.45.180.0/24", "175.45.176.0/21", "2001:7fc::/32", "0.0.0.0/0", "::/0",
                "2a02:8e3b:ad00:0:0:0:0:0/40", "11.0.0.0/8")) {
            assertThat(outside(trie, outside)).as(outside).isTrue();
        }
        // not read here, so not ruled out: the careful parse decides (and says what is wrong)
        for (String odd : List.of("eor", "", "1.2.3.4/33", "1.2.3/24", "1.2.3.4.5/24", "1.2.3.4/", "/24",
                "::ffff:1.2.3.4/128", "2001:db8:::/48", "2001:db8::1::/64", "1.2.3.256/24", "1.2.3.4/024x",
                "2001:db8::/129", " 1.2.3.0/24")) {
            assertThat(outside(trie, odd)).as(odd).isFalse();
        }
    }

    @Test
    void readingFromCharactersAgreesWithCoversOnThousandsOfPrefixes() {
        Random random = new Random(5);
        List<Prefix> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            members.add(Prefix.parse(random.nextInt(224) + "." + random.nextInt(256) + ".0.0/" + (8 + random.nextInt(9))));
            members.add(Prefix.parse(String.format("2%03x:%x::/%d", random.nextInt(0x1000), random.nextInt(0x10000),
                    20 + random.nextInt(13))));
        }
        PrefixTrie trie = new PrefixTrie(members);
        for (int i = 0; i < 20_000; i++) {
            String text = i % 2 == 0
                    ? random.nextInt(224) + "." + random.nextInt(256) + "." + random.nextInt(256) + ".0/"
                            + (16 + random.nextInt(9))
                    : String.format("2%03x:%x:%x:0:0:0:0:0/%d", random.nextInt(0x1000), random.nextInt(0x10000),
                            random.nextInt(0x10000), 32 + random.nextInt(17));
            boolean covered = trie.covers(Prefix.parse(text));
            assertThat(outside(trie, text)).as(text).isEqualTo(!covered);
        }
    }

    private static boolean outside(PrefixTrie trie, String text) {
        char[] buffer = ("xx" + text + "yy").toCharArray(); // as in a parser's buffer, amid other text
        return trie.surelyOutside(buffer, 2, text.length());
    }
}
