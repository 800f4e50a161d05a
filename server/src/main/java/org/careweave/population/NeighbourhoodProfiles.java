package org.careweave.population;

import java.util.List;

import org.careweave.population.NeighbourhoodProfile.AgeBand;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Builds the neighbourhood profile. */
@Service
class NeighbourhoodProfiles {

    static final int OLDER_FROM_BAND = 65 / NeighbourhoodFigures.BAND_YEARS;

    private final NeighbourhoodFigures figures;

    NeighbourhoodProfiles(NeighbourhoodFigures figures) {
        this.figures = figures;
    }

    // Repeatable read: every figure comes from one snapshot, so the parts add up even while data is loading.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    NeighbourhoodProfile current() {
        List<AgeBand> bands = figures.ageBands();
        long residents = 0;
        long over65 = 0;
        for (int band = 0; band < bands.size(); band++) {
            AgeBand b = bands.get(band);
            long people = b.female().value() + b.male().value() + b.otherOrUnknown().value();
            residents += people;
            over65 += band >= OLDER_FROM_BAND ? people : 0;
        }
        return new NeighbourhoodProfile(new Count(residents), new Count(over65), bands, figures.practices(),
                figures.conditions(), figures.deciles());
    }
}
