package io.github.reluregions.count.lp;

import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.cell.CellLp;
import io.github.reluregions.count.cell.FixedNeurons;
import io.github.reluregions.count.cell.Hyperplane;
import io.github.reluregions.count.cell.LocalLayer;
import io.github.reluregions.count.cell.Tally;
import io.github.reluregions.Vectors;
import io.github.reluregions.count.cell.Witness;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.solver.ChebyshevLp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One worker of the LP engine: searches subtrees depth-first, neuron by neuron and layer by layer, with
 * its own LP model. A search node is a prefix of decisions with its polyhedron (in input space: the
 * domain and one half-space per decided neuron) and a certified interior point, the witness. See
 * {@link LpEngine} for the method.
 *
 * <p>At a node where both sides of a neuron have interior, the "on" side waits while the "off" side is
 * searched; such pending subtrees are what the worker donates to idle workers and what it saves in a
 * checkpoint. Counters accumulate over all subtrees the worker searched.
 */
final class SubtreeSearch {
    private final Network network;
    private final Tolerances tol;
    private final SearchMonitor monitor;
    private final RegionListener listener;
    private final CellLp cell;
    private final Tally tally;
    private final WorkPool pool;
    private final int dimension;
    private final int[] layerOffset;

    // The path: one cell entry per decided neuron that is neither constant nor stable over the domain.
    private final int[] entryNeuron;
    private final boolean[] pattern;

    // Pending "on" sides of branching nodes above the current one, shallowest first.
    private final int[] pendingNeuron;
    private final int[] pendingEntry;
    private final double[][] pendingWitness;
    private final double[] pendingWeight;
    private final boolean[] pendingDonated;
    private int pendingCount;

    private long nodes;
    private final FixedNeurons fixedNeurons;
    private long decidedByWitness;
    private long publishedRegions;
    private long publishedLps;
    private double publishedExplored;

    /** Gives every counted region its number, across workers. */
    interface RegionNumbering {
        long next();
    }

    /** Thrown inside the search to unwind when the monitor asks it to stop. */
    static final class StopSearch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopSearch() {
            super(null, null, false, false);
        }
    }

    SubtreeSearch(Query query, SearchMonitor monitor,
            RegionListener listener, ChebyshevLp lp, WorkPool pool, RegionNumbering numbering) {
        Network network = query.network();
        InputDomain domain = query.domain();
        Tolerances tolerances = query.tolerances();
        this.network = network;
        this.tol = tolerances;
        this.fixedNeurons = new FixedNeurons(domain, tolerances);
        this.monitor = monitor;
        this.listener = listener;
        this.pool = pool;
        this.dimension = network.inputDimension();
        int total = network.hiddenNeuronCount();
        this.cell = new CellLp(domain, tolerances, total, lp);
        cell.stopWhen(monitor);
        this.tally = new Tally(tolerances, numbering::next);
        this.entryNeuron = new int[total];
        this.pattern = new boolean[total];
        this.pendingNeuron = new int[total];
        this.pendingEntry = new int[total];
        this.pendingWitness = new double[total][];
        this.pendingWeight = new double[total];
        this.pendingDonated = new boolean[total];
        this.layerOffset = network.hiddenLayerOffsets();
    }

    /**
     * Searches the subtree of {@code task} to its end. When the monitor asks to stop, hands the subtrees it
     * has not searched to the pool and throws {@link StopSearch}.
     */
    void run(SubtreeTask task) {
        LocalLayer local = LocalLayer.first(network.hiddenLayer(0));
        int layer = 0;
        int neuron = 0;
        try {
            for (int global = 0; global < task.depth(); global++) {
                replay(global, local, neuron, task);
                neuron++;
                if (neuron == local.size() && layer + 1 < network.hiddenLayerCount()) {
                    local = local.next(network.hiddenLayer(layer + 1), pattern, layerOffset[layer]);
                    layer++;
                    neuron = 0;
                }
            }
            Witness witness = certifiedOrFound(task.witnessView());
            if (witness.uncertain() && monitor.shouldStop()) {
                pool.stopped(List.of(task)); // its LP gave up for the stop: the whole task is still open
                throw new StopSearch();
            }
            if (!witness.found()) {
                recordEmpty(witness, task.weight());
            } else if (neuron == local.size()) {
                leaf(witness.point(), witness.radius(), task.weight());
            } else {
                decide(layer, neuron, local, witness.point(), witness.radius(), task.weight());
            }
        } finally {
            cell.clear();
            pendingCount = 0;
        }
        publish();
    }

    /** Rebuilds the decision of neuron {@code neuron} of {@code local} (global {@code global}) as the task records it. */
    private void replay(int global, LocalLayer local, int neuron, SubtreeTask task) {
        boolean side = task.decision(global);
        Boolean fixed = fixedNeurons.replayedState(local, neuron);
        if (fixed != null) {
            requireForced(global, fixed, side);
        } else {
            double[] w = local.map[neuron];
            push(global, w, local.bias[neuron], Vectors.norm(w), side, task.rowInLp(global));
        }
        pattern[global] = side;
    }

    private static void requireForced(int global, boolean forced, boolean recorded) {
        if (forced != recorded) {
            throw new IllegalStateException("The subtree's prefix sets neuron " + global + " to " + recorded
                    + " but it is forced to " + forced + " on this network and domain.");
        }
    }

    private Witness certifiedOrFound(double[] point) {
        if (point != null) {
            double margin = cell.margin(point);
            if (margin > tol.interiorRadius()) {
                return new Witness(point, margin, Double.NaN, false);
            }
        }
        return cell.findWitness();
    }

    /** Releases the LP model; the counters stay readable. */
    void close() {
        publish();
        cell.close();
    }

    SearchStats stats() {
        return tally.stats(cell.solveCount(), nodes, fixedNeurons.stableByDomain(), fixedNeurons.constant(),
                decidedByWitness, cell.domainCuts(), null);
    }

    long regions() {
        return tally.regions();
    }

    double explored() {
        return tally.explored();
    }

    /** Decides neuron {@code neuron} of hidden layer {@code layer}, whose pre-activations on this branch are {@code local}. */
    private void decide(int layer, int neuron, LocalLayer local, double[] x, double radius, double weight) {
        int global = layerOffset[layer] + neuron;
        if (pool.isHungry()) {
            donateShallowest();
        }
        if ((++nodes & 63) == 0) {
            if (monitor.shouldStop()) {
                pool.stopped(open(global, x, weight));
                throw new StopSearch();
            }
            if (pool.isCheckpointRequested()) {
                pauseForCheckpoint(global, x, weight);
            }
            publish();
        }
        Boolean fixed = fixedNeurons.state(local, neuron);
        if (fixed != null) {
            pattern[global] = fixed;
            next(layer, neuron, local, x, radius, weight);
            return;
        }
        Hyperplane h = Hyperplane.of(local, neuron, x, radius);
        double[] w = h.w();
        double c = h.c();
        double norm = h.norm();
        double value = h.value();
        boolean witnessSide = h.witnessSide();
        double distance = h.distance();
        double inherited = h.inherited();
        boolean other = !witnessSide;

        // When the hyperplane cuts the witness's ball deep enough, both sides hold a smaller ball of it: no LP.
        Witness[] split = distance < radius - 2 * tol.interiorRadius()
                ? splitBall(w, c, norm, value, x, radius, distance) : null;
        Witness otherWitness;
        // When the LP's side is the off side, which is searched first, its row stays: the child's LPs then
        // start from the basis that found the off side's witness, not from the one before it.
        boolean offRowKept = false;
        if (split != null) {
            otherWitness = split[1];
        } else {
            push(global, w, c, norm, other, true);
            otherWitness = cell.findWitness();
            offRowKept = !other && otherWitness.found();
            if (!offRowKept) {
                pop();
            }
            stopIfAsked(otherWitness, global, x, weight);
        }

        if (otherWitness.found()) {
            // Both sides have interior: branch, off side first, while the on side waits.
            Witness inheritedWitness = split != null ? split[0] : inherited > tol.interiorRadius()
                    ? new Witness(x, inherited, Double.NaN, false) : null;
            if (split != null) {
                decidedByWitness++; // the other side, whose point also came from the ball
            }
            Witness onWitness = other ? otherWitness : inheritedWitness;
            Witness offWitness = other ? inheritedWitness : otherWitness;
            int pending = pushPending(global, onWitness, weight / 2, cell.size() - (offRowKept ? 1 : 0));

            if (!offRowKept) {
                push(global, w, c, norm, false, true);
            }
            descend(global, false, witnessFor(offWitness, other), layer, neuron, local, weight / 2);
            pop();

            boolean donated = popPending(pending);
            if (!donated) {
                push(global, w, c, norm, true, true);
                descend(global, true, witnessFor(onWitness, !other), layer, neuron, local, weight / 2);
                pop();
            }
        } else {
            recordEmpty(otherWitness, 0);
            // The neuron is implied on this node: its row stays out of the LP unless a point violates it.
            push(global, w, c, norm, witnessSide, false);
            Witness childWitness;
            if (inherited > tol.interiorRadius()) {
                decidedByWitness++;
                childWitness = new Witness(x, inherited, Double.NaN, false);
            } else {
                cell.promoteLast();
                childWitness = cell.findWitness();
            }
            descend(global, witnessSide, childWitness, layer, neuron, local, weight);
            pop();
        }
    }

    /**
     * Splits the ball of radius {@code radius} around the witness {@code x}, which the hyperplane
     * {@code w.y + c = 0} cuts at distance {@code distance}: with {@code u} the unit normal from {@code x}
     * toward the hyperplane and {@code s = (radius - distance) / 2}, the ball around {@code x - s u} of radius
     * {@code (radius + distance) / 2} lies inside the old ball on {@code x}'s side, and the ball around
     * {@code x + (distance + s) u} of radius {@code s} inside the old ball on the other side. Both points are
     * certified again here (their margins to every constraint recomputed); returns {witness side, other
     * side}, or null if either fails.
     */
    private Witness[] splitBall(double[] w, double c, double norm, double value, double[] x, double radius,
            double distance) {
        double s = (radius - distance) / 2;
        double toward = value > 0 ? -1 / norm : 1 / norm; // u = toward * w
        double[] near = x.clone();
        double[] across = x.clone();
        Vectors.addScaled(near, -(s * toward), w, dimension);
        Vectors.addScaled(across, (distance + s) * toward, w, dimension);
        double nearMargin = Math.min(cell.margin(near), Math.abs(Vectors.dot(w, near) + c) / norm);
        double acrossMargin = Math.min(cell.margin(across), Math.abs(Vectors.dot(w, across) + c) / norm);
        boolean sidesRight = (Vectors.dot(w, near) + c > 0) == (value > 0) && (Vectors.dot(w, across) + c > 0) != (value > 0);
        if (!sidesRight || nearMargin <= tol.interiorRadius() || acrossMargin <= tol.interiorRadius()) {
            return null;
        }
        return new Witness[] {new Witness(near, nearMargin, Double.NaN, false),
            new Witness(across, acrossMargin, Double.NaN, false)};
    }

    /** The side's known witness, or one found by LP; {@code inheritedSide} marks the parent's own side. */
    private Witness witnessFor(Witness known, boolean inheritedSide) {
        if (known == null) {
            return cell.findWitness();
        }
        if (inheritedSide) {
            decidedByWitness++;
        }
        return known;
    }

    private void descend(int global, boolean side, Witness witness, int layer, int neuron, LocalLayer local,
            double weight) {
        pattern[global] = side;
        stopIfAsked(witness, global + 1, null, weight);
        if (witness.found()) {
            next(layer, neuron, local, witness.point(), witness.radius(), weight);
        } else {
            recordEmpty(witness, weight);
        }
    }

    /**
     * When an LP gave up because the count must stop (a deadline or an interrupt inside a long LP), hands the
     * subtree at depth {@code depth} (witness {@code x}, or none) and every pending one to the pool as open,
     * and stops: nothing is recorded as uncertain, so a checkpoint resumes exactly there.
     */
    private void stopIfAsked(Witness witness, int depth, double[] x, double weight) {
        if (witness.uncertain() && monitor.shouldStop()) {
            pool.stopped(open(depth, x, weight));
            throw new StopSearch();
        }
    }

    private void next(int layer, int neuron, LocalLayer local, double[] x, double radius, double weight) {
        if (neuron + 1 < local.size()) {
            decide(layer, neuron + 1, local, x, radius, weight);
            return;
        }
        if (layer + 1 < network.hiddenLayerCount()) {
            decide(layer + 1, 0, local.next(network.hiddenLayer(layer + 1), pattern, layerOffset[layer]), x, radius,
                    weight);
            return;
        }
        leaf(x, radius, weight);
    }

    private void leaf(double[] x, double radius, double weight) {
        tally.region(x, radius, weight, pattern, listener);
    }

    private void recordEmpty(Witness witness, double weight) {
        tally.empty(witness, weight);
    }

    /** Records the on side of neuron {@code global} as pending; {@code entries} path entries come before it. */
    private int pushPending(int global, Witness onWitness, double weight, int entries) {
        int p = pendingCount++;
        pendingNeuron[p] = global;
        pendingEntry[p] = entries;
        pendingWitness[p] = onWitness == null ? null : onWitness.point();
        pendingWeight[p] = weight;
        pendingDonated[p] = false;
        return p;
    }

    /** Removes the pending entry {@code p} (the last); true if it was donated to another worker. */
    private boolean popPending(int p) {
        pendingCount = p;
        pendingWitness[p] = null;
        return pendingDonated[p];
    }

    private void donateShallowest() {
        for (int p = 0; p < pendingCount; p++) {
            if (!pendingDonated[p]) {
                pendingDonated[p] = true;
                pool.donate(pendingTask(p));
                return;
            }
        }
    }

    private SubtreeTask pendingTask(int p) {
        int global = pendingNeuron[p];
        boolean[] prefix = Arrays.copyOf(pattern, global + 1);
        prefix[global] = true;
        boolean[] inLp = rowsInLp(global + 1, pendingEntry[p]);
        inLp[global] = true;
        return new SubtreeTask(prefix, inLp, pendingWitness[p], pendingWeight[p]);
    }

    /** Which of the first {@code neurons} neurons have their row in the LP, over the first {@code entries} path entries. */
    private boolean[] rowsInLp(int neurons, int entries) {
        boolean[] inLp = new boolean[neurons];
        for (int e = 0; e < entries; e++) {
            inLp[entryNeuron[e]] = cell.inLp(e);
        }
        return inLp;
    }

    /**
     * What is left of the task being searched when the search stands at neuron {@code global} with witness
     * {@code x}: the current node's subtree and every pending on side not donated.
     */
    private List<SubtreeTask> open(int global, double[] x, double weight) {
        List<SubtreeTask> open = new ArrayList<>();
        open.add(new SubtreeTask(Arrays.copyOf(pattern, global), rowsInLp(global, cell.size()), x, weight));
        for (int p = 0; p < pendingCount; p++) {
            if (!pendingDonated[p]) {
                open.add(pendingTask(p));
            }
        }
        return open;
    }

    private void pauseForCheckpoint(int global, double[] x, double weight) {
        publish();
        try {
            pool.pause(open(global, x, weight));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            monitor.interrupt();
        }
    }

    /** Appends the constraint "neuron on" ({@code side}) or "off" for {@code w.x + c} to the path. */
    private void push(int global, double[] w, double c, double norm, boolean side, boolean inLp) {
        entryNeuron[cell.size()] = global;
        cell.push(w, c, norm, side, inLp);
    }

    private void pop() {
        cell.pop();
    }

    /** Adds what this worker did since its last report to the monitor's totals. */
    void publish() {
        long lps = cell.solveCount();
        long regions = tally.regions();
        double explored = tally.explored();
        pool.progress(regions - publishedRegions, lps - publishedLps, explored - publishedExplored);
        publishedRegions = regions;
        publishedLps = lps;
        publishedExplored = explored;
    }
}
