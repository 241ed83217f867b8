package io.github.reluregions.compile;

import io.github.reluregions.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats a compiled model can be written in, chosen by the file's extension. */
public enum ModelFormat {
    /** Free MPS of the SCIP MILP ({@code .mps}). */
    MPS("milp"),
    /** CPLEX LP text of the SCIP MILP ({@code .lp}). */
    LP("milp"),
    /** The CP-SAT model as a text-format {@code CpModelProto} ({@code .pbtxt} or {@code .txt}). */
    CPSAT_TEXT("cpsat");

    private final String engine;

    ModelFormat(String engine) {
        this.engine = engine;
    }

    /** The engine whose model this format holds: {@code milp} or {@code cpsat}. */
    public String engine() {
        return engine;
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
