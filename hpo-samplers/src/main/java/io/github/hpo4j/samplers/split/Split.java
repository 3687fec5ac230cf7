package io.github.hpo4j.samplers.split;

/**
 * A train / validation / test split of items in which no group is on two sides. K-fold
 * splitters leave the validation side empty.
 *
 * <pre>{@code
 * Split s = GroupShuffleSplit.of(0.7, 0.15, 0.15).seed(1).split(groups);
 * s.train().itemCount();  s.test().groupCount();
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param train      training items
 * @param validation validation items (empty for k-fold splits)
 * @param test       held-out items
 */
public record Split(Side train, Side validation, Side test) {

    @Override
    public String toString() {
        return "Split[train " + train + ", validation " + validation + ", test " + test + "]";
    }
}
