package org.careweave.organisation;

import java.util.List;

import org.careweave.shared.Role;

/** A demo account as the sign-in page may list it: never its password. */
public record DemoUser(String username, String displayName, List<Role> roles) {
}
