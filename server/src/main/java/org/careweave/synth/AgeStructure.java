package org.careweave.synth;

import java.util.List;
import java.util.SplittableRandom;

import org.careweave.shared.DataFile;

/** England-like age and sex structure, from {@code synth/age-bands.csv}. */
final class AgeStructure {

    static final String RESOURCE = "synth/age-bands.csv";

    record Band(int from, int to, double weight, double femaleShare) {
    }

    record Draw(int age, boolean female) {
    }

    private final List<Band> bands;
    private final WeightedChoice choice;

    AgeStructure(List<Band> bands) {
        this.bands = List.copyOf(bands);
        this.choice = new WeightedChoice(bands.stream().mapToDouble(Band::weight).toArray());
    }

    static AgeStructure load() {
        var rows = DataFile.read("classpath:" + RESOURCE, "from_age", "to_age", "percent", "female_share");
        int expectedFrom = 0;
        List<Band> bands = new java.util.ArrayList<>();
        for (var row : rows) {
            int from = row.integer(0, 0, 120);
            int to = row.integer(1, from, 120);
            if (from != expectedFrom) {
                throw row.error("bands must follow on without gaps: expected from_age " + expectedFrom);
            }
            bands.add(new Band(from, to, row.number(2, 0, 100), row.number(3, 0, 1)));
            expectedFrom = to + 1;
        }
        return new AgeStructure(bands);
    }

    Draw draw(SplittableRandom random) {
        Band band = bands.get(choice.pick(random));
        int span = band.to() - band.from() + 1;
        boolean last = band == bands.get(bands.size() - 1);
        // The open-ended oldest band thins out with age (triangular), the others are flat.
        int offset = last ? (int) (span * (1 - Math.sqrt(random.nextDouble()))) : random.nextInt(span);
        int age = band.from() + Math.min(offset, span - 1);
        return new Draw(age, random.nextDouble() < band.femaleShare());
    }

    /** Expected share of the population aged {@code age} or older (whole bands only). */
    double shareAged(int age) {
        double share = 0;
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).from() >= age) {
                share += choice.probability(i);
            }
        }
        return share;
    }
}
