package org.careweave.person;

/**
 * Someone a partner named as a contact for the person (next of kin, carer, emergency contact), from the
 * {@code contact} of the Patient it sent.
 *
 * @param relationship as the partner put it (text, or its coding's display or code); null when not given
 * @param telecom      phone numbers and addresses, comma-separated; null when none
 */
public record KeyContact(String name, String relationship, String telecom, long sourceOrganisationId,
                         String sourceOrganisationName) {
}
