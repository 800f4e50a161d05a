package org.careweave;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featuresOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(CareWeaveApplication.class).verify();
    }
}
