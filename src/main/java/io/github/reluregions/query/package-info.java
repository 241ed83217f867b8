/**
 * What a count is about, in one record: {@link io.github.reluregions.query.Query} (network, domain,
 * tolerances) with its fingerprint, and the tolerance model ({@link io.github.reluregions.query.Tolerances},
 * as given; {@link io.github.reluregions.query.AppliedTolerances}, as applied in input coordinates).
 */
package io.github.reluregions.query;
