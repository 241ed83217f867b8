package io.github.reluregions.count.model;

import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.cell.CellLp;
import io.github.reluregions.count.cell.FixedNeurons;
import io.github.reluregions.count.cell.LocalLayer;
import io.github.reluregions.Vectors;
import io.github.reluregions.count.cell.Witness;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

/**
 * Answers "does this full activation pattern have an interior ball above the tolerance, and where?" with
 * the LP engine's semantics: a neuron constant on the pattern's region (dead, zero row or cancelled) can
 * only take its constant's sign ({@code bias > 0} is on); a neuron whose sign is fixed over the whole
 * domain can only take that sign; every other neuron adds its half-space, and the cell's witness is
 * certified by {@link CellLp}. Cost: one layer composition per hidden layer and one Chebyshev LP (more for
 * an L2 ball's tangent cuts).
 */
final class PatternCertifier implements AutoCloseable {
    private static final Witness IMPOSSIBLE = new Witness(null, 0, Double.NEGATIVE_INFINITY, false);

    private final Network network;
    private final Tolerances tol;
    private final CellLp cell;
    private final FixedNeurons fixedNeurons;
    /** After a rejection by a neuron of one sign over the domain: see {@link #outside}. */
    private double[] outside;

    PatternCertifier(Query query) {
        Network network = query.network();
        InputDomain domain = query.domain();
        Tolerances tolerances = query.tolerances();
        this.network = network;
        this.tol = tolerances;
        this.cell = new CellLp(domain, tolerances, network.hiddenNeuronCount());
        this.fixedNeurons = new FixedNeurons(domain, tolerances);
    }

    /** The certified witness of {@code pattern}'s region, or a witness that says why there is none. */
    Witness certify(boolean[] pattern) {
        outside = null;
        cell.clear();
        LocalLayer local = LocalLayer.first(network.hiddenLayer(0));
        int offset = 0;
        for (int l = 0; l < network.hiddenLayerCount(); l++) {
            if (l > 0) {
                local = local.next(network.hiddenLayer(l), pattern, offset);
                offset += network.hiddenLayer(l - 1).outputSize();
            }
            for (int i = 0; i < local.size(); i++) {
                boolean on = pattern[offset + i];
                double[] w = local.map[i];
                double c = local.bias[i];
                Boolean fixed = fixedNeurons.state(local, i);
                if (fixed != null) {
                    if (on != fixed) {
                        if (!local.isConstant(i, tol)) {
                            // Of one sign over the domain: the pattern's side of w.x + c misses it, in the
                            // direction of w (the pattern says on) or of -w (off).
                            outside = on ? w.clone() : negated(w);
                        }
                        return IMPOSSIBLE;
                    }
                    continue;
                }
                cell.push(w, c, Vectors.norm(w), on, true);
            }
        }
        return cell.findWitness();
    }

    /**
     * After {@link #certify} rejected a pattern: a direction {@code u} (any length, not zero) such that the
     * pattern's cell lies outside the domain beyond its boundary in the direction {@code u}, as far as the
     * rejection showed (the residual {@code -g} of its emptiness certificate, or the normal of a neuron
     * of one sign over the domain, on the pattern's side). Null after a witness, or when the rejection
     * says no direction (a constant neuron). A hint for an outer approximation of the domain (the MILP's
     * L2 ball): the rejection itself does not rest on it.
     */
    double[] outside() {
        if (outside != null) {
            return outside.clone();
        }
        double[] residual = cell.certificateResidual(); // null unless the cell LP proved the last pattern empty
        return residual == null ? null : negated(residual);
    }

    private static double[] negated(double[] v) {
        double[] n = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            n[j] = -v[j];
        }
        return n;
    }

    /** Makes its LPs give up once {@code monitor} says stop (see {@link CellLp#stopWhen}). */
    void stopWhen(SearchMonitor monitor) {
        cell.stopWhen(monitor);
    }

    Tolerances tolerances() {
        return tol;
    }

    long solveCount() {
        return cell.solveCount();
    }

    long domainCuts() {
        return cell.domainCuts();
    }

    long constantNeurons() {
        return fixedNeurons.constant();
    }

    long stableByDomain() {
        return fixedNeurons.stableByDomain();
    }

    @Override
    public void close() {
        cell.close();
    }
}
