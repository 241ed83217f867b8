/**
 * Local region counts (the study of Zhu, Lin and Tang 2020): the regions of a network in a ball of given
 * radius around each of many points, every ball counted exactly and on its own, the points spread over
 * worker threads. {@link io.github.reluregions.local.LocalCounter} runs the counts,
 * {@link io.github.reluregions.local.LocalCount} is one ball's row and
 * {@link io.github.reluregions.local.LocalSummary} sums up one radius.
 */
package io.github.reluregions.local;
