package io.github.reluregions.cli;

import io.github.reluregions.query.Tolerances;

import picocli.CommandLine.Option;

/** The {@code --tolerance} option of the counting commands: the interior radius a region must exceed. */
final class ToleranceOption {
    @Option(names = "--tolerance", paramLabel = "RADIUS", defaultValue = "1e-7",
            description = "A pattern counts as a region when its largest inscribed ball has a radius above this, "
                    + "in input coordinates (default: ${DEFAULT-VALUE}).")
    double radius;

    /** The default tolerances with this interior radius. */
    Tolerances tolerances() {
        return Tolerances.defaults().withInteriorRadius(radius);
    }
}
