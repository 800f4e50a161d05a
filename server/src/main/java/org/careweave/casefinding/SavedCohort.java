package org.careweave.casefinding;

public record SavedCohort(long id, String name, CohortDefinition definition, String createdBy) {
}
