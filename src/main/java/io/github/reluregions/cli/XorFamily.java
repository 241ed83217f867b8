package io.github.reluregions.cli;

import io.github.reluregions.probabilistic.HashChoice;

/** The XOR families of {@code count probabilistic --hash}. */
enum XorFamily {
    /** Rows in echelon form, for a fast search in the neurons' order. */
    STAIRCASE,
    /** Each neuron in each XOR with probability 1/2. */
    DENSE;

    HashChoice choice() {
        return this == STAIRCASE ? HashChoice.staircase() : HashChoice.dense();
    }
}
