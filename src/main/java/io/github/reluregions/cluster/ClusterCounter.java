package io.github.reluregions.cluster;

import io.github.reluregions.io.QueryJson;
import io.github.reluregions.query.Query;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.lp.CheckpointSink;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.count.lp.SearchState;
import io.github.reluregions.count.lp.SubtreeTask;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Tolerances;

/**
 * The LP engine's count spread over a Hazelcast cluster. This process is a client of the cluster (it
 * searches nothing itself); the members ({@link ClusterMember}, {@code serve}) do the search.
 *
 * <p>The search is the LP engine's set of open subtrees (see {@link SearchState}). The coordinator hands a
 * batch of them to every idle member; the member searches the batch with all its threads for a time slice
 * (the engine resumed from the batch, stopped by a time limit) and answers with the regions it counted
 * and the subtrees it left open, which go back into the coordinator's queue. The time slice is what
 * balances the work: a deep, heavy subtree is cut into its open frontier after a slice and spread over
 * every member, however unevenly the tree branches. Disjoint subtrees share no region, so the counts add
 * up exactly. A batch whose member fails or leaves is put back and searched again by another member;
 * counts are taken from finished slices only, so nothing is counted twice or lost, and the total equals
 * the local engine's.
 *
 * <p>The {@link Query} goes to the members once, as {@link QueryJson} in a
 * distributed map keyed by its {@link Query#fingerprint() fingerprint}; a member checks the fingerprint of
 * what it read. Checkpoints and resuming work as for the local engine: the state is the counts of finished slices
 * and every subtree queued or in flight.
 */
public final class ClusterCounter implements ExactCounter {
    /** Slices given while there are fewer open subtrees than twice the members, to spread the work fast. */
    static final double SHORT_SLICE_SECONDS = 0.2;
    /** A member whose slice failed gets no new slice for this long (it may be gone but still listed). */
    static final long QUARANTINE_NANOS = 1_000_000_000L;
    /** Failed slices in a row, with no slice finishing between them, after which the count gives up. */
    static final int MAX_FAILURES_IN_A_ROW = 20;

    private final Options options;

    /**
     * How to run a count on the cluster.
     *
     * @param addresses {@code host:port} of one or more members to connect to (the client finds the rest)
     * @param resumeFrom the state to continue from, or null for a fresh search
     * @param checkpoints receives the state every {@code checkpointSeconds} and at the end
     * @param checkpointSeconds seconds between checkpoints
     * @param sliceSeconds the longest a member searches one batch before answering
     * @param waitSeconds how long to wait for a member: to connect, and when every member has left
     * @param events told about finished and failed slices
     */
    public record Options(List<String> addresses, SearchState resumeFrom, CheckpointSink checkpoints,
            double checkpointSeconds, double sliceSeconds, double waitSeconds, Events events) {
        public Options {
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("at least one member address is needed");
            }
            Objects.requireNonNull(checkpoints, "checkpoints");
            Objects.requireNonNull(events, "events");
            if (!(sliceSeconds > 0) || !(waitSeconds > 0)) {
                throw new IllegalArgumentException("slice and wait must be positive: " + sliceSeconds + ", "
                        + waitSeconds);
            }
        }

        /** A fresh search, no checkpoints, slices of 1 s, 10 s to find a member. */
        public static Options of(List<String> addresses) {
            return new Options(addresses, null, CheckpointSink.NONE, Double.POSITIVE_INFINITY, 1.0, 10, Events.NONE);
        }

        public Options withCheckpoints(SearchState resume, CheckpointSink sink, double seconds) {
            return new Options(addresses, resume, sink, seconds, sliceSeconds, waitSeconds, events);
        }

        public Options withSliceSeconds(double seconds) {
            return new Options(addresses, resumeFrom, checkpoints, checkpointSeconds, seconds, waitSeconds, events);
        }

        public Options withWaitSeconds(double seconds) {
            return new Options(addresses, resumeFrom, checkpoints, checkpointSeconds, sliceSeconds, seconds, events);
        }

        public Options withEvents(Events listener) {
            return new Options(addresses, resumeFrom, checkpoints, checkpointSeconds, sliceSeconds, waitSeconds,
                    listener);
        }
    }

    /** What happens to slices, for logs and tests; called from the coordinating thread. */
    public interface Events {
        Events NONE = new Events() {
        };

        /** {@code member} was given a slice of {@code subtrees} subtrees. */
        default void sliceStarted(String member, int subtrees) {
        }

        /** {@code member} finished a slice, counting {@code regions} and leaving {@code open} subtrees. */
        default void sliceFinished(String member, long regions, int open) {
        }

        /** {@code member}'s slice of {@code subtrees} subtrees failed ({@code reason}); they are searched again. */
        default void sliceFailed(String member, String reason, int subtrees) {
        }
    }

    public ClusterCounter(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public CountResult count(Query query, SearchMonitor monitor, RegionListener listener) {
        if (listener != RegionListener.NONE) {
            throw new IllegalArgumentException("A count on the cluster streams no regions (their witnesses stay on "
                    + "the members).");
        }
        String fingerprint = query.fingerprint();
        SearchState start = options.resumeFrom() == null ? SearchState.start(query.tolerances()) : options.resumeFrom();
        HazelcastInstance client = connect();
        try {
            IMap<String, String> queries = client.getMap(Names.QUERIES);
            queries.put(fingerprint, QueryJson.write(query));
            try {
                SearchState end = new Run(client, fingerprint, start, monitor).run();
                options.checkpoints().save(end);
                return LpEngine.result(end, query.domain(), monitor);
            } finally {
                forget(queries, fingerprint);
            }
        } finally {
            client.shutdown();
        }
    }

    /** Removes the query from the cluster's map, if the cluster is still there. */
    private static void forget(IMap<String, String> queries, String fingerprint) {
        try {
            queries.remove(fingerprint);
        } catch (RuntimeException clusterGone) {
            // no member left to hold it
        }
    }

    private HazelcastInstance connect() {
        try {
            return HazelcastClient.newHazelcastClient(HazelcastSetup.client(options.addresses(), options.waitSeconds()));
        } catch (IllegalStateException e) {
            String first = options.addresses().get(0);
            throw new ClusterException("Cannot reach a relu-regions cluster at " + String.join(",", options.addresses())
                    + " (waited " + (long) options.waitSeconds() + " s).",
                    "Maybe start a member there first: relu-regions serve --host=" + first.substring(0, first.lastIndexOf(':'))
                            + " --port=" + first.substring(first.lastIndexOf(':') + 1) + ".", e);
        }
    }

    /** A batch in flight: the subtrees a member is searching. */
    private record InFlight(long id, UUID member, String memberName, List<SubtreeTask> subtrees) {
    }

    /** A member's answer (a reply, or the failure of the call). */
    private record Completion(long id, String reply, Throwable failure) {
    }

    /** One count on the cluster: the queue of open subtrees, the batches in flight, the counts so far. */
    private final class Run {
        private final HazelcastInstance client;
        private final IExecutorService executor;
        private final String fingerprint;
        private final SearchMonitor monitor;
        private final Deque<SubtreeTask> queue = new ArrayDeque<>();
        private final Map<Long, InFlight> inFlight = new HashMap<>();
        private final Map<UUID, Long> quarantinedUntil = new HashMap<>();
        private final Map<Long, Long> missingSince = new HashMap<>();
        private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
        private long regions;
        private SearchStats stats;
        private long nextId;
        private int failuresInARow;

        Run(HazelcastInstance client, String fingerprint, SearchState start, SearchMonitor monitor) {
            this.client = client;
            this.executor = client.getExecutorService(Names.EXECUTOR);
            this.fingerprint = fingerprint;
            this.monitor = monitor;
            this.regions = start.regions();
            this.stats = start.stats();
            this.queue.addAll(start.open());
        }

        SearchState run() {
            long intervalNanos = Double.isFinite(options.checkpointSeconds())
                    ? Math.max(1_000_000L, (long) (options.checkpointSeconds() * 1e9)) : Long.MAX_VALUE;
            long nextCheckpoint = intervalNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + intervalNanos;
            long noMembersSince = -1;
            publish();
            while ((!queue.isEmpty() || !inFlight.isEmpty()) && !monitor.shouldStop()) {
                List<Member> members = workers();
                if (members.isEmpty()) {
                    if (noMembersSince < 0) {
                        noMembersSince = System.nanoTime();
                    } else if (System.nanoTime() - noMembersSince > options.waitSeconds() * 1e9) {
                        SearchState state = state();
                        options.checkpoints().save(state);
                        throw new ClusterException("Every member of the cluster left; " + state.regions()
                                + " regions were counted, " + state.open().size() + " subtrees are left.",
                                "Maybe start members again (relu-regions serve) and --resume from a --checkpoint.",
                                null);
                    }
                } else {
                    noMembersSince = -1;
                    failOrphans(members);
                    handOut(members);
                }
                awaitCompletions(Math.min(200_000_000L, Math.max(1, nextCheckpoint - System.nanoTime())));
                publish();
                if (System.nanoTime() >= nextCheckpoint) {
                    options.checkpoints().save(state());
                    nextCheckpoint = System.nanoTime() + intervalNanos;
                }
            }
            return state();
        }

        /** The members that search (lite members hold no data and are left out). */
        private List<Member> workers() {
            List<Member> members = new ArrayList<>();
            try {
                for (Member member : client.getCluster().getMembers()) {
                    if (!member.isLiteMember()) {
                        members.add(member);
                    }
                }
            } catch (RuntimeException clientGone) {
                // the client gave up reconnecting: no members
            }
            return members;
        }

        /**
         * Fails the batches of members that have been out of the cluster for longer than the wait (their
         * call should have failed when they left; this keeps the count from waiting for it forever).
         */
        private void failOrphans(List<Member> members) {
            long now = System.nanoTime();
            List<UUID> present = members.stream().map(Member::getUuid).toList();
            for (InFlight batch : List.copyOf(inFlight.values())) {
                if (present.contains(batch.member())) {
                    missingSince.remove(batch.id());
                } else if (now - missingSince.computeIfAbsent(batch.id(), id -> now) > options.waitSeconds() * 1e9) {
                    inFlight.remove(batch.id());
                    missingSince.remove(batch.id());
                    failed(batch, "the member left the cluster and its call did not end");
                }
            }
        }

        /** Gives every idle member a share of the queue, in proportion to its threads. */
        private void handOut(List<Member> members) {
            List<Member> idle = new ArrayList<>();
            long now = System.nanoTime();
            quarantinedUntil.values().removeIf(until -> until - now < 0);
            for (Member member : members) {
                if (!quarantinedUntil.containsKey(member.getUuid())
                        && inFlight.values().stream().noneMatch(batch -> batch.member().equals(member.getUuid()))) {
                    idle.add(member);
                }
            }
            int idleThreads = 0;
            for (Member member : idle) {
                idleThreads += threads(member);
            }
            boolean scarce = queue.size() < 2 * members.size();
            for (Member member : idle) {
                if (queue.isEmpty()) {
                    return;
                }
                int share = (int) Math.ceil((double) queue.size() * threads(member) / idleThreads);
                idleThreads -= threads(member);
                List<SubtreeTask> batch = new ArrayList<>();
                for (int i = 0; i < share && !queue.isEmpty(); i++) {
                    batch.add(queue.pollFirst());
                }
                submit(member, batch, scarce ? Math.min(SHORT_SLICE_SECONDS, options.sliceSeconds())
                        : options.sliceSeconds());
            }
        }

        private void submit(Member member, List<SubtreeTask> batch, double slice) {
            long id = nextId++;
            InFlight entry = new InFlight(id, member.getUuid(), ClusterMember.describe(member), batch);
            inFlight.put(id, entry);
            options.events().sliceStarted(entry.memberName(), batch.size());
            double seconds = Math.max(0.05, Math.min(slice, monitor.secondsLeft()));
            try {
                executor.submitToMember(new SliceTask(fingerprint, batch, seconds), member,
                        new ExecutionCallback<String>() {
                            @Override
                            public void onResponse(String reply) {
                                completions.add(new Completion(id, reply, null));
                            }

                            @Override
                            public void onFailure(Throwable failure) {
                                completions.add(new Completion(id, null, failure));
                            }
                        });
            } catch (RuntimeException e) {
                completions.add(new Completion(id, null, e));
            }
        }

        private int threads(Member member) {
            String threads = member.getAttribute(Names.THREADS_ATTRIBUTE);
            try {
                return threads == null ? 1 : Math.max(1, Integer.parseInt(threads));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private void awaitCompletions(long nanos) {
            try {
                Completion completion = completions.poll(nanos, TimeUnit.NANOSECONDS);
                while (completion != null) {
                    complete(completion);
                    completion = completions.poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                monitor.interrupt();
            }
        }

        private void complete(Completion completion) {
            InFlight batch = inFlight.remove(completion.id());
            if (batch == null) {
                return;
            }
            if (completion.failure() != null) {
                failed(batch, completion.failure().toString());
                return;
            }
            SliceMessages.Reply reply = SliceMessages.readReply(completion.reply());
            if (reply.error() != null) {
                throw new IllegalStateException("The search failed on the member " + batch.memberName()
                        + " (a bug):\n" + reply.error());
            }
            List<SubtreeTask> open = SliceMessages.open(reply);
            regions += reply.regions();
            stats = stats.plus(reply.stats());
            queue.addAll(open);
            failuresInARow = 0;
            options.events().sliceFinished(batch.memberName(), reply.regions(), open.size());
        }

        private void failed(InFlight batch, String reason) {
            for (int i = batch.subtrees().size() - 1; i >= 0; i--) {
                queue.addFirst(batch.subtrees().get(i));
            }
            quarantinedUntil.put(batch.member(), System.nanoTime() + QUARANTINE_NANOS);
            options.events().sliceFailed(batch.memberName(), reason, batch.subtrees().size());
            if (++failuresInARow > MAX_FAILURES_IN_A_ROW) {
                SearchState state = state();
                options.checkpoints().save(state);
                throw new ClusterException(failuresInARow + " slices failed in a row on the cluster; the last on "
                        + batch.memberName() + ": " + reason, "Maybe a member's log says why.", null);
            }
        }

        private void publish() {
            monitor.publish(regions, stats.lpsSolved(), explored(openSubtrees()));
        }

        /** Every subtree not finished: queued or in flight. */
        private List<SubtreeTask> openSubtrees() {
            List<SubtreeTask> open = new ArrayList<>(queue);
            for (InFlight batch : inFlight.values()) {
                open.addAll(batch.subtrees());
            }
            return open;
        }

        private SearchState state() {
            List<SubtreeTask> open = openSubtrees();
            return new SearchState(regions, explored(open), stats, open);
        }

        private double explored(List<SubtreeTask> open) {
            if (open.isEmpty()) {
                return 1.0;
            }
            double weight = 0;
            for (SubtreeTask task : open) {
                weight += task.weight();
            }
            return Math.max(0, Math.min(1, 1 - weight));
        }
    }
}
