package org.careweave.worklist;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.careweave.access.AccessContext;
import org.careweave.access.Purpose;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffAccount;
import org.careweave.organisation.StaffMember;
import org.careweave.shared.Role;
import org.springframework.stereotype.Component;

/**
 * The access context of a member of staff who is not on the current request (a cohort subscriber being notified),
 * acting as {@link org.careweave.access.Callers} would have them act: for the organisation of their first
 * direct-care role. Disabled accounts get none.
 */
@Component
class StaffContexts {

    private final Staff staff;

    StaffContexts(Staff staff) {
        this.staff = staff;
    }

    Optional<AccessContext> of(long userId) {
        return staff.member(userId).filter(StaffMember::enabled).flatMap(member -> member.roles().stream()
                .filter(r -> r.role().caresDirectly()).findFirst()
                .map(acting -> {
                    Set<Role> roles = member.roles().stream()
                            .filter(r -> r.organisationId() == acting.organisationId()).map(StaffAccount.RoleAt::role)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
                    return new AccessContext(member.id(), member.username(), acting.organisationId(), roles,
                            Purpose.DIRECT_CARE, "worklist alerts");
                }));
    }
}
