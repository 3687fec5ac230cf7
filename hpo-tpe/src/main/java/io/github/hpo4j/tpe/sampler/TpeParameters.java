package io.github.hpo4j.tpe.sampler;

/**
 * Settings of the Parzen estimators, fixed for a sampler. {@code unscaledKernels} evaluates
 * continuous kernels without their 1/σ factor, as Optuna 3.1's truncated-normal log pdf did.
 */
record TpeParameters(double priorWeight, boolean considerMagicClip, boolean considerEndpoints, boolean multivariate,
                     boolean unscaledKernels) {
}
