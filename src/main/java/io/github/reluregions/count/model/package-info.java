/**
 * The model engines: the network and domain compiled to SCIP MILP ({@link io.github.reluregions.count.model.MilpEngine}) or
 * CP-SAT ({@link io.github.reluregions.count.model.CpSatEngine}), patterns enumerated by {@link io.github.reluregions.count.model.ModelSearch} and
 * each certified through the cell LP ({@link io.github.reluregions.count.model.PatternCertifier}); {@code --emit-model}'s files.
 */
package io.github.reluregions.count.model;
