package org.careweave.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authenticated principal: Spring Security's user plus what the layout shows, so pages need no lookup. */
public class StaffPrincipal extends User {

    private final SignedInUser profile;

    StaffPrincipal(SignedInUser profile, String passwordHash, boolean enabled, boolean locked,
                   Collection<? extends GrantedAuthority> authorities) {
        super(profile.username(), passwordHash, enabled, true, true, !locked, authorities);
        this.profile = profile;
    }

    public SignedInUser profile() {
        return profile;
    }
}
