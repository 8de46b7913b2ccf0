package io.awstutor.sandbox.ses;

import io.awstutor.sandbox.persist.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SES's state on disk, one JSON file written atomically after every change. */
final class SesStore {
    record Stored(List<StoredRegion> regions) {
    }

    record StoredRegion(String accountId, String region, List<Identity> identities, List<SentMessage> messages,
                        List<SesRegionState.Delivery> deliveries) {
    }

    private final StateFile file;

    SesStore(Path dir) {
        this.file = new StateFile(dir.resolve("ses.json"));
    }

    List<SesRegionState> load() {
        try {
            List<SesRegionState> result = new ArrayList<>();
            for (StoredRegion stored : file.load(Stored.class).map(Stored::regions).orElse(List.of())) {
                SesRegionState state = new SesRegionState(stored.accountId(), stored.region());
                stored.identities().forEach(i -> state.identities.put(i.name(), i));
                state.messages.addAll(stored.messages());
                state.deliveries.addAll(stored.deliveries());
                result.add(state);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(Collection<SesRegionState> regions) {
        List<StoredRegion> stored = new ArrayList<>();
        for (SesRegionState s : regions) {
            stored.add(new StoredRegion(s.accountId, s.region, List.copyOf(s.identities.values()),
                    List.copyOf(s.messages), List.copyOf(s.deliveries)));
        }
        try {
            file.save(new Stored(stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
