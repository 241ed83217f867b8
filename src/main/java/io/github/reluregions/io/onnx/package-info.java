/**
 * The ONNX reader: {@link io.github.reluregions.io.onnx.OnnxNetworkReader} runs a feed-forward ReLU
 * graph symbolically (every tensor an affine function of the current layer's inputs) and returns its
 * layers as a {@link io.github.reluregions.model.Network}. The protobuf classes it reads with are
 * generated into {@code io.onnx.proto} from {@code src/main/protobuf/onnx.proto} at build time.
 */
package io.github.reluregions.io.onnx;
