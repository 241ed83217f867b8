/**
 * Every file format read into the model: {@link io.github.reluregions.io.NetworkReaders} chooses among JSON, ONNX
 * ({@code io.onnx}) and NNet by format or extension; {@link io.github.reluregions.io.LoadedNetwork} carries the input range an
 * NNet file clips to; VNN-LIB properties are read in {@code io.vnnlib}.
 */
package io.github.reluregions.io;
