package org.careweave.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.careweave.shared.Role;

/**
 * Who is signed in, as the layout and home page show them. Kept in the session with the authentication, so it is
 * serialisable and holds no password.
 *
 * @param roles each role with the organisation it is held for, in a stable order
 */
public record SignedInUser(String username, String displayName, List<RoleHeld> roles) implements Serializable {

    public SignedInUser {
        roles = List.copyOf(roles);
    }

    public record RoleHeld(Role role, String organisationCode, String organisationName) implements Serializable {

        public String label() {
            return role.label() + ", " + organisationName;
        }
    }

    public Set<Role> distinctRoles() {
        return roles.stream().map(RoleHeld::role).collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
    }

    /** A one-line summary for the header: the first role, and how many more there are. */
    public String headline() {
        if (roles.isEmpty()) {
            return "No role assigned";
        }
        String first = roles.get(0).label();
        return roles.size() == 1 ? first : first + " (and " + (roles.size() - 1) + " more)";
    }
}
