/**
 * The network as immutable records ({@link io.github.reluregions.network.Network},
 * {@link io.github.reluregions.network.Layer}) and the readers that turn files into them:
 * {@link io.github.reluregions.network.NetworkReaders} chooses among JSON, ONNX ({@code network.onnx})
 * and NNet by format or extension; {@link io.github.reluregions.network.LoadedNetwork} carries the input
 * range an NNet file clips to.
 */
package io.github.reluregions.network;
