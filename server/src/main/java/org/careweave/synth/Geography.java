package org.careweave.synth;

import java.util.SplittableRandom;

/**
 * The small areas (LSOAs) residents live in. Codes come from a fictitious pool {@code E019xxxxx} (real English LSOA
 * codes stop well below that) and each area's deprivation decile, streets and postcodes are a function of its code
 * alone, so an area looks the same whichever seed picked it. Postcodes use the area letters "YN", which no real
 * postcode area uses, in the standard format.
 */
final class Geography {

    static final int RESIDENTS_PER_AREA = 1500;
    static final int STREETS_PER_AREA = 4;
    private static final int POOL = 100_000;
    /** IMD decile weights (1 = most deprived): an urban neighbourhood skewed towards deprivation. */
    private static final double[] DECILE_WEIGHTS = {15, 13, 12, 11, 10, 9, 9, 8, 7, 6};
    private static final WeightedChoice DECILES = new WeightedChoice(DECILE_WEIGHTS);
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    record Area(String code, int imdDecile, int mainPractice, String[] streets, String[] postcodes) {
    }

    private final Area[] areas;

    Geography(long seed, long residents, int practices, Names names) {
        int count = (int) Math.max(1, Math.min(POOL / 2, (residents + RESIDENTS_PER_AREA - 1) / RESIDENTS_PER_AREA));
        int start = (int) Math.floorMod(Seeds.mix(seed ^ Seeds.PLACES), (long) (POOL - count));
        areas = new Area[count];
        for (int i = 0; i < count; i++) {
            areas[i] = area(start + i, practices, names);
        }
    }

    private static Area area(int number, int practices, Names names) {
        SplittableRandom random = Seeds.random(0, Seeds.PLACES, number);
        int decile = DECILES.pick(random) + 1;
        int mainPractice = random.nextInt(practices);
        String outward = "YN" + (1 + number % 20);
        String[] streets = new String[STREETS_PER_AREA];
        String[] postcodes = new String[STREETS_PER_AREA];
        for (int s = 0; s < STREETS_PER_AREA; s++) {
            streets[s] = names.street(random.nextInt(10_000));
            postcodes[s] = outward + " " + (number / 20 % 10)
                    + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                    + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
        }
        return new Area(String.format("E019%05d", number), decile, mainPractice, streets, postcodes);
    }

    /** Mean IMD decile over areas: the deprivation effect on health is centred on it. */
    static double meanDecile() {
        double mean = 0;
        for (int d = 0; d < DECILE_WEIGHTS.length; d++) {
            mean += (d + 1) * DECILES.probability(d);
        }
        return mean;
    }

    Area area(SplittableRandom random) {
        return areas[random.nextInt(areas.length)];
    }

    int size() {
        return areas.length;
    }
}
