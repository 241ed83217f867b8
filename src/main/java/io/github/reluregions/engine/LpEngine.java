package io.github.reluregions.engine;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.network.Network;
import java.util.Objects;

/**
 * The exact LP engine: a depth-first search over activation decisions, neuron by neuron and layer by
 * layer. A search node is a prefix of decisions with its polyhedron (in input space: the domain and one
 * half-space per decided neuron) and a certified interior point, the witness.
 *
 * <p>At each neuron the witness already lies on one side: when it is farther than the tolerance from the
 * neuron's hyperplane that side needs no LP. Only the other side is tested, by the Chebyshev LP on GLOP
 * (one reused model per search, rows switched in place). Neurons whose sign is fixed over the whole domain
 * (the exact range of their affine function on this branch), and constant neurons, cost no LP and no
 * branching. A leaf is a full pattern with a witness, so the search is output-sensitive: its LPs are
 * about the number of search nodes, at most one per neuron per node.
 *
 * <p>We chose depth-first search over reverse search because it needs one LP per (node, neuron) instead
 * of one per (region, facet candidate), and because its prefixes are the natural unit of parallel work
 * and checkpoints.
 *
 * <p>Every LP answer is certified in Java: a witness counts only if its distance to every decided
 * hyperplane and to the domain's boundary, recomputed here, exceeds the tolerance. Decided neurons that
 * the LP does not carry as rows (their other side was empty) are still checked, and added as rows when a
 * later LP point violates them.
 */
public final class LpEngine implements ExactCounter {

    @Override
    public CountResult count(Network network, InputDomain domain, Tolerances tolerances, SearchMonitor monitor,
            RegionListener listener) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(domain, "domain");
        domain.requireDimension(network.inputDimension());
        // Tolerances are relative to min(1, domain scale); the search runs in coordinates where the
        // domain has scale at least 1, so they apply there as they are.
        UnitScaling scaling = UnitScaling.forDomain(domain);
        InputDomain searchDomain = scaling.apply(domain);
        try (CellLp cell = new CellLp(searchDomain, tolerances, network.hiddenNeuronCount())) {
            Search search = new Search(scaling.apply(network), searchDomain, tolerances, monitor,
                    scaling.wrap(listener), cell);
            CountResult result = search.run();
            return scaling.isIdentity() ? result : new CountResult(result.regions(), result.complete(),
                    result.stopReason(), result.exploredFraction(), scaling.toInput(result.stats()));
        }
    }

    /** Thrown inside the search to unwind when the monitor asks it to stop. */
    private static final class StopSearch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopSearch() {
            super(null, null, false, false);
        }
    }

    private static final class Search {
        private final Network network;
        private final InputDomain domain;
        private final Tolerances tol;
        private final SearchMonitor monitor;
        private final RegionListener listener;
        private final CellLp cell;
        private final int[] layerOffset;
        private final boolean[] pattern;
        private final Tally tally;

        private long nodes;
        private long stableByDomain;
        private long constantNeurons;
        private long decidedByWitness;

        Search(Network network, InputDomain domain, Tolerances tolerances, SearchMonitor monitor,
                RegionListener listener, CellLp cell) {
            this.network = network;
            this.domain = domain;
            this.tol = tolerances;
            this.monitor = monitor;
            this.listener = listener;
            this.cell = cell;
            this.tally = new Tally(tolerances);
            this.pattern = new boolean[network.hiddenNeuronCount()];
            this.layerOffset = new int[network.hiddenLayerCount()];
            for (int l = 1; l < layerOffset.length; l++) {
                layerOffset[l] = layerOffset[l - 1] + network.hiddenLayer(l - 1).outputSize();
            }
        }

        CountResult run() {
            StopReason reason = StopReason.FINISHED;
            Witness root = cell.findWitness();
            if (root.found()) {
                try {
                    decide(0, 0, LocalLayer.first(network.hiddenLayer(0)), root.point(), root.radius(), 1.0);
                } catch (StopSearch stop) {
                    reason = monitor.stopReason();
                }
            } else {
                tally.empty(root, 1.0);
            }
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
                    throw new StopSearch();
                }
                publish();
            }
            int global = layerOffset[layer] + neuron;
            double[] w = local.map[neuron];
            double c = local.bias[neuron];
            if (local.isConstant(neuron, tol)) {
                constantNeurons++;
                pattern[global] = c > 0;
                next(layer, neuron, local, x, radius, weight);
                return;
            }
            double norm = Vectors.norm(w);
            Interval range = domain.range(w, c);
            if (range.lo() > 0 || range.hi() < 0) {
                stableByDomain++;
                pattern[global] = range.lo() > 0;
                next(layer, neuron, local, x, radius, weight);
                return;
            }
            double value = Vectors.dot(w, x) + c;
            boolean witnessSide = value > 0;
            double inherited = Math.min(radius, Math.abs(value) / norm);
            boolean other = !witnessSide;

            cell.push(w, c, norm, other, true);
            Witness otherWitness = cell.findWitness();
            cell.pop();

            if (otherWitness.found()) {
                // Both sides have interior: branch, off side first.
                for (boolean side : new boolean[] {false, true}) {
                    cell.push(w, c, norm, side, true);
                    Witness childWitness;
                    if (side == other) {
                        childWitness = otherWitness;
                    } else if (inherited > tol.interiorRadius()) {
                        decidedByWitness++;
                        childWitness = Witness.inherited(x, inherited);
                    } else {
                        childWitness = cell.findWitness();
                    }
                    descend(global, side, childWitness, layer, neuron, local, weight / 2);
                    cell.pop();
                }
            } else {
                tally.empty(otherWitness, 0);
                // The neuron is implied on this node: its row stays out of the LP unless a point violates it.
                cell.push(w, c, norm, witnessSide, false);
                Witness childWitness;
                if (inherited > tol.interiorRadius()) {
                    decidedByWitness++;
                    childWitness = Witness.inherited(x, inherited);
                } else {
                    cell.promoteLast();
                    childWitness = cell.findWitness();
                }
                descend(global, witnessSide, childWitness, layer, neuron, local, weight);
                cell.pop();
            }
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
                tally.region(x, radius, weight, pattern, listener);
            }
        }

        private void publish() {
            monitor.publish(tally.regions(), cell.solveCount(), tally.explored());
        }
    }
}
