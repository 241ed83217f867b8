package io.github.reluregions.compile;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.solver.SolveLimit;
import java.util.Locale;

/** The two solver models a query compiles to, each named as its engine is on the command line. */
public enum ModelKind {
    /** The SCIP MILP ({@link MilpModel}). */
    MILP,
    /** The CP-SAT model ({@link CpSatModel}). */
    CPSAT;

    /** The engine's name in reports and on the command line: {@code milp} or {@code cpsat}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A fresh model of {@code network} on {@code domain} with inscribed radius {@code interiorRadius};
     * {@code limit} bounds the MILP's bound tightening (CP-SAT compiles without solving).
     */
    public CompiledModel compile(Network network, InputDomain domain, double interiorRadius, SolveLimit limit) {
        return switch (this) {
            case MILP -> MilpModel.compile(network, domain, interiorRadius, limit);
            case CPSAT -> CpSatModel.compile(network, domain, interiorRadius);
        };
    }
}
