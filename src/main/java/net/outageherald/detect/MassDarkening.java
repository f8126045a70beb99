package net.outageherald.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;

/**
 * Which targets one round would newly put in an outage, and into how many unrelated groups they fall: targets
 * that share a prefix (an AS, its /22 and its country) are one group, since one network going down darkens all
 * of them. Many unrelated networks going dark in the very same round is what a source answering blank looks
 * like; networks rarely fail together by the minute.
 */
final class MassDarkening {

    /** @param newlyDark the targets that would go from no outage to an outage; @param groups how many unrelated */
    record Result(List<Resolved> newlyDark, int groups) {
        static final Result NONE = new Result(List.of(), 0);
    }

    private final TargetEvaluator evaluator;

    MassDarkening(TargetEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * @param candidates targets that hold a prefix this round would darken
     * @param before     the stored states of every prefix of the candidates
     * @param after      the states this round would leave (only the prefixes it observed)
     */
    Result of(Collection<Resolved> candidates, Map<Prefix, PrefixState> before, Map<Prefix, PrefixState> after) {
        List<Resolved> dark = new ArrayList<>();
        for (Resolved r : candidates) {
            List<PrefixState> was = new ArrayList<>();
            List<PrefixState> would = new ArrayList<>();
            for (Prefix p : r.prefixes()) {
                PrefixState b = before.getOrDefault(p, PrefixState.fresh(p));
                was.add(b);
                would.add(after.getOrDefault(p, b));
            }
            if (!evaluator.evaluate(was, List.of()).status().isOutage()
                    && evaluator.evaluate(would, List.of()).status().isOutage()) {
                dark.add(r);
            }
        }
        return dark.isEmpty() ? Result.NONE : new Result(dark, groups(dark));
    }

    /** Connected groups of targets linked by a shared prefix (a small union-find). */
    private static int groups(List<Resolved> targets) {
        int[] parent = new int[targets.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Prefix, Integer> owner = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            for (Prefix p : targets.get(i).prefixes()) {
                Integer other = owner.putIfAbsent(p, i);
                if (other != null) {
                    parent[find(parent, i)] = find(parent, other);
                }
            }
        }
        Set<Integer> roots = new java.util.HashSet<>();
        for (int i = 0; i < parent.length; i++) {
            roots.add(find(parent, i));
        }
        return roots.size();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
