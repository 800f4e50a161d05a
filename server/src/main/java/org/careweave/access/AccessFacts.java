package org.careweave.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * The facts one access decision rests on, as read by the SQL function {@code access_facts(person, user, org)}.
 * Features that read a person's data may call that function in their own query (see {@link #sqlCall}) so the
 * decision costs no extra round trip, then hand the facts to {@link AccessPolicy#require(AccessContext, long,
 * AccessIntent, AccessFacts)}, which still makes (and audits) the decision.
 *
 * @param relationship      null when there is none
 * @param agreementsVersion the version of the sharing agreements this snapshot sees (see {@link AgreementsInForce})
 */
public record AccessFacts(String relationship, boolean breakGlass, long agreementsVersion,
                          Set<Long> objectedOrganisations, Set<DataCategory> objectedCategories,
                          Set<DataCategory> permittedSensitive) {

    /**
     * The function call to put in a query's FROM clause; it binds {@code :access_person}, {@code :access_user} and
     * {@code :access_org} (see {@link #parameters}) and yields the columns {@link #read} expects.
     */
    public static String sqlCall() {
        return "access_facts(:access_person, :access_user, :access_org)";
    }

    /** The parameter values for {@link #sqlCall} for this viewer and person. */
    public static Map<String, Object> parameters(AccessContext who, long personId) {
        return Map.of("access_person", personId, "access_user", who.userId() == null ? -1L : who.userId(),
                "access_org", who.actingOrganisationId());
    }

    /** Reads the facts from the current row of a result set that includes the function's columns. */
    public static AccessFacts read(ResultSet rs) throws SQLException {
        return AccessPolicyRepository.toFacts(rs);
    }
}
