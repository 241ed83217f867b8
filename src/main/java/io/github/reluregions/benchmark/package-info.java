/**
 * Benchmarks: the tightness benchmark runs a suite of networks (files, the shared reference cases, random
 * families), counts each one's regions and compares every analytical bound with the count; results as
 * CSV, JSON, a Markdown table and plots. Uses {@code engine} through its interface, never OR-Tools itself.
 */
package io.github.reluregions.benchmark;
