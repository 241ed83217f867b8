package io.github.reluregions.probabilistic.search;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.count.cell.CellLp;
import io.github.reluregions.count.cell.FixedNeurons;
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

import java.util.ArrayList;
import java.util.List;

/**
 * The regions of one cell of a parity (XOR) hash, found by a search that lets the parities and the
 * geometry prune each other, in any order of decisions:
 * <ul>
 *   <li>At every node (a polytope {@code P}: the domain cut by the neurons branched on so far), every
 *       undecided neuron of the current layer is classified: it <em>crosses</em> {@code P} (both sides
 *       have interior; shown by two interior points, one on each side, or by a ball around one that the
 *       hyperplane cuts) or it is <em>stable</em> on {@code P} (the Chebyshev LP of its other side finds no
 *       interior, exactly the LP engine's test for an implied neuron). A stable neuron's state holds on
 *       the whole subtree, so it is decided at once, without branching.</li>
 *   <li>The parities are then reduced over the positions still undecided ({@link ParityPropagation}).
 *       When they admit no completion the node is pruned; a position they imply is decided (one child,
 *       not two).</li>
 *   <li>Otherwise the search branches on the crossing neuron whose hyperplane passes closest to the
 *       node's witness, which splits {@code P} most evenly.</li>
 * </ul>
 * Deciding the stable neurons early is what makes dense parities useful: a row prunes as soon as its
 * undecided positions are few, and deep in the search only a handful of hyperplanes still cross a
 * polytope, while the order of {@link ParitySearch} would keep every row open until its last position.
 *
 * <p>Every region counted has an interior point certified against every half-space of its pattern
 * (branched ones in the LP, stable ones checked and added when violated: {@link CellLp}), with the same
 * tolerances and unit scaling as {@link LpEngine}. A neuron of a later layer is affine on {@code P} only
 * once its layer is reached, so the parities over later layers wait until then.
 */
public final class ParityCellSearch {
    /** The most interior points a node keeps for showing that hyperplanes cross it. */
    private static final int MAX_POINTS = 16;

    private ParityCellSearch() {
    }

    /**
     * Counts the regions of {@code network} in {@code domain} whose activation patterns satisfy
     * {@code parity}, up to {@code limit}. Complete when the search finished and no cell was uncertain;
     * stop reason {@link StopReason#REGION_LIMIT} when the limit cut it short.
     */
    public static CountResult count(Query query, ParitySystem parity,
            long limit, SearchMonitor monitor) {
        parity.requireOver(query.network());
        UnitScaling scaling = UnitScaling.forDomain(query.domain());
        Query scaled = scaling.apply(query);
        InputDomain searchDomain = scaled.domain();
        try (CellLp cell = new CellLp(searchDomain, scaled.tolerances(), scaled.network().hiddenNeuronCount(),
                CellLp.fastestLp(searchDomain, scaled.tolerances()))) {
            cell.stopWhen(monitor);
            Search search = new Search(scaled, monitor, cell, parity, limit);
            CountResult result = search.run();
            return scaling.toInput(result);
        }
    }

    /** An interior point of the current node with the radius of a ball around it inside the node. */
    private record Point(double[] x, double radius) {
    }


    private static final class Search {
        private final Network network;
        private final Tolerances tol;
        private final SearchMonitor monitor;
        private final CellLp cell;
        private final ParitySystem parity;
        private final ParityPropagation propagation;
        private final long limit;
        private final int[] layerOffset;
        private final boolean[] pattern;
        private final long[] decided;
        private final long[] on;
        private final Tally tally;

        private long nodes;
        private final FixedNeurons fixedNeurons;
        private long decidedByWitness;

        Search(Query query, SearchMonitor monitor, CellLp cell,
                ParitySystem parity, long limit) {
            Network network = query.network();
            InputDomain domain = query.domain();
            Tolerances tolerances = query.tolerances();
            this.network = network;
            this.tol = tolerances;
            this.monitor = monitor;
            this.cell = cell;
            this.parity = parity;
            this.propagation = new ParityPropagation(parity);
            this.limit = limit;
            this.tally = new Tally(tolerances);
            this.fixedNeurons = new FixedNeurons(domain, tolerances);
            int n = network.hiddenNeuronCount();
            this.pattern = new boolean[n];
            this.decided = new long[ParitySystem.words(n)];
            this.on = new long[ParitySystem.words(n)];
            this.layerOffset = network.hiddenLayerOffsets();
        }

        CountResult run() {
            StopReason reason = StopReason.FINISHED;
            if (parity.isInconsistent() || limit <= 0) {
                tally.finished(1.0);
                return result(parity.isInconsistent() ? StopReason.FINISHED : StopReason.REGION_LIMIT);
            }
            Witness root = cell.findWitness();
            if (root.found()) {
                try {
                    List<Point> points = new ArrayList<>();
                    points.add(new Point(root.point(), root.radius()));
                    enterLayer(0, LocalLayer.first(network.hiddenLayer(0)), points, 1.0);
                } catch (SearchStop stop) {
                    reason = stop.reason();
                }
            } else {
                tally.empty(root, 1.0);
            }
            return result(reason);
        }

        private CountResult result(StopReason reason) {
            monitor.publish(tally.regions(), cell.solveCount(), tally.explored());
            SearchStats stats = tally.stats(cell.solveCount(), nodes, fixedNeurons.stableByDomain(),
                    fixedNeurons.constant(),
                    decidedByWitness, cell.domainCuts(), null);
            return tally.result(reason, stats);
        }

        private void enterLayer(int layer, LocalLayer local, List<Point> points, double weight) {
            int[] all = new int[local.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            node(layer, local, all, points, weight);
        }

        /**
         * A node: {@code points.get(0)} is its witness; {@code candidates} are the neurons of {@code layer}
         * not decided yet (each crossed its parent). The cell holds this node's half-spaces.
         */
        private void node(int layer, LocalLayer local, int[] candidates, List<Point> points, double weight) {
            // Every node: in 784 dimensions one node's LPs can take a while, and the check is cheap.
            if (monitor.shouldStop()) {
                throw new SearchStop(monitor.stopReason());
            }
            if ((++nodes & 63) == 0) {
                monitor.publish(tally.regions(), cell.solveCount(), tally.explored());
            }
            int offset = layerOffset[layer];
            int[] crossing = new int[candidates.length];
            int crossingCount = 0;
            int[] stable = new int[candidates.length];
            int stableCount = 0;
            int pushed = 0;
            try {
                for (int neuron : candidates) {
                    Boolean fixed = fixedNeurons.state(local, neuron);
                    if (fixed != null) {
                        stable[stableCount++] = neuron;
                        assign(offset + neuron, fixed);
                        continue;
                    }
                    double[] w = local.map[neuron];
                    double c = local.bias[neuron];
                    double norm = Vectors.norm(w);
                    int side = sideOf(points, w, c, norm);
                    if (side == 0) {
                        crossing[crossingCount++] = neuron;
                        continue;
                    }
                    boolean witnessSide = side > 0;
                    cell.push(w, c, norm, !witnessSide, true);
                    Witness other = cell.findWitness();
                    cell.pop();
                    if (other.found() || other.uncertain()) {
                        crossing[crossingCount++] = neuron;
                        if (other.found() && points.size() < MAX_POINTS) {
                            points.add(new Point(other.point(), other.radius()));
                        }
                        continue;
                    }
                    tally.empty(other, 0);
                    // Stable on this node: checked against every witness below, in the LP only when violated.
                    cell.push(w, c, norm, witnessSide, false);
                    pushed++;
                    stable[stableCount++] = neuron;
                    assign(offset + neuron, witnessSide);
                }
                if (!propagation.propagate(decided, on)) {
                    tally.finished(weight);
                    return;
                }
                int forced = -1;
                boolean forcedOn = false;
                for (int k = 0; k < propagation.forcedCount() && forced < 0; k++) {
                    int position = propagation.forcedPosition(k) - offset;
                    if (position >= 0 && position < local.size()) {
                        forced = position;
                        forcedOn = propagation.forcedOn(k);
                    }
                }
                if (forced >= 0) {
                    child(layer, local, without(crossing, crossingCount, forced), points, forced, forcedOn, weight);
                } else if (crossingCount == 0) {
                    layerDone(layer, local, points, weight);
                } else {
                    int branch = closest(local, crossing, crossingCount, points.get(0).x());
                    int[] rest = without(crossing, crossingCount, branch);
                    child(layer, local, rest, points, branch, false, weight / 2);
                    child(layer, local, rest, points, branch, true, weight / 2);
                }
            } finally {
                for (int k = 0; k < stableCount; k++) {
                    unassign(offset + stable[k]);
                }
                for (int k = 0; k < pushed; k++) {
                    cell.pop();
                }
            }
        }

        /** Decides {@code neuron} to {@code side}, finds the child's witness and searches it. */
        private void child(int layer, LocalLayer local, int[] candidates, List<Point> points, int neuron,
                boolean side, double weight) {
            double[] w = local.map[neuron];
            double c = local.bias[neuron];
            double norm = Vectors.norm(w);
            cell.push(w, c, norm, side, true);
            try {
                List<Point> inside = new ArrayList<>();
                for (Point p : points) {
                    double distance = (Vectors.dot(w, p.x()) + c) / norm;
                    double kept = Math.min(p.radius(), side ? distance : -distance);
                    if (kept > tol.interiorRadius()) {
                        inside.add(new Point(p.x(), kept));
                    }
                }
                Witness witness = null;
                if (!inside.isEmpty()) {
                    Point first = inside.get(0);
                    double margin = cell.margin(first.x());
                    if (margin > tol.interiorRadius()) {
                        decidedByWitness++;
                        witness = Witness.inherited(first.x(), margin);
                        inside.set(0, new Point(first.x(), margin));
                    }
                }
                if (witness == null) {
                    witness = cell.findWitness();
                    if (!witness.found()) {
                        tally.empty(witness, weight);
                        return;
                    }
                    inside.add(0, new Point(witness.point(), witness.radius()));
                }
                int global = layerOffset[layer] + neuron;
                assign(global, side);
                try {
                    node(layer, local, candidates, inside, weight);
                } finally {
                    unassign(global);
                }
            } finally {
                cell.pop();
            }
        }

        /** Every neuron of {@code layer} is decided: the next layer, or a region when it was the last. */
        private void layerDone(int layer, LocalLayer local, List<Point> points, double weight) {
            if (layer + 1 < network.hiddenLayerCount()) {
                LocalLayer next = local.next(network.hiddenLayer(layer + 1), pattern, layerOffset[layer]);
                enterLayer(layer + 1, next, points, weight);
                return;
            }
            Point witness = points.get(0);
            double margin = cell.margin(witness.x());
            Witness certified = margin > tol.interiorRadius() ? Witness.inherited(witness.x(), margin)
                    : cell.findWitness();
            if (!certified.found()) {
                tally.empty(certified, weight);
                return;
            }
            tally.region(certified.point(), certified.radius(), weight, pattern, RegionListener.NONE);
            if (tally.regions() >= limit) {
                throw new SearchStop(StopReason.REGION_LIMIT);
            }
        }

        /**
         * The side of the hyperplane {@code w.x + c = 0} that every point's ball lies on (1 on, -1 off), or 0
         * when the points show that it crosses the node (a ball it cuts, or balls on both sides).
         */
        private static int sideOf(List<Point> points, double[] w, double c, double norm) {
            int side = 0;
            for (Point p : points) {
                double distance = (Vectors.dot(w, p.x()) + c) / norm;
                if (Math.abs(distance) < p.radius()) {
                    return 0;
                }
                int s = distance > 0 ? 1 : -1;
                if (side != 0 && s != side) {
                    return 0;
                }
                side = s;
            }
            return side;
        }

        /** The crossing neuron whose hyperplane is nearest to {@code x}. */
        private static int closest(LocalLayer local, int[] crossing, int count, double[] x) {
            int best = crossing[0];
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < count; k++) {
                int neuron = crossing[k];
                double[] w = local.map[neuron];
                double distance = Math.abs(Vectors.dot(w, x) + local.bias[neuron]) / Vectors.norm(w);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = neuron;
                }
            }
            return best;
        }

        private static int[] without(int[] values, int count, int removed) {
            int[] rest = new int[count - 1];
            int k = 0;
            for (int i = 0; i < count; i++) {
                if (values[i] != removed) {
                    rest[k++] = values[i];
                }
            }
            return rest;
        }


        private void assign(int position, boolean state) {
            pattern[position] = state;
            decided[position >>> 6] |= 1L << (position & 63);
            if (state) {
                on[position >>> 6] |= 1L << (position & 63);
            }
        }

        private void unassign(int position) {
            pattern[position] = false;
            decided[position >>> 6] &= ~(1L << (position & 63));
            on[position >>> 6] &= ~(1L << (position & 63));
        }
    }
}
