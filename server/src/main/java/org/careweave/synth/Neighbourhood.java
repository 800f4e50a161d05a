package org.careweave.synth;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fictitious neighbourhood of Threadmere: its integrated care board, primary care network with four practices,
 * the hospital, community and mental health trusts, the council's adult social care and five voluntary sector
 * organisations, each with sites, plus the neighbourhood team and its MDT. Creating it again finds the existing
 * organisations by ODS code, so appending residents reuses them.
 */
final class Neighbourhood {

    record Organisation(String odsCode, String name, String type, String parentOdsCode, String postcode,
                        List<String> sites) {
    }

    static final String ICB = "Q9Z";
    static final String PCN = "U99901";
    static final List<String> PRACTICES = List.of("Y99101", "Y99102", "Y99103", "Y99104");
    static final String ACUTE = "R9A";
    static final String COMMUNITY = "R9C";
    static final String MENTAL_HEALTH = "R9M";
    static final String COUNCIL = "LA999";
    static final List<String> VCSE = List.of("V9901", "V9902", "V9903", "V9904", "V9905");
    static final String NEIGHBOURHOOD_TEAM = "Threadmere Central Neighbourhood Team";
    static final String MDT = "Threadmere Central Complex Care MDT";

    static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation(ICB, "NHS Threadmere and Wyebridge Integrated Care Board", "ICB", null, "YN1 1AB",
                    List.of("Wyebridge House")),
            new Organisation(PCN, "Threadmere Central Primary Care Network", "PCN", ICB, "YN1 2DE",
                    List.of("Threadmere Central PCN Hub")),
            new Organisation("Y99101", "Canal Street Surgery", "GP_PRACTICE", PCN, "YN1 2DF",
                    List.of("Canal Street Surgery")),
            new Organisation("Y99102", "Weavers Green Medical Practice", "GP_PRACTICE", PCN, "YN2 4GH",
                    List.of("Weavers Green Medical Practice", "Loom Street Branch Surgery")),
            new Organisation("Y99103", "Mill Lane Health Centre", "GP_PRACTICE", PCN, "YN3 1JL",
                    List.of("Mill Lane Health Centre")),
            new Organisation("Y99104", "Foxhollow Family Practice", "GP_PRACTICE", PCN, "YN4 6NP",
                    List.of("Foxhollow Family Practice")),
            new Organisation(ACUTE, "Threadmere Teaching Hospitals NHS Foundation Trust", "ACUTE_TRUST", null,
                    "YN5 3QR", List.of("Threadmere General Hospital", "Wyebridge Community Hospital")),
            new Organisation(COMMUNITY, "Threadmere Community Health NHS Trust", "COMMUNITY_TRUST", null,
                    "YN6 2ST", List.of("Bobbin Court Health Centre", "Dyers Lane Clinic")),
            new Organisation(MENTAL_HEALTH, "Threadmere and Wyebridge Mental Health NHS Foundation Trust",
                    "MENTAL_HEALTH_TRUST", null, "YN7 5UW", List.of("Riverside Mental Health Unit")),
            new Organisation(COUNCIL, "Threadmere City Council Adult Social Care", "LOCAL_AUTHORITY", null,
                    "YN1 1XY", List.of("Threadmere Civic Centre")),
            new Organisation("V9901", "Threadmere Age Well", "VCSE", null, "YN2 3AB",
                    List.of("Age Well Day Centre")),
            new Organisation("V9902", "Threadmere Carers' Centre", "VCSE", null, "YN3 4DE",
                    List.of("Carers' Centre")),
            new Organisation("V9903", "Threadmere Community Food Bank", "VCSE", null, "YN4 5FG",
                    List.of("Chapel Street Food Bank")),
            new Organisation("V9904", "Friendly Voices Befriending Service", "VCSE", null, "YN5 6HJ",
                    List.of("Friendly Voices Office")),
            new Organisation("V9905", "Home from Hospital Threadmere", "VCSE", null, "YN6 7LN",
                    List.of("Home from Hospital Office")));

    private final JdbcClient jdbc;

    Neighbourhood(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates whatever part of the neighbourhood is missing; returns the ids and how many organisations are new. */
    Created ensure() {
        int created = 0;
        for (Organisation organisation : ORGANISATIONS) {
            if (find(organisation.odsCode()).isEmpty()) {
                insert(organisation);
                created++;
            }
        }
        long pcn = id(PCN);
        NeighbourhoodIds ids = new NeighbourhoodIds(id(ICB), pcn,
                PRACTICES.stream().mapToLong(this::id).toArray(), id(ACUTE), id(COMMUNITY), id(MENTAL_HEALTH),
                id(COUNCIL), VCSE.stream().mapToLong(this::id).toArray(),
                team(NEIGHBOURHOOD_TEAM, "NEIGHBOURHOOD_TEAM", pcn), team(MDT, "MDT", pcn));
        return new Created(ids, created);
    }

    record Created(NeighbourhoodIds ids, int organisations) {
    }

    private void insert(Organisation organisation) {
        Long parent = organisation.parentOdsCode() == null ? null : id(organisation.parentOdsCode());
        long id = jdbc.sql("""
                        insert into organisation (ods_code, name, type, parent_id, postcode)
                        values (:ods, :name, :type, :parent, :postcode) returning id""")
                .param("ods", organisation.odsCode()).param("name", organisation.name())
                .param("type", organisation.type()).param("parent", parent, java.sql.Types.BIGINT)
                .param("postcode", organisation.postcode())
                .query(Long.class).single();
        for (String site : organisation.sites()) {
            jdbc.sql("insert into site (organisation_id, name, postcode) values (:org, :name, :postcode)")
                    .param("org", id).param("name", site).param("postcode", organisation.postcode())
                    .update();
        }
    }

    private long team(String name, String kind, long leadOrganisation) {
        return jdbc.sql("select id from team where name = :name").param("name", name).query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("""
                                insert into team (name, kind, lead_organisation_id) values (:name, :kind, :lead)
                                returning id""")
                        .param("name", name).param("kind", kind).param("lead", leadOrganisation)
                        .query(Long.class).single());
    }

    private Optional<Long> find(String odsCode) {
        return jdbc.sql("select id from organisation where ods_code = :ods").param("ods", odsCode)
                .query(Long.class).optional();
    }

    private long id(String odsCode) {
        return find(odsCode).orElseThrow(() -> new IllegalStateException("Organisation " + odsCode + " is missing"));
    }
}
