/**
 * A network and its input domain compiled into an OR-Tools model whose binary variables are the
 * activation pattern: a MILP on SCIP ({@link io.github.reluregions.compile.MilpModel}) and an integer model
 * on CP-SAT ({@link io.github.reluregions.compile.CpSatModel}), both behind
 * {@link io.github.reluregions.compile.CompiledModel}. Every pattern with an interior ball above the
 * tolerance is feasible in both; some lower-dimensional patterns may be too, so callers certify what the
 * model returns. With {@code solver} and {@code engine}, the only package that imports OR-Tools.
 */
package io.github.reluregions.compile;
