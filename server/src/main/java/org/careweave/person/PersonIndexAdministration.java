package org.careweave.person;

import java.util.ArrayList;
import java.util.List;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a system administrator does to keep the person index right: resolve the doubtful matches the ingest queued
 * (the same person as a candidate, so merge; or different people, so keep apart), merge duplicates found otherwise,
 * and undo a merge. Each is decided and audited by the access policy, once per person it touches.
 */
@Service
@Transactional
public class PersonIndexAdministration {

    /** A doubtful match with the people it is between, as the administrator sees them to decide. */
    public record Review(MatchReview review, PersonDetails newPerson, List<PersonDetails> candidates) {
    }

    private final PersonIndex index;
    private final PersonMerges merges;
    private final Persons persons;
    private final AccessPolicy policy;

    PersonIndexAdministration(PersonIndex index, PersonMerges merges, Persons persons, AccessPolicy policy) {
        this.index = index;
        this.merges = merges;
        this.persons = persons;
        this.policy = policy;
    }

    /** The queue, oldest first, with each person's demographics (every person shown is audited as read). */
    @Transactional(readOnly = true)
    public List<Review> pendingReviews(AccessContext who) {
        List<MatchReview> pending = index.pendingReviews();
        List<Long> shown = new ArrayList<>();
        pending.forEach(review -> {
            shown.add(review.newPersonId());
            shown.addAll(review.candidateIds());
        });
        policy.requirePersonIndexAdministration(who, shown.stream().distinct().toList(),
                AccessIntent.search("Patient", "match review queue"));
        return pending.stream().map(review -> new Review(review, person(review.newPersonId()),
                review.candidateIds().stream().map(this::person).toList())).toList();
    }

    /**
     * The new person is the candidate: merges them into the candidate and closes the review.
     *
     * @return the merge, which {@link #unmerge} undoes (reopening the review)
     * @throws IllegalArgumentException when the review is not waiting or the candidate is not one of its candidates
     */
    public long confirm(AccessContext who, long reviewId, long candidateId) {
        MatchReview review = pending(reviewId);
        if (!review.candidateIds().contains(candidateId)) {
            throw new IllegalArgumentException("Person " + candidateId + " is not a candidate of match review "
                    + reviewId + "; its candidates are " + review.candidateIds());
        }
        policy.requirePersonIndexAdministration(who, List.of(candidateId, review.newPersonId()),
                AccessIntent.update("Patient", null));
        long mergeId = merges.merge(candidateId, review.newPersonId(), who.actor());
        index.resolveReview(reviewId, mergeId, who.actor());
        return mergeId;
    }

    /** The new person is nobody the candidates are: closes the review and leaves everyone as they are. */
    public void keepApart(AccessContext who, long reviewId) {
        MatchReview review = pending(reviewId);
        List<Long> people = new ArrayList<>(review.candidateIds());
        people.add(0, review.newPersonId());
        policy.requirePersonIndexAdministration(who, people, AccessIntent.update("Patient", null));
        index.resolveReview(reviewId, null, who.actor());
    }

    /**
     * Merges a duplicate into the person who survives.
     *
     * @throws IllegalArgumentException when either does not exist, they are the same, or one is already merged
     */
    public long merge(AccessContext who, long survivorId, long duplicateId) {
        policy.requirePersonIndexAdministration(who, List.of(survivorId, duplicateId),
                AccessIntent.update("Patient", null));
        return merges.merge(survivorId, duplicateId, who.actor());
    }

    /**
     * Undoes a merge: the duplicate and what was moved from them come back, and a review it resolved waits again.
     *
     * @throws IllegalArgumentException when there is no such merge or it was already undone
     */
    public void unmerge(AccessContext who, long mergeId) {
        PersonMerges.Merge merge = merges.find(mergeId)
                .orElseThrow(() -> new IllegalArgumentException("No merge " + mergeId + " to undo"));
        policy.requirePersonIndexAdministration(who, List.of(merge.survivorId(), merge.mergedId()),
                AccessIntent.update("Patient", null));
        merges.unmerge(mergeId, who.actor());
        index.reopenReviewOf(mergeId);
    }

    /** The newest merges, by person id only (no demographics), for an administrator to find one to undo. */
    @Transactional(readOnly = true)
    public List<PersonMerges.Merge> recentMerges(AccessContext who, int limit) {
        policy.requirePersonIndexAdministration(who, List.of(), AccessIntent.search("PersonMerge", "recent"));
        return merges.recent(limit);
    }

    private MatchReview pending(long reviewId) {
        return index.pendingReviewForUpdate(reviewId).orElseThrow(() -> new IllegalArgumentException(
                "Match review " + reviewId + " is not waiting for a decision: it does not exist or was resolved"));
    }

    private PersonDetails person(long id) {
        return persons.find(id).orElseThrow(() -> new IllegalStateException("Person " + id + " is in a match review "
                + "but not in the person index"));
    }
}
