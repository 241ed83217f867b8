/**
 * relu-regions: counts the linear (activation) regions of ReLU networks. The sub-packages, in the order data
 * flows: {@code model} (the network), {@code domain} (the input domain), {@code io} (every file format),
 * {@code query} (a network in a domain under tolerances), {@code propagation} and {@code bounds} (bound
 * propagation and the analytical upper bounds), {@code solver} and {@code compile} (the only OR-Tools
 * importers), {@code count} (exact counting: the cell kernel and the lp and model engines),
 * {@code probabilistic} (hashing-based counting), {@code checkpoint}, {@code cluster} (the only Hazelcast
 * importer), {@code local}, {@code slice}, {@code plot} (the only JFreeChart importer), {@code benchmark},
 * {@code report} and {@code cli}. This package holds what all of them share: {@link
 * io.github.reluregions.ExitCode}, {@link io.github.reluregions.InvalidInputException},
 * {@link io.github.reluregions.ExecutionFailures} and {@link io.github.reluregions.Vectors} (the dot products
 * of the domains, the LPs and the engines).
 */
package io.github.reluregions;
