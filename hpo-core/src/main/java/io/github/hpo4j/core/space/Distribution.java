package io.github.hpo4j.core.space;

/**
 * The range a parameter is drawn from: a closed family of three kinds.
 *
 * <p>Every distribution maps the user's value (the <em>external</em> representation: a
 * {@code Double}, an {@code Integer}, or one of the categorical choices) to a {@code double}
 * <em>internal</em> representation that samplers and storages work with: the value itself for
 * numeric distributions, the index of the choice for categorical ones. Samplers therefore never
 * box or compare objects on their hot path.
 *
 * <pre>{@code
 * Distribution lr = FloatDistribution.log(1e-5, 1e-1);
 * double internal = lr.toInternal(3e-4);      // 3e-4
 * Object external = lr.toExternal(internal);  // Double 3e-4
 * }</pre>
 *
 * <p>Stability: stable. The set of permitted kinds may grow in a minor release.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

    /**
     * Converts a user value to the internal representation.
     *
     * @param external the value as the user sees it
     * @return the internal representation
     * @throws IllegalArgumentException if the value is not of this distribution's type or outside it
     */
    double toInternal(Object external);

    /**
     * Converts an internal representation back to the user value.
     *
     * @param internal the internal representation
     * @return the value as the user sees it
     * @throws IllegalArgumentException if {@code internal} is not a valid internal value
     */
    Object toExternal(double internal);

    /**
     * Whether an internal value lies inside this distribution (and on its step grid).
     *
     * @param internal an internal representation
     * @return {@code true} if it is a value this distribution can produce
     */
    boolean containsInternal(double internal);

    /** @return {@code true} if the distribution holds exactly one value */
    boolean isSingle();
}
