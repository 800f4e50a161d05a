package org.careweave.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.careweave.identity.Caller;
import org.careweave.identity.CurrentCaller;
import org.careweave.organisation.Organisations;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffAccount;
import org.careweave.shared.Role;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Turns whoever is authenticated on this request into the {@link AccessContext} the policy decides on. Staff act for
 * the organisation of their first direct-care role; system clients for the organisation their token names.
 */
@Component
public class Callers {

    private final CurrentCaller current;
    private final Staff staff;
    private final Organisations organisations;

    Callers(CurrentCaller current, Staff staff, Organisations organisations) {
        this.current = current;
        this.staff = staff;
        this.organisations = organisations;
    }

    public AccessContext current(Purpose purpose) {
        Caller caller = current.get();
        if (caller.systemClient()) {
            long organisation = organisations.idOf(caller.organisationCode())
                    .orElseThrow(() -> new InsufficientAuthenticationException("The bearer token names organisation "
                            + caller.organisationCode() + ", which CareWeave does not know"));
            return AccessContext.systemClient(caller.name(), organisation, caller.tokenRoles(), purpose,
                    caller.clientAddress());
        }
        StaffAccount account = staff.findAccount(caller.name())
                .orElseThrow(() -> new InsufficientAuthenticationException("The signed-in user no longer exists"));
        StaffAccount.RoleAt acting = account.roles().stream().filter(r -> r.role().caresDirectly()).findFirst()
                .or(() -> account.roles().stream().findFirst())
                .orElseThrow(() -> new InsufficientAuthenticationException("The signed-in user holds no role"));
        Set<Role> roles = account.roles().stream().filter(r -> r.organisationId() == acting.organisationId())
                .map(StaffAccount.RoleAt::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new AccessContext(account.id(), account.username(), acting.organisationId(), roles, purpose,
                caller.clientAddress());
    }
}
