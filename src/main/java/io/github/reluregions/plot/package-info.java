/**
 * Pictures, all drawn with JFreeChart and written as PNG or SVG (JFreeSVG):
 * {@link io.github.reluregions.plot.SlicePicture} draws a slice's exact region polygons;
 * {@link io.github.reluregions.plot.Charts} makes histograms, log-scale bars and lines;
 * {@link io.github.reluregions.plot.Tightness} turns a table of bounds and counts into bars;
 * {@link io.github.reluregions.plot.Table} reads CSV, JSON and JSON-lines tables.
 */
package io.github.reluregions.plot;
