/**
 * The network as immutable records ({@link io.github.reluregions.model.Network}, {@link io.github.reluregions.model.Layer}) and the affine map
 * of one activation pattern's region ({@link io.github.reluregions.model.LinearPiece}). The readers are in {@code io}.
 */
package io.github.reluregions.model;
