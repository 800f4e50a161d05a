package org.careweave.person;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.careweave.access.AccessContext;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: the person index's match review queue, and merges (system administrators). */
@RestController
@RequestMapping("/api/person-index")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class PersonIndexApiController {

    private final PersonIndexAdministration administration;
    private final Callers callers;

    PersonIndexApiController(PersonIndexAdministration administration, Callers callers) {
        this.administration = administration;
        this.callers = callers;
    }

    record Confirmation(@NotNull Long candidateId) {
    }

    record MergeRequest(@NotNull Long survivorId, @NotNull Long duplicateId) {
    }

    record Merged(long mergeId) {
    }

    @GetMapping("/reviews")
    List<PersonIndexAdministration.Review> reviews() {
        return administration.pendingReviews(who());
    }

    /** The new person is this candidate: they are merged. */
    @PostMapping("/reviews/{reviewId}/confirmation")
    ResponseEntity<Merged> confirm(@PathVariable long reviewId, @Valid @RequestBody Confirmation request) {
        long merge = administration.confirm(who(), reviewId, request.candidateId());
        return ResponseEntity.created(URI.create("/api/person-index/merges/" + merge)).body(new Merged(merge));
    }

    /** The new person is none of the candidates: they stay apart. */
    @PostMapping("/reviews/{reviewId}/rejection")
    ResponseEntity<Void> keepApart(@PathVariable long reviewId) {
        administration.keepApart(who(), reviewId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/merges")
    List<PersonMerges.Merge> merges() {
        return administration.recentMerges(who(), 100);
    }

    @PostMapping("/merges")
    ResponseEntity<Merged> merge(@Valid @RequestBody MergeRequest request) {
        long merge = administration.merge(who(), request.survivorId(), request.duplicateId());
        return ResponseEntity.created(URI.create("/api/person-index/merges/" + merge)).body(new Merged(merge));
    }

    @PostMapping("/merges/{mergeId}/undo")
    ResponseEntity<Void> unmerge(@PathVariable long mergeId) {
        administration.unmerge(who(), mergeId);
        return ResponseEntity.noContent().build();
    }

    private AccessContext who() {
        return callers.current(Purpose.ADMINISTRATION);
    }
}
