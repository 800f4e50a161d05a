-- An administrator resolves a doubtful match by merging the new person into the candidate they are (MERGED, with the
-- merge, which can be undone) or by keeping them apart (KEPT_APART). Undoing the merge reopens the review.
alter table person_match_review
    add column resolution text check (resolution in ('MERGED', 'KEPT_APART')),
    add column merge_id bigint references person_merge (id);
-- Nothing resolved reviews before this version; one closed by hand in the database kept the people apart.
update person_match_review set resolution = 'KEPT_APART' where resolved_at is not null;
alter table person_match_review
    add check ((resolution is null) = (resolved_at is null)),
    add check ((resolution = 'MERGED') = (merge_id is not null));
