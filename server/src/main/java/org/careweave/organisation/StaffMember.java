package org.careweave.organisation;

import java.util.List;

/** A member of staff as administrators see them (never with a password hash). */
public record StaffMember(long id, String username, String displayName, boolean enabled,
                          List<StaffAccount.RoleAt> roles) {
}
