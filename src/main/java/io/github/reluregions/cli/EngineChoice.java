package io.github.reluregions.cli;

import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.count.model.CpSatEngine;
import io.github.reluregions.count.model.MilpEngine;

import java.util.Locale;

/** The exact engines offered by {@code count exact --engine}. */
enum EngineChoice {
    LP, MILP, CPSAT;

    ExactCounter create() {
        return switch (this) {
            case LP -> new LpEngine();
            case MILP -> new MilpEngine();
            case CPSAT -> new CpSatEngine();
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
