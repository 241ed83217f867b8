package io.github.reluregions.io.vnnlib;

import io.github.reluregions.domain.Box;

import java.util.Objects;

/**
 * What a VNN-LIB property says about the inputs: the box its asserts on {@code X_i} describe.
 *
 * @param inputBox the box of the inputs, one side per declared {@code X_i}
 * @param outputs how many outputs {@code Y_i} it declares
 * @param outputAssertions how many of its assertions involve outputs (these are not used)
 */
public record VnnLibProperty(Box inputBox, int outputs, int outputAssertions) {

    public VnnLibProperty {
        Objects.requireNonNull(inputBox, "inputBox");
    }

    public int inputs() {
        return inputBox.dimension();
    }
}
