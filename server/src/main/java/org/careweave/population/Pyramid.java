package org.careweave.population;

import java.util.List;

import org.careweave.population.NeighbourhoodProfile.AgeBand;

/**
 * Geometry of the population pyramid SVG, computed here so the template only places shapes. Males to the left,
 * females to the right, youngest band at the bottom. Suppressed counts draw no bar.
 */
record Pyramid(int width, int height, int axisLeft, int axisRight, List<Row> rows) {

    static final int WIDTH = 640;
    static final int TOP = 30;
    static final int ROW_HEIGHT = 20;
    static final int LABEL_WIDTH = 90;
    static final int HALF = (WIDTH - LABEL_WIDTH) / 2;

    /** One band: y of its row, bar lengths in user units, and where the left (male) bar starts. */
    record Row(String label, int y, double maleLength, double maleX, double femaleLength, int labelX) {
    }

    static Pyramid of(List<AgeBand> bands) {
        long largest = bands.stream()
                .mapToLong(b -> Math.max(b.female().value(), b.male().value())).max().orElse(0);
        int axisLeft = HALF;
        int axisRight = HALF + LABEL_WIDTH;
        int count = bands.size();
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            AgeBand band = bands.get(i);
            int y = TOP + (count - 1 - i) * ROW_HEIGHT;
            double male = band.male().barPercent(largest) / 100 * (HALF - 4);
            double female = band.female().barPercent(largest) / 100 * (HALF - 4);
            rows.add(new Row(band.label(), y, round(male), round(axisLeft - male), round(female),
                    axisLeft + LABEL_WIDTH / 2));
        }
        return new Pyramid(WIDTH, TOP + count * ROW_HEIGHT + 4, axisLeft, axisRight, List.copyOf(rows));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
