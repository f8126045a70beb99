package net.outageherald.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.outageherald.config.ConfigLoader;
import net.outageherald.detect.DetectionConfig;
import net.outageherald.detect.Detector;
import net.outageherald.detect.TargetInfo;
import net.outageherald.model.Event;
import net.outageherald.model.Prefix;
import net.outageherald.source.PrefixObservation;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRepository;

/**
 * A target of one prefix, resolved in {@code db}, judged by a real {@link Detector} on looks the test makes up:
 * {@link #seenBy} so many RIS peers, recorded and judged in one go at the clock's time.
 */
public final class OnePrefixTarget {

    public final Prefix prefix = Prefix.parse("175.45.176.0/24");
    public final TargetInfo info;
    private final Database db;
    private final Detector detector;
    private final MutableClock clock;

    public OnePrefixTarget(Database db, Detector detector, MutableClock clock, String key) {
        this.db = db;
        this.detector = detector;
        this.clock = clock;
        this.info = new TargetInfo(key, key + " name", null, "https://stat.ripe.net/" + key);
        db.inTransaction(tx -> {
            new TargetRepository().saveResolution(tx, key, info.name(), null, List.of(prefix), clock.instant(),
                    clock.instant());
            return null;
        });
    }

    /** Records a look at the prefix by {@code peers} peers now, and judges the target: the events told. */
    public List<Event> seenBy(int peers) {
        Set<String> seeing = new HashSet<>();
        for (int i = 1; i <= peers; i++) {
            seeing.add("RRC00 192.0.2." + i);
        }
        detector.record(List.of(new PrefixObservation(prefix, clock.instant(), seeing, 1, Set.of(131279L),
                Set.of(4837L))));
        return detector.judge(info, Set.of(prefix), null);
    }

    /** A detection config with these keys of {@code detection:} changed, e.g. {@code "confirm-after: 1"}. */
    public static DetectionConfig detection(String yaml) {
        try {
            JsonNode doc = new YAMLMapper().readTree("detection: {" + yaml + "}");
            return ConfigLoader.bind(doc, Map.of(), Path.of(""),
                    root -> DetectionConfig.from(root.section("detection")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Database db() {
        return db;
    }
}
