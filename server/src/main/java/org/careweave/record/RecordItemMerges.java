package org.careweave.record;

import org.careweave.person.PersonsMerged;
import org.careweave.person.PersonsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Moves record items with person merges, inside the merging transaction, remembering what moved. */
@Component
class RecordItemMerges {

    private final JdbcClient jdbc;

    RecordItemMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonsMerged merged) {
        jdbc.sql("""
                        with moved as (update record_item set person_id = :to where person_id = :from returning id)
                        insert into record_item_merge (merge_id, record_item_id, from_person_id)
                        select :merge, id, :from from moved""")
                .param("to", merged.survivorId()).param("from", merged.mergedId()).param("merge", merged.mergeId())
                .update();
    }

    @EventListener
    void on(PersonsUnmerged unmerged) {
        jdbc.sql("""
                        update record_item r set person_id = m.from_person_id
                          from record_item_merge m
                         where m.merge_id = :merge and m.record_item_id = r.id""")
                .param("merge", unmerged.mergeId()).update();
    }
}
