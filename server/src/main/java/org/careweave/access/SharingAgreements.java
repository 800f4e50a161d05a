package org.careweave.access;

import java.time.LocalDate;
import java.util.List;

import org.careweave.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Data-sharing agreements: which categories of its records one organisation shares with another, for direct care. */
@Service
@Transactional
public class SharingAgreements {

    public record Agreement(long id, long providerOrganisationId, long recipientOrganisationId, DataCategory category,
                            LocalDate startsOn, LocalDate endsOn) {
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;

    SharingAgreements(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /**
     * Records an agreement. Refuses an organisation that does not exist, the same organisation on both sides, an end
     * before the start, an agreement that has already expired, and a period that overlaps an agreement already
     * covering the same provider, recipient and category.
     *
     * @param endsOn null for an open-ended agreement
     */
    public long create(long provider, long recipient, DataCategory category, LocalDate startsOn, LocalDate endsOn,
                       String createdBy) {
        if (organisations.find(provider).isEmpty()) {
            throw new IllegalArgumentException("No provider organisation with id " + provider);
        }
        if (organisations.find(recipient).isEmpty()) {
            throw new IllegalArgumentException("No recipient organisation with id " + recipient);
        }
        if (provider == recipient) {
            throw new IllegalArgumentException("An organisation cannot have a sharing agreement with itself");
        }
        if (endsOn != null && !endsOn.isAfter(startsOn)) {
            throw new IllegalArgumentException("The agreement must end after it starts (" + startsOn + ")");
        }
        if (endsOn != null && !endsOn.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("The agreement would already have expired (" + endsOn
                    + "); record only agreements that are in force or yet to start");
        }
        Long overlapping = jdbc.sql("""
                        select id from sharing_agreement
                         where provider_org_id = :provider and recipient_org_id = :recipient and category = :category
                           and (ends_on is null or ends_on > :starts)
                           and (cast(:ends as date) is null or starts_on < cast(:ends as date))
                         limit 1""")
                .param("provider", provider).param("recipient", recipient).param("category", category.name())
                .param("starts", startsOn).param("ends", endsOn)
                .query(Long.class).optional().orElse(null);
        if (overlapping != null) {
            throw new IllegalArgumentException("This period overlaps sharing agreement " + overlapping
                    + " for the same organisations and category; end that one first");
        }
        return jdbc.sql("""
                        insert into sharing_agreement (provider_org_id, recipient_org_id, category, starts_on, ends_on, created_by)
                        values (:provider, :recipient, :category, :starts, :ends, :by) returning id""")
                .param("provider", provider).param("recipient", recipient).param("category", category.name())
                .param("starts", startsOn).param("ends", endsOn).param("by", createdBy)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<Agreement> all() {
        return jdbc.sql("""
                        select id, provider_org_id, recipient_org_id, category, starts_on, ends_on
                          from sharing_agreement order by provider_org_id, recipient_org_id, category, starts_on""")
                .query((rs, n) -> new Agreement(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        DataCategory.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)))
                .list();
    }
}
