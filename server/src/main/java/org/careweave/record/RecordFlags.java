package org.careweave.record;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.careweave.person.PersonDetails;

/**
 * What anyone opening the record should notice first: the person is in hospital now, on a virtual ward, lives in a
 * care home, has an unverified NHS number, and the active flags partners sent (FHIR Flag). Made only from what the
 * viewer may see.
 */
final class RecordFlags {

    /** @param source the organisation that recorded it, or null when CareWeave derives it */
    record Flag(String label, String detail, String source) {
    }

    private static final Set<String> ADMISSIONS = Set.of("emergency-admission", "elective-admission");

    private RecordFlags() {
    }

    static List<Flag> of(PersonDetails person, List<RecordItem> visible, List<PersonCareTeam.Member> careTeam) {
        List<Flag> flags = new ArrayList<>();
        for (RecordItem item : visible) {
            if (ADMISSIONS.contains(item.category()) && "in-progress".equals(item.status()) && item.end() == null) {
                flags.add(new Flag("In hospital now", item.start() == null ? null : "admitted "
                        + LocalDate.ofInstant(item.start(), ZoneId.systemDefault()), item.sourceOrganisationName()));
            }
        }
        careTeam.stream().filter(member -> member.programme().equals("Virtual ward"))
                .forEach(member -> flags.add(new Flag("On a virtual ward", member.teamName(), null)));
        if (person.careHomeResident()) {
            flags.add(new Flag("Lives in a care home", null, null));
        }
        if (!person.nhsNumberVerified()) {
            flags.add(new Flag("NHS number not verified", "check it before sharing or referring", null));
        }
        for (RecordItem item : visible) {
            if ("Flag".equals(item.resourceType()) && "active".equals(item.status())) {
                flags.add(new Flag(item.display() == null ? "Flag" : item.display(), null,
                        item.sourceOrganisationName()));
            }
        }
        return flags;
    }
}
