package io.github.reluregions.count.model;

import io.github.reluregions.compile.CompiledModel;
import io.github.reluregions.compile.ModelFormat;
import io.github.reluregions.count.ModelStats;
import io.github.reluregions.count.cell.UnitScaling;
import io.github.reluregions.query.Query;
import io.github.reluregions.solver.SolveLimit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes the model an engine would solve ({@code count exact --emit-model}): the SCIP MILP as MPS or LP
 * text, the CP-SAT model as a text proto, chosen by the file's extension. The model is the one the engine
 * compiles: for a domain of scale below 1 its inputs are the unit-scaled {@code y = (x - center) / scale}.
 */
public final class ModelExport {
    private ModelExport() {
    }

    /**
     * What was written.
     *
     * @param file the file
     * @param format {@code mps}, {@code lp} or {@code cpsat-text}
     * @param engine the engine whose model it is
     * @param solver the solver the model is for
     * @param binaries hidden neurons with a binary
     * @param stableNeurons hidden neurons fixed by bound propagation
     * @param arithmetic see {@link ModelStats#arithmetic()}
     * @param unitScaled true when the inputs were rescaled (domain of scale below 1)
     */
    public record Summary(String file, String format, String engine, String solver, int binaries, int stableNeurons,
            String arithmetic, boolean unitScaled) {

        public String toText() {
            return "wrote the " + engine + " model (" + solver + ", " + binaries + " binaries, " + stableNeurons
                    + " stable neurons, " + arithmetic + " arithmetic" + (unitScaled ? ", unit-scaled inputs" : "")
                    + ") to " + file;
        }
    }

    /** Compiles {@code network} on {@code domain} for the engine {@code file}'s extension names and writes it. */
    public static Summary write(Query query, Path file) {
        Objects.requireNonNull(file, "file");
        ModelFormat format = ModelFormat.forFile(file);
        UnitScaling scaling = UnitScaling.forDomain(query.domain());
        Query scaled = scaling.apply(query);
        try (CompiledModel model = format.kind().compile(scaled.network(), scaled.domain(),
                scaled.tolerances().interiorRadius(), SolveLimit.NONE)) {
            model.write(file, format);
            return new Summary(file.toString(), format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    format.kind().label(), model.solverName(), model.binaries().size(), model.stableNeurons(),
                    model.arithmetic(), !scaling.isIdentity());
        }
    }
}
