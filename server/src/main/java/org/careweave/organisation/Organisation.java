package org.careweave.organisation;

/** An organisation taking part in the neighbourhood. {@code parentId} is e.g. the PCN of a GP practice. */
public record Organisation(long id, String odsCode, String name, OrganisationType type, Long parentId,
                           String postcode) {
}
