/**
 * The searches inside one parity cell (the activation patterns that satisfy a system of XOR constraints):
 * {@link io.github.reluregions.probabilistic.search.ParitySearch} in the neurons' order,
 * {@link io.github.reluregions.probabilistic.search.ParityCellSearch} with Gaussian elimination over GF(2)
 * ({@link io.github.reluregions.probabilistic.search.ParityPropagation}); both certify each region through {@code count.cell}.
 * {@link io.github.reluregions.probabilistic.search.PrefixProfile} is a sampled profile of the search tree.
 */
package io.github.reluregions.probabilistic.search;
