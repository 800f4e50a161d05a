package org.careweave.worklist;

import java.util.ArrayList;
import java.util.List;

import org.careweave.access.AccessPolicy;
import org.careweave.access.CareRelationships;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.person.PersonDetails;
import org.springframework.stereotype.Component;

/**
 * Who hears that a person moved: for each open caseload or virtual-ward episode the named care manager and the team;
 * the holders of open referrals (staff or teams; a referral held by a whole organisation has no worklist to go to);
 * and staff subscribed to a cohort the person is in, if the access policy lets them see the person.
 */
@Component
class MovementAudience {

    private final Caseloads caseloads;
    private final CareRelationships relationships;
    private final CohortSubscriptions cohorts;
    private final StaffContexts contexts;
    private final AccessPolicy policy;

    MovementAudience(Caseloads caseloads, CareRelationships relationships, CohortSubscriptions cohorts,
                     StaffContexts contexts, AccessPolicy policy) {
        this.caseloads = caseloads;
        this.relationships = relationships;
        this.cohorts = cohorts;
        this.contexts = contexts;
        this.policy = policy;
    }

    /** Each addressee once, with the first (strongest) reason found for them. */
    List<Recipient> of(PersonDetails person) {
        List<Recipient> found = new ArrayList<>();
        for (CaseloadEpisode episode : caseloads.activeFor(person.id())) {
            add(found, Recipient.user(episode.careManagerId(), Recipient.Reason.CARE_MANAGER));
            add(found, Recipient.team(episode.teamId(), episode.programme() == CaseloadEpisode.Programme.VIRTUAL_WARD
                    ? Recipient.Reason.VIRTUAL_WARD : Recipient.Reason.CASELOAD));
        }
        for (CareRelationships.Holder holder : relationships.activeHolders(person.id(), CareRelationships.Kind.REFERRAL)) {
            if (holder.userId() != null) {
                add(found, Recipient.user(holder.userId(), Recipient.Reason.REFERRAL));
            } else if (holder.teamId() != null) {
                add(found, Recipient.team(holder.teamId(), Recipient.Reason.REFERRAL));
            }
        }
        for (CohortSubscriptions.Subscription subscription : cohorts.covering(person)) {
            Recipient subscriber = new Recipient(subscription.userId(), null, Recipient.Reason.COHORT, subscription.id());
            if (found.stream().noneMatch(subscriber::sameAddressee) && maySee(subscription.userId(), person.id())) {
                found.add(subscriber);
            }
        }
        return found;
    }

    private boolean maySee(long userId, long personId) {
        return contexts.of(userId).map(who -> policy.decide(who, personId).mayViewDemographics()).orElse(false);
    }

    private static void add(List<Recipient> found, Recipient recipient) {
        if (found.stream().noneMatch(recipient::sameAddressee)) {
            found.add(recipient);
        }
    }
}
