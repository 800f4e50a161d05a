package org.careweave.casefinding;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A count of people as shown to anyone: 1 to 7 appear as "&lt;8" with no percentage (as the neighbourhood profile).
 * In JSON too: {@code {"count":null,"shown":"<8"}}, never the exact small number.
 */
public record Suppressed(@JsonIgnore long value) {

    static final int BELOW = 8;

    public boolean suppressed() {
        return value > 0 && value < BELOW;
    }

    @JsonProperty("shown")
    public String shown() {
        return suppressed() ? "<" + BELOW : String.format(Locale.UK, "%,d", value);
    }

    /** Percentage of {@code total}, or "–" when the count (or the total) must not be shown. */
    public String percentOf(long total) {
        return suppressed() || total <= 0 || (total < BELOW) ? "–"
                : String.format(Locale.UK, "%.1f%%", 100.0 * value / total);
    }

    /** The count that may be published: small numbers are withheld (null) rather than given exactly. */
    @JsonProperty("count")
    public Long published() {
        return suppressed() ? null : value;
    }
}
