package io.github.reluregions.io.onnx;

import java.util.List;
import org.junit.jupiter.api.Test;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorProto;
import io.github.reluregions.model.Network;

import static io.github.reluregions.io.onnx.TestModel.floatAttribute;
import static io.github.reluregions.io.onnx.TestModel.floatsAttribute;
import static io.github.reluregions.io.onnx.TestModel.in;
import static io.github.reluregions.io.onnx.TestModel.intAttribute;
import static io.github.reluregions.io.onnx.TestModel.scalarAttribute;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each supported operator, in small graphs whose forward pass is checked against ONNX Runtime (the model
 * as built, in float32, and a float64 copy), and each refusal with the message it gives.
 */
class OnnxNetworkReaderTest {

    /** Loads the model and checks its forward pass against ONNX Runtime on random inputs. */
    static Network loadAndCheck(TestModel model) throws Exception {
        byte[] bytes = model.bytes();
        Network net = OnnxNetworkReader.parse(bytes, "test.onnx");
        SharedModelsTest.worstDifference(net, bytes, 3, SharedModelsTest.FLOAT32_TOLERANCE);
        SharedModelsTest.worstDifference(net, OnnxRuntimeReference.inDouble(bytes), 3, SharedModelsTest.FLOAT64_TOLERANCE);
        return net;
    }

    static InvalidInputException refused(TestModel model) {
        return assertThrows(InvalidInputException.class, () -> OnnxNetworkReader.parse(model.bytes(), "test.onnx"));
    }

    @Test
    void gemmWithTransposesAlphaAndBetaAndTheWeightAsEitherOperand() throws Exception {
        TestModel model = new TestModel().input("x", -1, 3)
                .randomInitializer("W1", 4, 3).randomInitializer("c1", 4)
                .node("Gemm", in("x", "W1", "c1"), "z1", intAttribute("transB", 1), floatAttribute("alpha", 0.5),
                        floatAttribute("beta", 2))
                .node("Relu", in("z1"), "h1")
                // h1 is [1, 4]: transA on its [4, 1] reshape gives it back
                .longs("column", 4, 1)
                .node("Reshape", in("h1", "column"), "h1t")
                .randomInitializer("W2", 4, 5).randomInitializer("c2", 1, 5)
                .node("Gemm", in("h1t", "W2", "c2"), "z2", intAttribute("transA", 1))
                .node("Relu", in("z2"), "h2")
                // the weight as A: [2, 5] x h2^T [5, 1]
                .randomInitializer("W3", 2, 5)
                .node("Gemm", in("W3", "h2"), "y", intAttribute("transB", 1))
                .output("y");
        Network net = loadAndCheck(model);
        assertEquals(List.of(4, 5), net.hiddenWidths());
        assertEquals(3, net.inputDimension());
        assertEquals(2, net.outputDimension());
    }

    @Test
    void matMulWithTheWeightOnEitherSideAndInputNormalisationFoldedIn() throws Exception {
        TestModel model = new TestModel().input("x", 3)
                .initializer("mean", new long[] {3}, 0.5, -1, 2).initializer("std", new long[] {3}, 2, 0.25, 4)
                .node("Sub", in("x", "mean"), "centered")
                .node("Div", in("centered", "std"), "normalised")
                .randomInitializer("W1", 6, 3).randomInitializer("b1", 6)
                .node("MatMul", in("W1", "normalised"), "m1") // weight first, 1-D input
                .node("Add", in("b1", "m1"), "z1")
                .node("Relu", in("z1"), "h1")
                .initializer("gain", new long[] {1}, -1.5)
                .node("Mul", in("gain", "h1"), "scaled")
                .randomInitializer("W2", 6, 2).randomInitializer("b2", 2)
                .node("MatMul", in("scaled", "W2"), "m2") // weight second
                .node("Sub", in("b2", "m2"), "z2")
                .node("Identity", in("z2"), "y")
                .output("y");
        Network net = loadAndCheck(model);
        assertEquals(List.of(6), net.hiddenWidths());
    }

    @Test
    void flattenReshapeAndConstantNodesKeepRowMajorOrder() throws Exception {
        TestModel model = new TestModel().input("x", 1, 2, 3)
                .node("Flatten", in("x"), "flat", intAttribute("axis", -2)) // [1, 6]
                .randomInitializer("W1", 6, 4)
                .node("MatMul", in("flat", "W1"), "z1")
                .node("Constant", in(), "shift", floatsAttribute("value_floats", 0.1, -0.2, 0.3, -0.4))
                .node("Add", in("z1", "shift"), "z1b")
                .node("Constant", in(), "half", scalarAttribute("value", 0.5))
                .node("Mul", in("z1b", "half"), "z1c")
                .node("Relu", in("z1c"), "h1")
                .longs("shape", 0, 2, -1) // [1, 2, 2]
                .node("Reshape", in("h1", "shape"), "grid")
                .randomInitializer("W2", 2, 3)
                .node("MatMul", in("grid", "W2"), "y") // batched: [1, 2, 3]
                .output("y");
        Network net = loadAndCheck(model);
        assertEquals(6, net.inputDimension());
        assertEquals(6, net.outputDimension());
    }

    @Test
    void aGraphEndingInReluGetsAnIdentityOutputLayer() throws Exception {
        TestModel model = new TestModel().input("x", 2)
                .initializer("W", new long[] {2, 3}, 1, -1, 2, 0.5, 1, -3)
                .node("MatMul", in("x", "W"), "z")
                .node("Relu", in("z"), "y")
                .output("y");
        Network net = loadAndCheck(model);
        assertEquals(List.of(3), net.hiddenWidths());
        assertArrayEquals(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, net.outputLayer().weights());
        assertArrayEquals(new double[] {0, 0, 0}, net.outputLayer().biases());
    }

    @Test
    void unsupportedOperatorIsNamedWithItsNodeAndTheSupportedList() {
        TestModel model = new TestModel().input("x", 2).randomInitializer("W", 2, 2)
                .node("MatMul", in("x", "W"), "z").node("Sigmoid", in("z"), "y").output("y");
        InvalidInputException e = refused(model);
        assertTrue(e.getMessage().contains("node 1 'sigmoid_1' (Sigmoid)"), e.getMessage());
        assertTrue(e.getMessage().contains("supported: " + OnnxNetworkReader.SUPPORTED), e.getMessage());
        assertTrue(e.hint().startsWith("Maybe"), e.hint());
    }

    @Test
    void skipConnectionsAreRefused() {
        TestModel model = new TestModel().input("x", 2).randomInitializer("W", 2, 2)
                .node("MatMul", in("x", "W"), "z").node("Relu", in("z"), "h")
                .node("Add", in("h", "x"), "y").output("y");
        assertTrue(refused(model).getMessage().contains("skip connection"));
    }

    @Test
    void productsOfTwoInputDependentTensorsAreRefused() {
        TestModel product = new TestModel().input("x", 2).node("Mul", in("x", "x"), "y").output("y");
        assertTrue(refused(product).getMessage().contains("not piecewise linear"));
        TestModel quotient = new TestModel().input("x", 2).initializer("one", new long[] {1}, 1)
                .node("Div", in("one", "x"), "y").output("y");
        assertTrue(refused(quotient).getMessage().contains("divides by a tensor that depends on the input"));
    }

    @Test
    void malformedFilesAreRefusedAsNotOnnx() {
        InvalidInputException garbage = assertThrows(InvalidInputException.class,
                () -> OnnxNetworkReader.parse("(declare-const X_0 Real)\n".getBytes(), "p.onnx"));
        assertTrue(garbage.getMessage().startsWith("The network file p.onnx is not a valid ONNX model"), garbage.getMessage());
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> OnnxNetworkReader.parse(new byte[0], "empty.onnx"));
        assertTrue(empty.getMessage().contains("holds no graph"), empty.getMessage());
    }

    @Test
    void structuralProblemsAreReported() {
        TestModel twoInputs = new TestModel().input("x", 2).input("u", 2).node("Add", in("x", "u"), "y").output("y");
        assertTrue(refused(twoInputs).getMessage().contains("2 inputs that are not initializers [x, u]"));
        TestModel linear = new TestModel().input("x", 2).randomInitializer("W", 2, 2)
                .node("MatMul", in("x", "W"), "y").output("y");
        assertTrue(refused(linear).getMessage().contains("needs at least one hidden layer"));
        TestModel unordered = new TestModel().input("x", 2).node("Relu", in("z"), "y")
                .randomInitializer("W", 2, 2).node("MatMul", in("x", "W"), "z").output("y");
        assertTrue(refused(unordered).getMessage().contains("topological order"));
        TestModel badShapes = new TestModel().input("x", 2).randomInitializer("W", 3, 2)
                .node("MatMul", in("x", "W"), "z").node("Relu", in("z"), "y").output("y");
        assertTrue(refused(badShapes).getMessage().contains("cannot be multiplied"));
    }

    @Test
    void externalAndUnsupportedTensorDataAreRefused() {
        TestModel external = new TestModel().input("x", 2).node("Relu", in("x"), "y").output("y");
        external.graph().addInitializer(TensorProto.newBuilder().setName("W").addDims(2)
                .setDataType(TensorProto.DataType.FLOAT_VALUE).setDataLocation(TensorProto.DataLocation.EXTERNAL));
        assertTrue(refused(external).getMessage().contains("external data file"));
        TestModel halfPrecision = new TestModel().input("x", 2).node("Relu", in("x"), "y").output("y");
        halfPrecision.graph().addInitializer(TensorProto.newBuilder().setName("W").addDims(1)
                .setDataType(TensorProto.DataType.FLOAT16_VALUE).addInt32Data(0));
        assertTrue(refused(halfPrecision).getMessage().contains("FLOAT16"));
        TestModel short1 = new TestModel().input("x", 2).initializer("W", new long[] {2, 2}, 1, 2, 3)
                .node("MatMul", in("x", "W"), "z").node("Relu", in("z"), "y").output("y");
        assertTrue(refused(short1).getMessage().contains("holds 3 numbers but its shape [2, 2] needs 4"));
    }
}
