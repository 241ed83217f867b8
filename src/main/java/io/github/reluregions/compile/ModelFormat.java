package io.github.reluregions.compile;

import io.github.reluregions.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats a compiled model can be written in, chosen by the file's extension. */
public enum ModelFormat {
    /** Free MPS of the SCIP MILP ({@code .mps}). */
    MPS(ModelKind.MILP),
    /** CPLEX LP text of the SCIP MILP ({@code .lp}). */
    LP(ModelKind.MILP),
    /** The CP-SAT model as a text-format {@code CpModelProto} ({@code .pbtxt} or {@code .txt}). */
    CPSAT_TEXT(ModelKind.CPSAT);

    private final ModelKind kind;

    ModelFormat(ModelKind kind) {
        this.kind = kind;
    }

    /** The model this format holds. */
    public ModelKind kind() {
        return kind;
    }

    /** The format named by {@code file}'s extension. */
    public static ModelFormat forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mps")) {
            return MPS;
        }
        if (name.endsWith(".lp")) {
            return LP;
        }
        if (name.endsWith(".pbtxt") || name.endsWith(".txt")) {
            return CPSAT_TEXT;
        }
        throw new InvalidInputException("Cannot tell the model format of '" + file + "' from its extension.",
                "Maybe model.mps or model.lp (the SCIP MILP) or model.pbtxt (the CP-SAT model).");
    }
}
