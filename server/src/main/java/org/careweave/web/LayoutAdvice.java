package org.careweave.web;

import org.careweave.identity.SignedInUser;
import org.careweave.identity.StaffPrincipal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.careweave.shared.NavigationEntry;
import org.careweave.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what the layout needs to every page's model: the signed-in user and the main navigation built from every
 * feature's {@link NavigationEntry} beans the user's roles may see. Both come from the authentication already in
 * hand, so this costs no database query (it also runs for JSON controllers).
 */
@ControllerAdvice
class LayoutAdvice {

    private final List<NavigationEntry> entries;

    LayoutAdvice(List<NavigationEntry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(NavigationEntry::order).thenComparing(NavigationEntry::label))
                .toList();
    }

    @ModelAttribute("signedInUser")
    SignedInUser signedInUser(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
                ? principal.profile() : null;
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(Authentication authentication, HttpServletRequest request) {
        SignedInUser user = signedInUser(authentication);
        if (user == null) {
            return List.of();
        }
        Set<Role> roles = user.distinctRoles();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return entries.stream()
                .filter(entry -> entry.visibleTo(roles))
                .map(entry -> new NavigationItem(entry.label(), entry.path(), currentness(entry.path(), path)))
                .toList();
    }

    private static String currentness(String entryPath, String requestPath) {
        if (entryPath.equals(requestPath)) {
            return "page";
        }
        return !entryPath.equals("/") && requestPath.startsWith(entryPath + "/") ? "true" : null;
    }
}
