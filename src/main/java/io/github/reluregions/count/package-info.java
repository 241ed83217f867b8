/**
 * Exact counting: the interface every engine implements ({@link io.github.reluregions.count.ExactCounter}), the tolerance
 * model ({@link io.github.reluregions.query.Tolerances}, {@link io.github.reluregions.query.AppliedTolerances}), how a count ends
 * ({@link io.github.reluregions.count.Outcome}) and the records a count returns. The cell kernel the engines share is in
 * {@code count.cell}; the engines are {@code count.lp} and {@code count.model}.
 */
package io.github.reluregions.count;
import io.github.reluregions.query.AppliedTolerances;
import io.github.reluregions.query.Tolerances;
