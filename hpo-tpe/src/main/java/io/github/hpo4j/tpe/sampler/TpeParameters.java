package io.github.hpo4j.tpe.sampler;

/** Settings of the Parzen estimators, fixed for a sampler. */
record TpeParameters(double priorWeight, boolean considerMagicClip, boolean considerEndpoints, boolean multivariate) {
}
