-- V40's index treated NULLs as distinct, so a resent message without MSH-3 or MSH-4 claimed its control id again
-- and was applied twice. Copies taken that way stop holding the control id (marked REJECTED: kept, never
-- re-processed, no longer folded into their visit) so that the index can treat an empty MSH-3 or MSH-4 as a value.
update adt_message copy
   set status = 'REJECTED',
       status_reason = 'duplicate of message ' || claims.first_id
           || ', taken again before messages without MSH-3 or MSH-4 were recognised as duplicates'
  from (select id, min(id) over (partition by sending_application, sending_facility, control_id) as first_id
          from adt_message
         where status <> 'REJECTED') claims
 where copy.id = claims.id and claims.id <> claims.first_id;

drop index adt_message_control_idx;
create unique index adt_message_control_idx on adt_message (sending_application, sending_facility, control_id)
    nulls not distinct where status <> 'REJECTED';
