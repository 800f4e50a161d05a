package org.careweave.record;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores items partners send. A resend from the same source updates the item (version + 1) when its content changed
 * and leaves it alone when not, so importing the same data twice changes nothing. Joins the caller's transaction.
 */
@Service
@Transactional
public class RecordImport {

    private final RecordItemWriter writer;

    RecordImport(RecordItemWriter writer) {
        this.writer = writer;
    }

    /**
     * Stores all items from one source organisation in a few statements, however many there are.
     *
     * @param items at most one item per resource type and source id
     * @return one outcome per item, in the same order
     */
    public List<ItemOutcome> store(long sourceOrganisationId, List<IncomingItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return writer.upsert(sourceOrganisationId, items);
    }

    /**
     * The people that items the source sent before are about.
     *
     * @param keys "Type/sourceId"
     * @return person id by key, for the keys the source has sent
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> personsOf(long sourceOrganisationId, java.util.Collection<String> keys) {
        return keys.isEmpty() ? java.util.Map.of() : writer.personsOf(sourceOrganisationId, keys);
    }
}
