package org.careweave.access;

import java.util.Set;

import org.careweave.shared.Role;

/**
 * Who is asking, for which organisation, and why. Staff with roles in several organisations act for one at a time.
 *
 * @param userId                 the staff user, or null for a bearer-token caller: a partner system acting for its
 *                               organisation (no roles: it reads what its organisation contributed, and others'
 *                               records by the organisation's relationships, agreements and the person's choices),
 *                               or a person whose token names their roles, which then decide as they do for staff
 * @param actor                  username or client id, for the audit trail
 * @param actingOrganisationId   the organisation they act for
 * @param roles                  the roles they hold at that organisation
 * @param client                 network address or client description, for the audit trail
 */
public record AccessContext(Long userId, String actor, long actingOrganisationId, Set<Role> roles, Purpose purpose,
                            String client) {

    public AccessContext {
        roles = Set.copyOf(roles);
    }

    public static AccessContext systemClient(String clientId, long organisationId, Set<Role> roles, Purpose purpose,
                                             String client) {
        return new AccessContext(null, clientId, organisationId, roles, purpose, client);
    }

    public boolean isSystemClient() {
        return userId == null;
    }

    /** A system acting for its organisation, not for a person with roles. */
    public boolean isPartnerSystem() {
        return userId == null && roles.isEmpty();
    }

    boolean caresDirectly() {
        return roles.stream().anyMatch(Role::caresDirectly);
    }

    boolean mayBreakGlass() {
        return userId != null && roles.stream().anyMatch(Role::mayBreakGlass);
    }
}
