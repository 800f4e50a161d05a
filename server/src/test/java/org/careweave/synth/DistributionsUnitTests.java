package org.careweave.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The generator's sampling against the intent of its data files. Seeds are fixed, so results are reproducible; the
 * tolerances are about four standard errors of the sample, stated next to each check.
 */
class DistributionsUnitTests {

    private static final int SAMPLE = 200_000;

    @Test
    void ageAndSexStructureIsEnglandLike() {
        AgeStructure ages = AgeStructure.load();
        SplittableRandom random = new SplittableRandom(1);
        int aged65 = 0;
        int aged85 = 0;
        int female = 0;
        int female85 = 0;
        for (int i = 0; i < SAMPLE; i++) {
            AgeStructure.Draw draw = ages.draw(random);
            aged65 += draw.age() >= 65 ? 1 : 0;
            aged85 += draw.age() >= 85 ? 1 : 0;
            female += draw.female() ? 1 : 0;
            female85 += draw.age() >= 85 && draw.female() ? 1 : 0;
            assertThat(draw.age()).isBetween(0, 104);
        }
        // age-bands.csv states 65+ = 18.6% and 85+ = 2.5% (SE 0.09 and 0.035 points at this sample size).
        assertThat(ages.shareAged(65)).isBetween(0.184, 0.188);
        assertThat(aged65 / (double) SAMPLE).isBetween(0.182, 0.190);
        assertThat(aged85 / (double) SAMPLE).isBetween(0.0235, 0.0265);
        assertThat(female / (double) SAMPLE).isBetween(0.499, 0.513);
        // Women outlive men: about 63% of the 85+ are women.
        assertThat(female85 / (double) aged85).isBetween(0.60, 0.67);
    }

    @Test
    void weightedChoiceFollowsItsWeights() {
        WeightedChoice choice = new WeightedChoice(new double[] {1, 0, 3});
        SplittableRandom random = new SplittableRandom(2);
        int[] counts = new int[3];
        for (int i = 0; i < SAMPLE; i++) {
            counts[choice.pick(random)]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[0] / (double) SAMPLE).isBetween(0.246, 0.254);
        assertThat(choice.probability(2)).isEqualTo(0.75);
    }

    @Test
    void poissonCountsHaveTheRequestedMean() {
        SplittableRandom random = new SplittableRandom(3);
        for (double mean : new double[] {0.1, 2.5, 12}) {
            long total = 0;
            for (int i = 0; i < SAMPLE; i++) {
                total += CareActivity.poisson(mean, random);
            }
            // SE of the mean is sqrt(mean / SAMPLE).
            assertThat(total / (double) SAMPLE).isCloseTo(mean, org.assertj.core.data.Offset.offset(
                    4 * Math.sqrt(mean / SAMPLE)));
        }
    }

    @Test
    void deprivationSkewsTowardsTheMostDeprivedDeciles() {
        // Mean decile below 5.5 means more residents in deprived areas than England as a whole.
        assertThat(Geography.meanDecile()).isBetween(4.5, 5.0);
    }

    @Test
    void areasLookTheSameWhicheverSeedPicksThem() {
        Names names = Names.load();
        Geography one = new Geography(1, 1500 * 40, 4, names);
        Geography again = new Geography(1, 1500 * 40, 4, names);
        assertThat(one.size()).isEqualTo(40);
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) {
            Geography.Area area = one.area(a);
            assertThat(again.area(b)).usingRecursiveComparison().isEqualTo(area);
            assertThat(area.code()).matches("E019\\d{5}");
            assertThat(area.postcodes()).allMatch(p -> p.matches("YN\\d{1,2} \\d[ABDEFGHJLNPQRSTUWXYZ]{2}"));
            assertThat(area.imdDecile()).isBetween(1, 10);
        }
    }
}
