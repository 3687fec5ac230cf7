package io.github.hpo4j.examples.quickstart;

import io.github.hpo4j.core.trial.Trial;
import java.util.List;

/**
 * A deterministic stand-in for a training run: a validation loss that depends on the learning
 * rate (log scale), batch size (log scale), dropout, optimizer and depth, with its minimum 0.1 at
 * lr 3e-4, batch 256, dropout 0.5, adam, 3 layers. Used by the quickstart so that it runs in
 * seconds.
 */
public final class TrainingRunStandIn {

    private static final List<String> OPTIMIZERS = List.of("adam", "rmsprop", "adagrad", "sgd");
    private static final double[] OFFSETS = {0.0, 0.05, 0.15, 0.3};

    private TrainingRunStandIn() {
    }

    /**
     * Asks the trial for its five parameters and returns the loss.
     *
     * @param trial the live trial
     * @return the validation loss
     */
    public static double evaluate(Trial trial) {
        double lr = trial.suggestFloat("lr", 1e-5, 1e-1, true);
        int batch = trial.suggestInt("batch", 16, 4096, true);
        double dropout = trial.suggestFloat("dropout", 0.0, 0.7);
        String optimizer = trial.suggestCategorical("optimizer", OPTIMIZERS);
        int layers = trial.suggestInt("layers", 1, 6);
        double a = Math.log10(lr) - Math.log10(3e-4);
        double b = Math.log(batch) / Math.log(2) - 8;
        return 0.1 + 0.08 * a * a + 0.02 * b * b + 0.6 * (dropout - 0.5) * (dropout - 0.5)
                + OFFSETS[OPTIMIZERS.indexOf(optimizer)] + 0.03 * (layers - 3) * (layers - 3);
    }
}
