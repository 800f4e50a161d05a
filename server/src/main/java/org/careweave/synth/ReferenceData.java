package org.careweave.synth;

import org.springframework.stereotype.Component;

/**
 * The generator's reference tables, loaded and checked once when the application starts: a malformed file stops
 * start-up with a message naming the file and line rather than producing odd data later.
 */
@Component
class ReferenceData {

    private final AgeStructure ageStructure;
    private final EthnicCategories ethnicCategories;
    private final Names names;
    private final ConditionCatalogue conditions;

    ReferenceData() {
        this.ageStructure = AgeStructure.load();
        this.ethnicCategories = EthnicCategories.load();
        this.names = Names.load();
        this.conditions = ConditionCatalogue.load();
    }

    AgeStructure ageStructure() {
        return ageStructure;
    }

    EthnicCategories ethnicCategories() {
        return ethnicCategories;
    }

    Names names() {
        return names;
    }

    ConditionCatalogue conditions() {
        return conditions;
    }
}
