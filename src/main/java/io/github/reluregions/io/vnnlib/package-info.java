/**
 * The VNN-LIB reader: the input box of a verification property (its asserts on {@code X_i}), as a
 * {@link io.github.reluregions.domain.Box}; assertions on the outputs are counted and left aside.
 */
package io.github.reluregions.io.vnnlib;
