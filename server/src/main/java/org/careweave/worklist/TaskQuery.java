package org.careweave.worklist;

import java.util.Set;

/**
 * Which tasks to list; null fields do not narrow.
 *
 * @param ownerTeamId tasks of this team
 * @param ownerUserId tasks assigned to or owned by this member of staff
 */
public record TaskQuery(Long personId, Long ownerTeamId, Long ownerUserId, Set<FollowUpTask.Status> statuses) {

    public TaskQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
