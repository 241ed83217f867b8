/**
 * The cell kernel every search shares: the Chebyshev LP of one activation cell ({@link io.github.reluregions.count.cell.CellLp},
 * which certifies a witness or an empty cell), the layers composed on a fixed pattern
 * ({@link io.github.reluregions.count.cell.LocalLayer}), neurons fixed by the domain, unit scaling, and the tally of regions,
 * thin and uncertain cells ({@link io.github.reluregions.count.cell.Tally}). Used by the lp and model engines and by the
 * parity-cell searches of {@code probabilistic.search}.
 */
package io.github.reluregions.count.cell;
