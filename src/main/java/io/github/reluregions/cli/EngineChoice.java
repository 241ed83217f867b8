package io.github.reluregions.cli;

import io.github.reluregions.compile.ModelKind;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.count.model.CpSatEngine;
import io.github.reluregions.count.model.MilpEngine;
import io.github.reluregions.probabilistic.CellCounter;
import io.github.reluregions.query.Query;
import java.util.Locale;

/** The engines of {@code --engine}: what counts exactly in {@code count exact}, what searches the hash cells in {@code count probabilistic}. */
enum EngineChoice {
    LP(null), MILP(ModelKind.MILP), CPSAT(ModelKind.CPSAT);

    private final ModelKind model;

    EngineChoice(ModelKind model) {
        this.model = model;
    }

    /** The solver model the engine compiles, or null for the lp engine, which compiles none. */
    ModelKind model() {
        return model;
    }

    ExactCounter create() {
        return switch (this) {
            case LP -> new LpEngine();
            case MILP -> new MilpEngine();
            case CPSAT -> new CpSatEngine();
        };
    }

    /** The search of one hash cell on this engine. */
    CellCounter cellCounter(Query query) {
        return model == null ? CellCounter.lp(query) : CellCounter.model(model, query);
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
