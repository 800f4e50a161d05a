package org.careweave.organisation;

import java.util.List;

/**
 * An organisation as the public directory shows it. Organisations are not personal data.
 *
 * @param parentName the parent organisation's name (a practice's primary care network, for example), or null
 * @param postcode   null when not recorded
 */
public record DirectoryEntry(long id, String odsCode, String name, OrganisationType type, String parentName,
                             String postcode, List<Site> sites) {

    public DirectoryEntry {
        sites = List.copyOf(sites);
    }

    /** A place the organisation works from; postcode may be null. */
    public record Site(String name, String postcode) {
    }
}
