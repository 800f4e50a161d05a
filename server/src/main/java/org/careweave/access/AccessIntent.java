package org.careweave.access;

/**
 * What the caller is about to do with a person's data, for the audit trail.
 *
 * @param entityType what kind of thing (Patient, Condition, Consent, record, ...)
 * @param entityId   which one, when it is one
 * @param query      for searches, the query's shape without personal values
 */
public record AccessIntent(Operation operation, String entityType, String entityId, String query) {

    public enum Operation { READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT }

    public static AccessIntent read(String entityType, Object entityId) {
        return new AccessIntent(Operation.READ, entityType, entityId == null ? null : entityId.toString(), null);
    }

    public static AccessIntent search(String entityType, String query) {
        return new AccessIntent(Operation.SEARCH, entityType, null, query);
    }

    public static AccessIntent create(String entityType, Object entityId) {
        return new AccessIntent(Operation.CREATE, entityType, entityId == null ? null : entityId.toString(), null);
    }

    public static AccessIntent update(String entityType, Object entityId) {
        return new AccessIntent(Operation.UPDATE, entityType, entityId == null ? null : entityId.toString(), null);
    }
}
