package io.github.reluregions.cluster;

import io.github.reluregions.query.Query;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.count.lp.SearchState;
import io.github.reluregions.count.lp.SubtreeTask;

/**
 * One slice of work on a member: search a batch of subtrees with the member's threads for at most
 * {@code seconds}, and answer with the regions counted and the subtrees left open (a {@link
 * SliceMessages.Reply} as JSON). It is the LP engine resumed from a state whose open subtrees are the
 * batch, stopped by its time limit, so its counts are the engine's own.
 */
final class SliceTask implements Callable<String>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;

    private final String fingerprint;
    private final String batch;
    private final double seconds;
    private transient HazelcastInstance member;

    SliceTask(String fingerprint, List<SubtreeTask> subtrees, double seconds) {
        this.fingerprint = fingerprint;
        this.batch = SliceMessages.batch(subtrees);
        this.seconds = seconds;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.member = instance;
    }

    @Override
    public String call() {
        try {
            MemberContext context = MemberContext.of(member);
            Query query = context.query(fingerprint, member);
            SearchState start = new SearchState(0, 0, SearchStats.none(query.tolerances()),
                    SliceMessages.readBatch(batch));
            AtomicReference<SearchState> end = new AtomicReference<>();
            LpEngine engine = new LpEngine(new LpEngine.Options(context.threads(), start, end::set,
                    Double.POSITIVE_INFINITY, LpEngine.LpSolver.AUTO));
            engine.count(query, SearchMonitor.withTimeLimit(seconds), RegionListener.NONE);
            SearchState state = end.get();
            return SliceMessages.reply(state.regions(), state.stats(), state.open());
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return SliceMessages.failure(trace.toString());
        }
    }
}
