package org.careweave.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountUnitTests {

    @Test
    void countsFromOneToSevenAreShownAsFewerThanEight() {
        assertThat(new Count(1).shown()).isEqualTo("<8");
        assertThat(new Count(7).shown()).isEqualTo("<8");
        assertThat(new Count(8).shown()).isEqualTo("8");
        assertThat(new Count(0).shown()).isEqualTo("0");
        assertThat(new Count(12345).shown()).isEqualTo("12,345");
    }

    @Test
    void suppressedCountsHaveNoPercentageAndNoBar() {
        assertThat(new Count(5).percentOf(100)).isNull();
        assertThat(new Count(5).barPercent(10)).isZero();
        assertThat(new Count(25).percentOf(200)).isEqualTo("12.5%");
        assertThat(new Count(25).barPercent(50)).isEqualTo(50.0);
        assertThat(new Count(0).percentOf(0)).isNull();
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new Count(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
