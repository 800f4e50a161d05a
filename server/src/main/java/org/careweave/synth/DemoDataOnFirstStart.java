package org.careweave.synth;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo neighbourhood and demo users when the application starts. Runs once all
 * beans (including Flyway's migration) are ready and before the web server starts taking requests.
 */
@Component
class DemoDataOnFirstStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataOnFirstStart.class);

    private final SyntheticNeighbourhood neighbourhood;
    private final DemoCareSetting careSetting;
    private final DemoSettings settings;
    private final String datasourceUrl;

    DemoDataOnFirstStart(SyntheticNeighbourhood neighbourhood, DemoCareSetting careSetting, DemoSettings settings,
                         @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.neighbourhood = neighbourhood;
        this.careSetting = careSetting;
        this.settings = settings;
        this.datasourceUrl = datasourceUrl;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.enabled()) {
            return;
        }
        if (!settings.allowedOn(datasourceUrl)) {
            log.warn("Demo data and demo users were NOT created: an external database is configured and {} is "
                    + "false. Set it to true (CAREWEAVE_DEMO_ALLOW_EXTERNAL_DATABASE=true) only for a "
                    + "demonstration database: demo users have published passwords.", DemoSettings.ALLOW_EXTERNAL);
            return;
        }
        if (neighbourhood.hasResidents()) {
            return;
        }
        log.info("Empty database: generating the demo neighbourhood ({} residents, seed {})", settings.residents(),
                settings.seed());
        try {
            LocalDate today = LocalDate.now();
            GenerationSummary summary = neighbourhood.generate(new GenerationRequest(settings.residents(),
                    settings.seed(), false, today, true), GenerationProgress.NONE);
            log.info(summary.describe());
            log.info("Demo care setting: {}", careSetting.arrange(today));
        } catch (ResidentsAlreadyPresent e) {
            log.info("Another CareWeave node created the demo neighbourhood first");
        }
    }
}
