package org.careweave.identity;

import java.util.Set;

import org.careweave.shared.Role;

/**
 * Who is calling on this request.
 *
 * @param name             the staff username, or the client id of a system
 * @param systemClient     true for a bearer-token caller acting for an organisation
 * @param organisationCode for a system client, the organisation it acts for (ODS code); null for staff
 * @param tokenRoles       for a bearer-token caller, the roles of the person its token acts for; empty for a partner
 *                         system acting for its organisation, and for staff (read their account)
 * @param clientAddress    the network address the request came from
 */
public record Caller(String name, boolean systemClient, String organisationCode, Set<Role> tokenRoles,
                     String clientAddress) {
}
