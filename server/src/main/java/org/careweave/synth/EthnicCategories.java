package org.careweave.synth;

import java.util.List;
import java.util.SplittableRandom;

import org.careweave.shared.DataFile;

/** NHS Data Dictionary ethnic category codes with England-like shares, from {@code synth/ethnic-categories.csv}. */
final class EthnicCategories {

    static final String RESOURCE = "synth/ethnic-categories.csv";

    private final String[] codes;
    private final WeightedChoice younger;
    private final WeightedChoice older;

    private EthnicCategories(String[] codes, double[] younger, double[] older) {
        this.codes = codes;
        this.younger = new WeightedChoice(younger);
        this.older = new WeightedChoice(older);
    }

    static EthnicCategories load() {
        var rows = DataFile.read("classpath:" + RESOURCE, "code", "description", "percent_under_65", "percent_65_plus");
        String[] codes = new String[rows.size()];
        double[] younger = new double[rows.size()];
        double[] older = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            codes[i] = row.text(0);
            if (!codes[i].matches("[A-Z]")) {
                throw row.error("an ethnic category code is one capital letter, not '" + codes[i] + "'");
            }
            row.text(1);
            younger[i] = row.number(2, 0, 100);
            older[i] = row.number(3, 0, 100);
        }
        return new EthnicCategories(codes, younger, older);
    }

    String draw(int age, SplittableRandom random) {
        return codes[(age >= 65 ? older : younger).pick(random)];
    }
}
