package org.careweave.synth;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Picks an index with probability proportional to its weight. Weights need not sum to one. */
final class WeightedChoice {

    private final double[] cumulative;

    WeightedChoice(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("No weights to choose from");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("Weights must not be negative");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("Weights must not all be zero");
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    int pick(RandomGenerator random) {
        double u = random.nextDouble();
        int i = Arrays.binarySearch(cumulative, u);
        int index = i >= 0 ? i + 1 : -i - 1;
        return Math.min(index, cumulative.length - 1);
    }

    /** The normalised probability of index {@code i}. */
    double probability(int i) {
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }

    int size() {
        return cumulative.length;
    }
}
