package io.github.reluregions.cluster;

import io.github.reluregions.io.QueryJson;
import io.github.reluregions.query.Query;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one member keeps between slices: its number of worker threads and the queries it has read. */
final class MemberContext {
    private static final int CACHED_QUERIES = 4;

    private final int threads;
    private final Map<String, Query> queries = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) {
            return size() > CACHED_QUERIES;
        }
    };

    MemberContext(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    static MemberContext of(HazelcastInstance member) {
        Object context = member.getUserContext().get(Names.CONTEXT_KEY);
        if (!(context instanceof MemberContext memberContext)) {
            throw new IllegalStateException("The Hazelcast member " + member.getName()
                    + " was not started by relu-regions (no member context).");
        }
        return memberContext;
    }

    int threads() {
        return threads;
    }

    /** The query with this fingerprint, read from the cluster's map the first time. */
    synchronized Query query(String fingerprint, HazelcastInstance member) {
        Query query = queries.get(fingerprint);
        if (query == null) {
            IMap<String, String> map = member.getMap(Names.QUERIES);
            String json = map.get(fingerprint);
            if (json == null) {
                throw new IllegalStateException("The query " + fingerprint + " is not in the cluster's map.");
            }
            query = QueryJson.read(json, fingerprint);
            queries.put(fingerprint, query);
        }
        return query;
    }
}
