/**
 * Two-dimensional slices of a network's partition: a {@link io.github.reluregions.slice.Plane} through
 * input space, the network restricted to it, and every region of the slice as its exact
 * {@link io.github.reluregions.slice.ConvexPolygon} (from the exact count's patterns, not from sampling),
 * with the neighbour graph used to colour them. Plain geometry in doubles: no OR-Tools, no drawing.
 */
package io.github.reluregions.slice;
