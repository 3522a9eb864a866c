package io.newsflow.ingest.source;

import io.newsflow.core.record.UrlStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Source states in a map, for a poller on its own. */
final class MapStates implements SourceStates {

    final Map<String, UrlStatus> byUrl = new ConcurrentHashMap<>();

    @Override
    public @Nullable UrlStatus get(String url) {
        return byUrl.get(url);
    }

    @Override
    public void record(UrlStatus status) {
        byUrl.put(status.url(), status);
    }
}
