/**
 * Bound propagation: pre-activation intervals of every hidden neuron over a domain, and its stable
 * neurons. {@link io.github.reluregions.propagation.IntervalBounds} is interval arithmetic (one pass, loose
 * in high dimension); {@link io.github.reluregions.propagation.CrownBounds} is linear relaxation (CROWN),
 * tighter and never looser. No solver.
 */
package io.github.reluregions.propagation;
