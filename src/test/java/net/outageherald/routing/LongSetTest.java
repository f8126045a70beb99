package net.outageherald.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LongSetTest {

    @Test
    void keepsEachNumberOnceAndGrowsAsNeeded() {
        LongSet set = new LongSet();
        assertThat(set.toSet()).isEmpty();

        assertThat(set.add(13335)).isTrue();
        assertThat(set.add(13335)).isFalse();
        set.addAll(List.of(174L, 3356L, 13335L, 4294967295L, 6939L));

        assertThat(set.size()).isEqualTo(5);
        assertThat(set.toSet()).containsExactlyInAnyOrder(13335L, 174L, 3356L, 4294967295L, 6939L);
    }

    @Test
    void clearedItHoldsOnlyWhatCameAfter() {
        LongSet set = new LongSet();
        set.addAll(List.of(1L, 2L, 3L));
        set.clear();
        set.add(3);

        assertThat(set.toSet()).containsExactly(3L);
        assertThat(set.size()).isEqualTo(1);
    }
}
