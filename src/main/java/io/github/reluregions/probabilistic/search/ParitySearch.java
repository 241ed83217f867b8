package io.github.reluregions.probabilistic.search;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.count.cell.CellLp;
import io.github.reluregions.count.cell.FixedNeurons;
import io.github.reluregions.count.cell.Hyperplane;
import io.github.reluregions.count.cell.LocalLayer;
import io.github.reluregions.count.cell.SearchStop;
import io.github.reluregions.count.cell.Tally;
import io.github.reluregions.count.cell.UnitScaling;
import io.github.reluregions.Vectors;
import io.github.reluregions.count.cell.Witness;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The LP engine's depth-first search over activation decisions, restricted to the patterns that satisfy
 * a {@link ParitySystem}: the regions of one cell of a parity (XOR) hash. At a pivot of the system the
 * neuron's state is forced by the states decided before it, so only that side is tested; a neuron whose
 * state is fixed by the domain or constant on the region, and that disagrees with the forced state, ends
 * the branch. Every region counted has a certified interior point, exactly as in {@link LpEngine}
 * (same {@link CellLp}, same tolerances, same unit scaling of small domains).
 *
 * <p>Cost: one Chebyshev LP per search node and side tested; the nodes at depth {@code j} are the
 * prefixes of {@code j} decisions that have an interior and agree with the pivots among them, so the
 * search is cheap when the pivots come early (each pivot halves the nodes below it on average) and as
 * dear as the exact count of the first {@code j} neurons when they come late.
 *
 * <p>Also estimates how many prefixes (search nodes) there are at every depth by a sampled
 * breadth-first search, for placing pivots where they keep the search small.
 */
public final class ParitySearch {
    private ParitySearch() {
    }

    /**
     * Counts the regions of {@code network} in {@code domain} whose activation patterns satisfy
     * {@code parity}, up to {@code limit}. The result is complete when the search finished and no cell was
     * uncertain; its stop reason is {@link StopReason#REGION_LIMIT} when the limit cut it short.
     */
    public static CountResult count(Query query, ParitySystem parity,
            long limit, SearchMonitor monitor) {
        Network network = query.network();
        Objects.requireNonNull(parity, "parity");
        parity.requireOver(network);
        return run(query, monitor, (search) -> search.count(parity, limit));
    }

    /** The sampled breadth-first search behind {@link PrefixProfile#sample}, on this search's nodes. */
    static PrefixProfile sampledProfile(Query query, int population,
            SplittableRandom random, SearchMonitor monitor) {
        Network network = query.network();
        if (population < 1) {
            throw new IllegalArgumentException("population must be positive: " + population);
        }
        Objects.requireNonNull(random, "random");
        double[] log2Nodes = new double[network.hiddenNeuronCount() + 1];
        CountResult lps = run(query, monitor, (search) -> {
            try {
                search.sample(population, random, log2Nodes);
            } catch (SearchStop stop) {
                return search.result(stop.reason());
            }
            return search.result(StopReason.FINISHED);
        });
        return new PrefixProfile(log2Nodes, population, lps.stats().lpsSolved());
    }

    private static CountResult run(Query query, SearchMonitor monitor,
            java.util.function.Function<Search, CountResult> work) {
        Objects.requireNonNull(monitor, "monitor");
        UnitScaling scaling = UnitScaling.forDomain(query.domain());
        Query scaled = scaling.apply(query);
        try (CellLp cell = new CellLp(scaled.domain(), scaled.tolerances(), scaled.network().hiddenNeuronCount())) {
            cell.stopWhen(monitor);
            Search search = new Search(scaled, monitor, cell);
            CountResult result = work.apply(search);
            return scaling.toInput(result);
        }
    }

    /**
     * A node of the sampled breadth-first search: its decision (the hyperplane and side, none for a neuron
     * with one state) on top of its parent's, its witness, the current layer's pre-activations on it, its
     * pattern so far and its weight.
     */
    private record Prefix(Prefix parent, Hyperplane plane, double[] x, double radius, LocalLayer local,
            boolean[] pattern, double log2Weight, boolean side) {

        Prefix(Prefix parent, Hyperplane plane, double[] x, double radius, LocalLayer local, boolean[] pattern,
                double log2Weight) {
            this(parent, plane, x, radius, local, pattern, log2Weight, false);
        }

        Prefix child(Hyperplane decided, boolean on, int global, double[] point, double r) {
            boolean[] next = pattern.clone();
            next[global] = on;
            return new Prefix(this, decided, point, r, local, next, log2Weight, on);
        }

        /** The same prefix, entering the next hidden layer (whose pre-activations depend on the pattern). */
        Prefix enter(io.github.reluregions.model.Layer layer, int previousOffset) {
            return new Prefix(parent, plane, x, radius, local.next(layer, pattern, previousOffset), pattern,
                    log2Weight, side);
        }

        Prefix reweighted(double log2Factor) {
            return new Prefix(parent, plane, x, radius, local, pattern, log2Weight + log2Factor, side);
        }

        /** Puts this prefix's half-spaces into the (cleared) cell. */
        void pushInto(CellLp cell) {
            cell.clear();
            java.util.ArrayDeque<Prefix> chain = new java.util.ArrayDeque<>();
            for (Prefix p = this; p != null; p = p.parent()) {
                if (p.plane() != null) {
                    chain.push(p);
                }
            }
            for (Prefix p : chain) {
                cell.push(p.plane().w(), p.plane().c(), p.plane().norm(), p.side(), true);
            }
        }
    }


    private static final class Search {
        private final Network network;
        private final Tolerances tol;
        private final SearchMonitor monitor;
        private final CellLp cell;
        private final int[] layerOffset;
        private final boolean[] pattern;
        private final Tally tally;
        private ParitySystem parity;
        private long limit;

        private long nodes;
        private final FixedNeurons fixedNeurons;
        private long decidedByWitness;

        Search(Query query, SearchMonitor monitor, CellLp cell) {
            Network network = query.network();
            InputDomain domain = query.domain();
            Tolerances tolerances = query.tolerances();
            this.network = network;
            this.tol = tolerances;
            this.monitor = monitor;
            this.cell = cell;
            this.tally = new Tally(tolerances);
            this.fixedNeurons = new FixedNeurons(domain, tolerances);
            this.pattern = new boolean[network.hiddenNeuronCount()];
            this.layerOffset = network.hiddenLayerOffsets();
        }

        CountResult count(ParitySystem system, long regionLimit) {
            this.parity = system;
            this.limit = regionLimit;
            StopReason reason = StopReason.FINISHED;
            if (system.isInconsistent() || regionLimit <= 0) {
                tally.finished(1.0);
                return result(system.isInconsistent() ? StopReason.FINISHED : StopReason.REGION_LIMIT);
            }
            Witness root = cell.findWitness();
            if (root.found()) {
                try {
                    decide(0, 0, LocalLayer.first(network.hiddenLayer(0)), root.point(), root.radius(), 1.0);
                } catch (SearchStop stop) {
                    reason = stop.reason();
                }
            } else {
                tally.empty(root, 1.0);
            }
            return result(reason);
        }

        CountResult result(StopReason reason) {
            publish();
            SearchStats stats = tally.stats(cell.solveCount(), nodes, fixedNeurons.stableByDomain(),
                    fixedNeurons.constant(),
                    decidedByWitness, cell.domainCuts(), null);
            return tally.result(reason, stats);
        }

        /** Decides neuron {@code neuron} of hidden layer {@code layer}, whose pre-activations on this branch are {@code local}. */
        private void decide(int layer, int neuron, LocalLayer local, double[] x, double radius, double weight) {
            // Every node: in 784 dimensions one node's LPs can take a while, and the check is cheap.
            if (monitor.shouldStop()) {
                throw new SearchStop(monitor.stopReason());
            }
            if ((++nodes & 63) == 0) {
                publish();
            }
            int global = layerOffset[layer] + neuron;
            boolean pivot = parity.isPivot(global);
            boolean forced = pivot && parity.forced(global, pattern);
            Boolean fixed = fixedNeurons.state(local, neuron);
            if (fixed != null) {
                if (pivot && forced != fixed) {
                    tally.finished(weight);
                    return;
                }
                pattern[global] = fixed;
                next(layer, neuron, local, x, radius, weight);
                return;
            }
            Hyperplane h = Hyperplane.of(local, neuron, x, radius);
            if (pivot) {
                cell.push(h.w(), h.c(), h.norm(), forced, true);
                Witness child = forced == h.witnessSide() ? inheritOrSolve(x, h.inherited()) : cell.findWitness();
                descend(global, forced, child, layer, neuron, local, weight);
                cell.pop();
                return;
            }
            boolean other = !h.witnessSide();
            cell.push(h.w(), h.c(), h.norm(), other, true);
            Witness otherWitness = cell.findWitness();
            cell.pop();
            if (otherWitness.found()) {
                // Both sides have interior: branch, off side first.
                for (boolean side : new boolean[] {false, true}) {
                    cell.push(h.w(), h.c(), h.norm(), side, true);
                    Witness child = side == other ? otherWitness : inheritOrSolve(x, h.inherited());
                    descend(global, side, child, layer, neuron, local, weight / 2);
                    cell.pop();
                }
            } else {
                tally.empty(otherWitness, 0);
                // The neuron is implied on this node: its row stays out of the LP unless a point violates it.
                cell.push(h.w(), h.c(), h.norm(), h.witnessSide(), false);
                Witness child;
                if (h.inherited() > tol.interiorRadius()) {
                    decidedByWitness++;
                    child = Witness.inherited(x, h.inherited());
                } else {
                    cell.promoteLast();
                    child = cell.findWitness();
                }
                descend(global, h.witnessSide(), child, layer, neuron, local, weight);
                cell.pop();
            }
        }


        /** The witness of the side that holds {@code x}: {@code x} itself when far enough from the new hyperplane. */
        private Witness inheritOrSolve(double[] x, double inherited) {
            if (inherited > tol.interiorRadius()) {
                decidedByWitness++;
                return Witness.inherited(x, inherited);
            }
            return cell.findWitness();
        }

        private void descend(int global, boolean side, Witness witness, int layer, int neuron, LocalLayer local,
                double weight) {
            if (witness.found()) {
                pattern[global] = side;
                next(layer, neuron, local, witness.point(), witness.radius(), weight);
            } else {
                tally.empty(witness, weight);
            }
        }

        private void next(int layer, int neuron, LocalLayer local, double[] x, double radius, double weight) {
            if (neuron + 1 < local.size()) {
                decide(layer, neuron + 1, local, x, radius, weight);
            } else if (layer + 1 < network.hiddenLayerCount()) {
                LocalLayer nextLocal = local.next(network.hiddenLayer(layer + 1), pattern, layerOffset[layer]);
                decide(layer + 1, 0, nextLocal, x, radius, weight);
            } else {
                tally.region(x, radius, weight, pattern, RegionListener.NONE);
                if (tally.regions() >= limit) {
                    throw new SearchStop(StopReason.REGION_LIMIT);
                }
            }
        }

        /**
         * The sampled breadth-first search of {@link PrefixProfile#sample}: fills {@code log2Nodes[j]} with
         * log2 of the weighted number of prefixes at depth {@code j}.
         */
        void sample(int population, SplittableRandom random, double[] log2Nodes) {
            cell.clear();
            Witness root = cell.findWitness();
            if (!root.found()) {
                java.util.Arrays.fill(log2Nodes, Double.NEGATIVE_INFINITY);
                return;
            }
            java.util.List<Prefix> level = java.util.List.of(new Prefix(null, null, root.point(), root.radius(),
                    LocalLayer.first(network.hiddenLayer(0)), new boolean[pattern.length], 0));
            int global = 0;
            for (int l = 0; l < network.hiddenLayerCount(); l++) {
                for (int i = 0; i < network.hiddenLayer(l).outputSize(); i++, global++) {
                    java.util.List<Prefix> children = new java.util.ArrayList<>();
                    for (Prefix node : level) {
                        if (monitor.shouldStop()) {
                            java.util.Arrays.fill(log2Nodes, global + 1, log2Nodes.length, log2Nodes[global]);
                            throw new SearchStop(monitor.stopReason());
                        }
                        nodes++;
                        Prefix entered = l > 0 && i == 0 ? node.enter(network.hiddenLayer(l), layerOffset[l - 1]) : node;
                        expand(entered, i, global, children);
                    }
                    cell.clear();
                    log2Nodes[global + 1] = log2Sum(children);
                    level = keep(children, population, random);
                    publish();
                }
            }
        }

        /** Adds the children of {@code node} at neuron {@code neuron} of its layer (position {@code global}). */
        private void expand(Prefix node, int neuron, int global, java.util.List<Prefix> children) {
            LocalLayer local = node.local();
            Boolean fixed = fixedNeurons.state(local, neuron);
            if (fixed != null) {
                children.add(node.child(null, fixed, global, node.x(), node.radius()));
                return;
            }
            node.pushInto(cell);
            Hyperplane h = Hyperplane.of(local, neuron, node.x(), node.radius());
            cell.push(h.w(), h.c(), h.norm(), !h.witnessSide(), true);
            Witness other = cell.findWitness();
            cell.pop();
            if (other.found()) {
                children.add(node.child(h, !h.witnessSide(), global, other.point(), other.radius()));
            }
            cell.push(h.w(), h.c(), h.norm(), h.witnessSide(), true);
            Witness same = inheritOrSolve(node.x(), h.inherited());
            if (same.found()) {
                children.add(node.child(h, h.witnessSide(), global, same.point(), same.radius()));
            }
        }

        private static double log2Sum(java.util.List<Prefix> prefixes) {
            double max = Double.NEGATIVE_INFINITY;
            for (Prefix p : prefixes) {
                max = Math.max(max, p.log2Weight());
            }
            if (max == Double.NEGATIVE_INFINITY) {
                return max;
            }
            double sum = 0;
            for (Prefix p : prefixes) {
                sum += Math.pow(2, p.log2Weight() - max);
            }
            return max + Math.log(sum) / Math.log(2);
        }

        /** At most {@code population} of {@code children}, uniformly without replacement, reweighted. */
        private static java.util.List<Prefix> keep(java.util.List<Prefix> children, int population,
                SplittableRandom random) {
            int m = children.size();
            if (m <= population) {
                return children;
            }
            java.util.List<Prefix> pool = new java.util.ArrayList<>(children);
            double log2Factor = Math.log((double) m / population) / Math.log(2);
            java.util.List<Prefix> kept = new java.util.ArrayList<>(population);
            for (int k = 0; k < population; k++) {
                int pick = k + random.nextInt(m - k);
                Prefix chosen = pool.get(pick);
                pool.set(pick, pool.get(k));
                pool.set(k, chosen);
                kept.add(chosen.reweighted(log2Factor));
            }
            return kept;
        }

        private void publish() {
            monitor.publish(tally.regions(), cell.solveCount(), tally.explored());
        }
    }
}
