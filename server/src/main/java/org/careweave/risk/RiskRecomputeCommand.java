package org.careweave.risk;

import java.io.PrintStream;
import java.util.List;

import org.careweave.shared.Command;
import org.springframework.stereotype.Component;

/** {@code careweave risk-recompute}: recomputes everyone's scores now. Exit 0 done, 1 failed or locked, 2 usage. */
@Component
class RiskRecomputeCommand implements Command {

    private final RiskRecomputation recomputation;

    RiskRecomputeCommand(RiskRecomputation recomputation) {
        this.recomputation = recomputation;
    }

    @Override
    public String name() {
        return "risk-recompute";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            System.err.println("risk-recompute takes no arguments, found " + args);
            return 2;
        }
        try {
            RiskRecomputation.Summary summary = recomputation.recomputeAll();
            out.println(summary.describe());
            return summary.skipped() ? 1 : 0;
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
