package org.careweave.worklist;

import java.util.List;

import org.careweave.access.AccessContext;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.organisation.Team;
import org.careweave.organisation.Teams;
import org.springframework.stereotype.Component;

/** The member of staff on this request and the teams they are in; worklists belong to staff, not systems. */
record Viewer(AccessContext who, List<Team> teams) {

    long userId() {
        return who.userId();
    }

    List<Long> teamIds() {
        return teams.stream().map(Team::id).toList();
    }

    @Component
    static class Resolver {
        private final Callers callers;
        private final Teams teams;

        Resolver(Callers callers, Teams teams) {
            this.callers = callers;
            this.teams = teams;
        }

        Viewer current() {
            AccessContext who = callers.current(Purpose.DIRECT_CARE);
            if (who.isSystemClient()) {
                throw new StaffOnly();
            }
            return new Viewer(who, teams.all().stream().filter(t -> t.memberIds().contains(who.userId())).toList());
        }
    }

    static class StaffOnly extends RuntimeException {
        StaffOnly() {
            super("The worklist belongs to members of staff; systems use FHIR Task and Subscription instead");
        }
    }
}
