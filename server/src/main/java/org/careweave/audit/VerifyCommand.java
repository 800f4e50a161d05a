package org.careweave.audit;

import java.io.PrintStream;
import java.util.List;

import org.careweave.shared.Command;
import org.springframework.stereotype.Component;

/** {@code careweave audit-verify}: checks the whole audit chain; exit code 0 when intact, 1 when broken. */
@Component
class VerifyCommand implements Command {

    private final AuditTrail trail;

    VerifyCommand(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            out.println("audit-verify takes no arguments");
            return 2;
        }
        ChainVerification result = trail.verify();
        if (result.intact()) {
            out.println("Audit trail intact: " + result.eventsChecked() + " events verified.");
            return 0;
        }
        out.println("Audit trail BROKEN at event " + result.firstBrokenEventId() + ": " + result.problem());
        return 1;
    }
}
