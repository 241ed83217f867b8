package io.github.reluregions.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one member keeps between slices: its number of worker threads and the problems it has read. */
final class MemberContext {
    private static final int CACHED_PROBLEMS = 4;

    private final int threads;
    private final Map<String, Problem> problems = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Problem> eldest) {
            return size() > CACHED_PROBLEMS;
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

    /** The problem with this fingerprint, read from the cluster's map the first time. */
    synchronized Problem problem(String fingerprint, HazelcastInstance member) {
        Problem problem = problems.get(fingerprint);
        if (problem == null) {
            IMap<String, String> map = member.getMap(Names.PROBLEMS);
            String json = map.get(fingerprint);
            if (json == null) {
                throw new IllegalStateException("The problem " + fingerprint + " is not in the cluster's map.");
            }
            problem = Problem.fromJson(json, fingerprint);
            problems.put(fingerprint, problem);
        }
        return problem;
    }
}
