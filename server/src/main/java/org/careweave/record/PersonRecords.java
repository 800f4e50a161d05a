package org.careweave.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessFacts;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.access.DataCategory;
import org.careweave.access.PersonAccess;
import org.careweave.person.PersonDetails;
import org.careweave.person.PersonMatching;
import org.careweave.person.Persons;
import org.careweave.shared.PersonNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a person's record for a viewer, through the access policy. The only way other features see record items. */
@Service
@Transactional(readOnly = true)
public class PersonRecords {

    private final AccessPolicy policy;
    private final Persons persons;
    private final PersonMatching matching;
    private final RecordItems items;
    private final RecordSearches searches;

    PersonRecords(AccessPolicy policy, Persons persons, PersonMatching matching, RecordItems items,
                  RecordSearches searches) {
        this.policy = policy;
        this.persons = persons;
        this.matching = matching;
        this.items = items;
        this.searches = searches;
    }

    /**
     * The record as this viewer may see it, each item with its typed columns (not the resource a partner sent).
     *
     * @throws PersonNotFound                         when there is no such person
     * @throws org.careweave.access.AccessDenied      when the viewer may not see the person at all
     */
    public PersonRecord view(AccessContext who, long personId, RecordFilter filter) {
        // The policy's facts come back with the person, so the check costs no extra round trip, and the items are
        // read only once the policy allows it.
        Persons.WithAccessFacts read = persons.findForAccess(personId, AccessFacts.parameters(who, personId))
                .orElseThrow(() -> new PersonNotFound(personId));
        PersonAccess access = policy.require(who, personId, AccessIntent.search(
                filter.resourceTypes().isEmpty() ? "record" : String.join(",", filter.resourceTypes().stream().sorted().toList()),
                filter.describe()), read.facts());
        return assemble(read.person(), access, items.of(personId, filter));
    }

    /**
     * One page of a search through the person's record, decided and audited once: the items the viewer may see, and
     * those in the same range the policy withholds, counted. One statement reads the person, the page of items and
     * the policy's facts.
     *
     * @throws PersonNotFound                    when there is no such person
     * @throws org.careweave.access.AccessDenied when the viewer may not see the person at all
     */
    public RecordPage page(AccessContext who, RecordQuery query) {
        RecordSearches.Scanned read = searches.page(query, AccessFacts.parameters(who, query.personId()))
                .orElseThrow(() -> new PersonNotFound(query.personId()));
        PersonDetails person = read.person();
        PersonAccess access = policy.require(who, query.personId(), AccessIntent.search(
                query.resourceType() == null ? "Patient/$everything" : query.resourceType(), query.describe()),
                read.facts());
        PersonRecord record = assemble(person, access, read.items());
        List<RecordItem> scanned = read.items();
        RecordQuery.Cursor next;
        RecordQuery.Cursor previous;
        boolean forward = query.cursor() == null || query.cursor().forward();
        if (forward) {
            next = read.more() ? cursorAt(query.sort(), scanned.get(scanned.size() - 1), true) : null;
            previous = query.cursor() == null || scanned.isEmpty() ? null : cursorAt(query.sort(), scanned.get(0), false);
        } else {
            previous = read.more() ? cursorAt(query.sort(), scanned.get(0), false) : null;
            next = scanned.isEmpty() ? null : cursorAt(query.sort(), scanned.get(scanned.size() - 1), true);
        }
        return new RecordPage(person, access.basis(), access.mayViewDemographics(), record.items(), record.withheld(),
                next, previous, visible(access, read.groups()));
    }

    private static RecordQuery.Cursor cursorAt(RecordQuery.Sort sort, RecordItem item, boolean forward) {
        return new RecordQuery.Cursor(sort.byDate() ? item.start() : item.receivedAt(), item.id(), forward);
    }

    /** How many items match the query that the viewer may see; decided and audited once, in one statement. */
    public long count(AccessContext who, RecordQuery query) {
        persons.find(query.personId()).orElseThrow(() -> new PersonNotFound(query.personId()));
        RecordSearches.Counted counted = searches.count(query, AccessFacts.parameters(who, query.personId()));
        PersonAccess access = policy.require(who, query.personId(), AccessIntent.search(
                query.resourceType() == null ? "record" : query.resourceType(), query.describe() + ",_summary=count"),
                counted.facts());
        return visible(access, counted.groups());
    }

    private static long visible(PersonAccess access, List<RecordSearches.Group> groups) {
        return groups.stream()
                .filter(g -> access.mayView(g.sourceOrganisationId(), DataCategory.ofItem(g.category(), g.sensitivity())))
                .mapToLong(RecordSearches.Group::count).sum();
    }

    /**
     * One item, if the viewer may see it.
     *
     * @throws ItemWithheld when the viewer may see the person but not this item
     */
    public Optional<RecordItem> item(AccessContext who, long itemId, String resourceType) {
        Optional<RecordItem> found = items.byId(itemId, resourceType);
        if (found.isPresent()) {
            RecordItem item = found.get();
            PersonAccess access = policy.require(who, item.personId(), AccessIntent.read(resourceType, itemId));
            access.withheld(item.sourceOrganisationId(), item.dataCategory()).ifPresent(reason -> {
                throw new ItemWithheld(reason);
            });
        }
        return found;
    }

    /** Demographics only, for a viewer the policy lets see the person. */
    public PersonDetails person(AccessContext who, long personId) {
        PersonDetails person = persons.find(personId).orElseThrow(() -> new PersonNotFound(personId));
        policy.requireDemographics(who, personId, AccessIntent.read("Patient", personId));
        return person;
    }

    /** The person with this NHS number, if there is one and the viewer may see them. Never says which it was. */
    public Optional<PersonDetails> findByNhsNumber(AccessContext who, String nhsNumber) {
        AccessIntent search = AccessIntent.search("Patient", "identifier=nhs-number");
        Optional<Long> id = persons.idOfNhsNumber(nhsNumber);
        if (id.isEmpty()) {
            policy.recordAccess(who, null, search);
            return Optional.empty();
        }
        return knownTo(who, id.get(), search);
    }

    /**
     * The people a partner's identifier (any system, e.g. a hospital number or Synthea's id) belongs to, those the
     * viewer may know; each candidate is decided and audited, and people the viewer may not see are simply not found.
     */
    public List<PersonDetails> findByIdentifier(AccessContext who, String system, String value) {
        AccessIntent search = AccessIntent.search("Patient", "identifier=" + system);
        List<Long> ids = matching.personsOfIdentifier(system, value);
        if (ids.isEmpty()) {
            policy.recordAccess(who, null, search);
            return List.of();
        }
        return ids.stream().flatMap(id -> knownTo(who, id, search).stream()).toList();
    }

    /** The person, when the viewer may know who they are: read with the policy's facts, decided and audited. */
    private Optional<PersonDetails> knownTo(AccessContext who, long personId, AccessIntent search) {
        return persons.findForAccess(personId, AccessFacts.parameters(who, personId))
                .filter(found -> policy.checkDemographics(who, personId, search, found.facts()))
                .map(Persons.WithAccessFacts::person);
    }

    /**
     * The whole record without asking the policy: only for trusted platform paths that work on the population,
     * such as recomputing risk scores, and for measuring what the policy costs. Never for a user's request.
     */
    public Optional<PersonRecord> viewTrusted(long personId) {
        return persons.find(personId).map(person -> new PersonRecord(person, null, items.of(personId, RecordFilter.ALL),
                List.of()));
    }

    private static PersonRecord assemble(PersonDetails person, PersonAccess access, List<RecordItem> all) {
        List<RecordItem> visible = new ArrayList<>(all.size());
        Map<String, WithheldItems> withheld = new LinkedHashMap<>();
        for (RecordItem item : all) {
            Optional<PersonAccess.Withheld> reason = access.withheld(item.sourceOrganisationId(), item.dataCategory());
            if (reason.isEmpty()) {
                visible.add(item);
            } else {
                // Naming a hidden sensitive category would itself disclose it, so those are counted together.
                DataCategory shown = item.dataCategory().sensitive() ? null : item.dataCategory();
                String key = shown + "|" + item.sourceOrganisationId() + "|" + reason.get();
                withheld.merge(key, new WithheldItems(shown, item.sourceOrganisationName(), reason.get(), 1),
                        (a, b) -> new WithheldItems(a.category(), a.sourceOrganisationName(), a.reason(), a.count() + 1));
            }
        }
        return new PersonRecord(person, access.basis(), visible, List.copyOf(withheld.values()));
    }
}
