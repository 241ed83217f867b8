package io.github.reluregions.engine;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.network.Network;
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
 * <p>Also estimates how many prefixes (search nodes) there are at every depth by random probes (Knuth
 * 1975), for placing pivots where they keep the search small.
 */
public final class ParitySearch {
    private ParitySearch() {
    }

    /**
     * Counts the regions of {@code network} in {@code domain} whose activation patterns satisfy
     * {@code parity}, up to {@code limit}. The result is complete when the search finished and no cell was
     * uncertain; its stop reason is {@link StopReason#REGION_LIMIT} when the limit cut it short.
     */
    public static CountResult count(Network network, InputDomain domain, Tolerances tolerances, ParitySystem parity,
            long limit, SearchMonitor monitor) {
        Objects.requireNonNull(parity, "parity");
        if (parity.positions() != network.hiddenNeuronCount()) {
            throw new IllegalArgumentException("The parity system is over " + parity.positions()
                    + " positions but the network has " + network.hiddenNeuronCount() + " hidden neurons");
        }
        return run(network, domain, tolerances, monitor, (search) -> search.count(parity, limit));
    }

    /**
     * Estimates, for every depth {@code j = 0..N} of the search ({@code N} hidden neurons), the base-2
     * logarithm of the number of prefixes of {@code j} decisions with an interior: the mean over
     * {@code probes} random root-to-leaf paths of the product of the number of sides with an interior
     * along the path (Knuth's unbiased estimator of a tree's level sizes). At depth {@code N} it
     * estimates the number of regions. Cost: about one LP per neuron per probe. When the monitor stops
     * the run, the probes finished so far are averaged (none: every entry 0).
     */
    public static PrefixProfile profile(Network network, InputDomain domain, Tolerances tolerances, int probes,
            SplittableRandom random, SearchMonitor monitor) {
        if (probes < 1) {
            throw new IllegalArgumentException("probes must be positive: " + probes);
        }
        Objects.requireNonNull(random, "random");
        double[][] branchings = new double[probes][];
        int[] done = new int[1];
        CountResult lps = run(network, domain, tolerances, monitor, (search) -> {
            try {
                for (int p = 0; p < probes; p++) {
                    branchings[p] = search.probe(random);
                    done[0]++;
                }
            } catch (Stop stop) {
                return search.result(stop.reason);
            }
            return search.result(StopReason.FINISHED);
        });
        int depth = network.hiddenNeuronCount();
        double[] log2Nodes = new double[depth + 1];
        for (int j = 0; j <= depth && done[0] > 0; j++) {
            // log2 of the mean of 2^branchings[p][j], computed without overflow
            double max = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < done[0]; p++) {
                max = Math.max(max, branchings[p][j]);
            }
            double sum = 0;
            for (int p = 0; p < done[0]; p++) {
                sum += Math.pow(2, branchings[p][j] - max);
            }
            log2Nodes[j] = max + Math.log(sum / done[0]) / Math.log(2);
        }
        return new PrefixProfile(log2Nodes, done[0], lps.stats().lpsSolved());
    }

    private static CountResult run(Network network, InputDomain domain, Tolerances tolerances, SearchMonitor monitor,
            java.util.function.Function<Search, CountResult> work) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(monitor, "monitor");
        domain.requireDimension(network.inputDimension());
        UnitScaling scaling = UnitScaling.forDomain(domain);
        InputDomain searchDomain = scaling.apply(domain);
        try (CellLp cell = new CellLp(searchDomain, tolerances, network.hiddenNeuronCount())) {
            Search search = new Search(scaling.apply(network), searchDomain, tolerances, monitor, cell);
            CountResult result = work.apply(search);
            return scaling.isIdentity() ? result : new CountResult(result.regions(), result.complete(),
                    result.stopReason(), result.exploredFraction(), scaling.toInput(result.stats()));
        }
    }

    /**
     * A neuron's hyperplane {@code w.x + c = 0} on the current region, seen from the node's witness: the
     * side the witness lies on and the radius of the ball around it that stays on that side.
     */
    private record Hyperplane(double[] w, double c, double norm, boolean witnessSide, double inherited) {
        static Hyperplane of(LocalLayer local, int neuron, double[] x, double radius) {
            double[] w = local.map[neuron];
            double c = local.bias[neuron];
            double norm = Vectors.norm(w);
            double value = Vectors.dot(w, x) + c;
            return new Hyperplane(w, c, norm, value > 0, Math.min(radius, Math.abs(value) / norm));
        }
    }

    /** Thrown inside the search to unwind when it must stop. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final StopReason reason;

        Stop(StopReason reason) {
            super(null, null, false, false);
            this.reason = reason;
        }
    }

    private static final class Search {
        private final Network network;
        private final InputDomain domain;
        private final Tolerances tol;
        private final SearchMonitor monitor;
        private final CellLp cell;
        private final int[] layerOffset;
        private final boolean[] pattern;
        private final Tally tally;
        private ParitySystem parity;
        private long limit;

        private long nodes;
        private long stableByDomain;
        private long constantNeurons;
        private long decidedByWitness;

        Search(Network network, InputDomain domain, Tolerances tolerances, SearchMonitor monitor, CellLp cell) {
            this.network = network;
            this.domain = domain;
            this.tol = tolerances;
            this.monitor = monitor;
            this.cell = cell;
            this.tally = new Tally(tolerances);
            this.pattern = new boolean[network.hiddenNeuronCount()];
            this.layerOffset = new int[network.hiddenLayerCount()];
            for (int l = 1; l < layerOffset.length; l++) {
                layerOffset[l] = layerOffset[l - 1] + network.hiddenLayer(l - 1).outputSize();
            }
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
                } catch (Stop stop) {
                    reason = stop.reason;
                }
            } else {
                tally.empty(root, 1.0);
            }
            return result(reason);
        }

        CountResult result(StopReason reason) {
            publish();
            SearchStats stats = tally.stats(cell.solveCount(), nodes, stableByDomain, constantNeurons,
                    decidedByWitness, cell.domainCuts(), null);
            boolean complete = reason == StopReason.FINISHED && tally.uncertainCells() == 0;
            return new CountResult(tally.regions(), complete, reason,
                    reason == StopReason.FINISHED ? 1.0 : tally.explored(), stats);
        }

        /** Decides neuron {@code neuron} of hidden layer {@code layer}, whose pre-activations on this branch are {@code local}. */
        private void decide(int layer, int neuron, LocalLayer local, double[] x, double radius, double weight) {
            if ((++nodes & 63) == 0) {
                if (monitor.shouldStop()) {
                    throw new Stop(monitor.stopReason());
                }
                publish();
            }
            int global = layerOffset[layer] + neuron;
            boolean pivot = parity.isPivot(global);
            boolean forced = pivot && parity.forced(global, pattern);
            Boolean fixed = fixedState(local, neuron);
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
            double[] w = h.w();
            double c = h.c();
            double norm = h.norm();
            boolean witnessSide = h.witnessSide();
            double inherited = h.inherited();
            if (pivot) {
                cell.push(w, c, norm, forced, true);
                Witness child = forced == witnessSide ? inheritOrSolve(x, inherited) : cell.findWitness();
                descend(global, forced, child, layer, neuron, local, weight);
                cell.pop();
                return;
            }
            boolean other = !witnessSide;
            cell.push(w, c, norm, other, true);
            Witness otherWitness = cell.findWitness();
            cell.pop();
            if (otherWitness.found()) {
                // Both sides have interior: branch, off side first.
                for (boolean side : new boolean[] {false, true}) {
                    cell.push(w, c, norm, side, true);
                    Witness child = side == other ? otherWitness : inheritOrSolve(x, inherited);
                    descend(global, side, child, layer, neuron, local, weight / 2);
                    cell.pop();
                }
            } else {
                tally.empty(otherWitness, 0);
                // The neuron is implied on this node: its row stays out of the LP unless a point violates it.
                cell.push(w, c, norm, witnessSide, false);
                Witness child;
                if (inherited > tol.interiorRadius()) {
                    decidedByWitness++;
                    child = Witness.inherited(x, inherited);
                } else {
                    cell.promoteLast();
                    child = cell.findWitness();
                }
                descend(global, witnessSide, child, layer, neuron, local, weight);
                cell.pop();
            }
        }

        /**
         * The state of neuron {@code neuron} when it has one whatever the input: constant on the region
         * (dead, zero row, cancelled: the sign of its bias) or of one sign over the whole domain; else null.
         */
        private Boolean fixedState(LocalLayer local, int neuron) {
            if (local.isConstant(neuron, tol)) {
                constantNeurons++;
                return local.bias[neuron] > 0;
            }
            Interval range = domain.range(local.map[neuron], local.bias[neuron]);
            if (range.lo() > 0 || range.hi() < 0) {
                stableByDomain++;
                return range.lo() > 0;
            }
            return null;
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
                    throw new Stop(StopReason.REGION_LIMIT);
                }
            }
        }

        /**
         * One random root-to-leaf path (a side with an interior chosen uniformly at each branching);
         * entry {@code j} of the result is the number of branchings among the first {@code j} decisions.
         */
        double[] probe(SplittableRandom random) {
            double[] branchings = new double[pattern.length + 1];
            cell.clear();
            Witness root = cell.findWitness();
            if (!root.found()) {
                return branchings;
            }
            double[] x = root.point();
            double radius = root.radius();
            LocalLayer local = LocalLayer.first(network.hiddenLayer(0));
            int global = 0;
            for (int l = 0; l < network.hiddenLayerCount(); l++) {
                if (l > 0) {
                    local = local.next(network.hiddenLayer(l), pattern, layerOffset[l - 1]);
                }
                for (int i = 0; i < local.size(); i++, global++) {
                    if (monitor.shouldStop()) {
                        throw new Stop(monitor.stopReason());
                    }
                    nodes++;
                    branchings[global + 1] = branchings[global];
                    Boolean fixed = fixedState(local, i);
                    if (fixed != null) {
                        pattern[global] = fixed;
                        continue;
                    }
                    Hyperplane h = Hyperplane.of(local, i, x, radius);
                    cell.push(h.w(), h.c(), h.norm(), !h.witnessSide(), true);
                    Witness otherWitness = cell.findWitness();
                    cell.pop();
                    boolean side = h.witnessSide();
                    if (otherWitness.found()) {
                        branchings[global + 1]++;
                        side = random.nextBoolean();
                    }
                    cell.push(h.w(), h.c(), h.norm(), side, true);
                    Witness child = side == h.witnessSide() ? inheritOrSolve(x, h.inherited()) : otherWitness;
                    if (!child.found()) {
                        // An uncertain cell: the path ends here; deeper levels keep this path's count.
                        for (int rest = global + 2; rest < branchings.length; rest++) {
                            branchings[rest] = branchings[global + 1];
                        }
                        cell.clear();
                        return branchings;
                    }
                    pattern[global] = side;
                    x = child.point();
                    radius = child.radius();
                }
            }
            cell.clear();
            publish();
            return branchings;
        }

        private void publish() {
            monitor.publish(tally.regions(), cell.solveCount(), tally.explored());
        }
    }
}
