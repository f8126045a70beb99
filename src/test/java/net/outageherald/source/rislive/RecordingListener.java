package net.outageherald.source.rislive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a {@link RisLiveClient} delivers. */
final class RecordingListener implements RisLiveListener {

    record Change(StreamState state, String why) {
    }

    final List<RouteUpdate> updates = new CopyOnWriteArrayList<>();
    final List<PeerState> peerStates = new CopyOnWriteArrayList<>();
    final List<Change> changes = new CopyOnWriteArrayList<>();
    final List<String> losses = new CopyOnWriteArrayList<>();

    @Override
    public void onUpdate(RouteUpdate update) {
        updates.add(update);
    }

    @Override
    public void onPeerState(PeerState state) {
        peerStates.add(state);
    }

    @Override
    public void onStreamState(StreamState state, String why) {
        changes.add(new Change(state, why));
    }

    @Override
    public void onDataLost(java.time.Instant since, String why) {
        losses.add(since + " " + why);
    }

    List<StreamState> states() {
        return changes.stream().map(Change::state).toList();
    }
}
