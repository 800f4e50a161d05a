package org.careweave;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CareWeave: the platform an integrated neighbourhood team runs on.
 *
 * <p>Started without arguments it serves the web UI, REST and FHIR APIs. Started with a command (for example
 * {@code generate --residents 1000 --seed 7}) it runs that command against the configured database and exits.
 * With {@code --help} or {@code -h} it prints the usage and exits, starting nothing.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CareWeaveApplication {

    public static void main(String[] args) {
        if (args.length > 0 && CommandLine.isHelp(args[0])) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        SpringApplication app = new SpringApplication(CareWeaveApplication.class);
        // Any other first argument that starts with "-" is a setting (--server.port=9090) for the server.
        if (args.length > 0 && !args[0].startsWith("-")) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("command");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
