/**
 * {@code count probabilistic}: parity hashes on the activation variables ({@link io.github.reluregions.probabilistic.ParityHash}),
 * the lower bound with stated confidence ({@link io.github.reluregions.probabilistic.MipBound}), the (epsilon, delta) estimate
 * ({@link io.github.reluregions.probabilistic.ApproxMc}), and the cell counters on each engine ({@link io.github.reluregions.probabilistic.CellCounter}).
 */
package io.github.reluregions.probabilistic;
