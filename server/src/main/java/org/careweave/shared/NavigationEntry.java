package org.careweave.shared;

import java.util.Set;

/**
 * A link in the web UI's main navigation, contributed as a bean by the feature that serves the page.
 *
 * @param label what the link says
 * @param path  where it goes
 * @param order position from left (lower first)
 * @param roles who sees it; empty means every signed-in user
 */
public record NavigationEntry(String label, String path, int order, Set<Role> roles) {

    public boolean visibleTo(Set<Role> held) {
        return roles.isEmpty() || roles.stream().anyMatch(held::contains);
    }
}
