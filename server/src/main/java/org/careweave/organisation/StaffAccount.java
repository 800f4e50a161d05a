package org.careweave.organisation;

import java.util.List;

import org.careweave.shared.Role;

/**
 * A member of staff as sign-in and the home page need them.
 *
 * @param roles each role with the organisation it is held for
 */
public record StaffAccount(long id, String username, String displayName, String passwordHash, boolean enabled,
                           List<RoleAt> roles) {

    public record RoleAt(Role role, long organisationId, String organisationCode, String organisationName) {
    }
}
