-- An administrator resolves a doubtful match by merging the new person into the candidate they are (MERGED, with the
-- merge, which can be undone) or by keeping them apart (KEPT_APART). Undoing the merge reopens the review.
alter table person_match_review
    add column resolution text check (resolution in ('MERGED', 'KEPT_APART')),
    add column merge_id bigint references person_merge (id),
    add check ((resolution is null) = (resolved_at is null)),
    add check ((resolution = 'MERGED') = (merge_id is not null));
