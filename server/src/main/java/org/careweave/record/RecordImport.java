package org.careweave.record;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores items partners send. A resend from the same source updates the item (version + 1) when its content changed
 * and leaves it alone when not, so importing the same data twice changes nothing. Joins the caller's transaction
 * and announces the people whose records changed with {@link RecordChanged}.
 */
@Service
@Transactional
public class RecordImport {

    private final RecordItemWriter writer;
    private final ApplicationEventPublisher events;

    RecordImport(RecordItemWriter writer, ApplicationEventPublisher events) {
        this.writer = writer;
        this.events = events;
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
        List<ItemOutcome> outcomes = writer.upsert(sourceOrganisationId, items);
        Set<Long> changed = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (outcomes.get(i).change() != ItemOutcome.Change.UNCHANGED) {
                changed.add(items.get(i).personId());
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new RecordChanged(Set.copyOf(changed)));
        }
        return outcomes;
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
