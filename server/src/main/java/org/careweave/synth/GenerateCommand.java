package org.careweave.synth;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.careweave.shared.Command;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code careweave generate --residents N --seed S}: fills the configured database with a synthetic neighbourhood
 * and exits. Exit codes: 0 done, 1 failed (nothing written), 2 wrong command line. Prints counts and timings only.
 */
@Component
class GenerateCommand implements Command {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final SyntheticNeighbourhood neighbourhood;
    private final boolean demoUsersAllowed;
    private final PrintStream out;
    private final PrintStream err;
    private long started;

    @Autowired
    GenerateCommand(SyntheticNeighbourhood neighbourhood, DemoSettings settings,
                    @Value("${spring.datasource.url:}") String externalUrl) {
        this(neighbourhood, settings.allowedOn(externalUrl), System.out, System.err);
    }

    GenerateCommand(SyntheticNeighbourhood neighbourhood, boolean demoUsersAllowed, PrintStream out,
                    PrintStream err) {
        this.neighbourhood = neighbourhood;
        this.demoUsersAllowed = demoUsersAllowed;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public int run(List<String> args, PrintStream ignored) {
        String[] withName = new String[args.size() + 1];
        withName[0] = name();
        for (int i = 0; i < args.size(); i++) {
            withName[i + 1] = args.get(i);
        }
        return execute(withName);
    }

    int execute(String[] args) {
        GenerateArguments parsed;
        try {
            parsed = GenerateArguments.parse(args, LocalDate.now());
        } catch (GenerateArguments.Invalid e) {
            err.println(e.getMessage());
            err.println(GenerateArguments.USAGE);
            return USAGE;
        }
        if (!demoUsersAllowed) {
            out.println("Not creating demo users: the database is external and "
                    + DemoSettings.ALLOW_EXTERNAL + " is false.");
        }
        started = System.nanoTime();
        try {
            GenerationSummary summary = neighbourhood.generate(new GenerationRequest(parsed.residents(),
                    parsed.seed(), parsed.append(), parsed.asOf(), demoUsersAllowed), this::progress);
            out.println(summary.describe());
            out.printf("Database size: %.1f MB%n", neighbourhood.databaseSizeBytes() / 1_048_576.0);
            return OK;
        } catch (ResidentsAlreadyPresent e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("Generation failed and nothing was written: " + e.getMessage());
            return FAILED;
        }
    }

    private void progress(String phase, long done, long total) {
        out.printf("%s: %,d of %,d residents done (%.0f s)%n", phase, done, total,
                (System.nanoTime() - started) / 1e9);
    }
}
