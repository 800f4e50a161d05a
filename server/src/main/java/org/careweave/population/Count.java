package org.careweave.population;

import java.util.Locale;

/**
 * A count of people as published: counts from 1 to 7 are shown as "&lt;8" (and their percentages withheld) so
 * that no one can be singled out from an aggregate figure. Zero is shown, as it identifies no one.
 */
record Count(long value) {

    static final int SUPPRESS_BELOW = 8;

    Count {
        if (value < 0) {
            throw new IllegalArgumentException("A count of people cannot be negative: " + value);
        }
    }

    public boolean suppressed() {
        return value > 0 && value < SUPPRESS_BELOW;
    }

    /** The count as published: "&lt;8" for small numbers, otherwise with thousands separators. */
    public String shown() {
        return suppressed() ? "<" + SUPPRESS_BELOW : String.format(Locale.UK, "%,d", value);
    }

    /** This count as a percentage of the total to one decimal place, or null when it must not be shown. */
    public String percentOf(long total) {
        if (suppressed() || total <= 0) {
            return null;
        }
        return String.format(Locale.UK, "%.1f%%", 100.0 * value / total);
    }

    /** Share of the largest value, 0 to 100, for drawing a bar; suppressed counts draw no bar. */
    public double barPercent(long largest) {
        return suppressed() || largest <= 0 ? 0 : Math.min(100.0, 100.0 * value / largest);
    }
}
