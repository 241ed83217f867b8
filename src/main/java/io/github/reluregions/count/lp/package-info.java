/**
 * The output-sensitive LP engine: {@link io.github.reluregions.count.lp.LpEngine} coordinates
 * {@link io.github.reluregions.count.lp.SubtreeSearch} workers over a work pool of open subtrees
 * ({@link io.github.reluregions.count.lp.SubtreeTask}), which checkpoints and the cluster also carry.
 */
package io.github.reluregions.count.lp;
