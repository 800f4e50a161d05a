package org.careweave.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
     * One page of a search through the person's record, decided and audited once: items the viewer may see, and on
     * the first page the items of the searched type the policy withholds, counted over the whole record. Withheld
     * items are left out before the search's filters and paging apply, so neither a page nor its notice says
     * anything about what a withheld item holds. Usually one statement reads the person, the page and the policy's
     * facts; a second reads the page again, without withheld items, when the person has some of the searched type.
     *
     * @throws PersonNotFound                    when there is no such person
     * @throws org.careweave.access.AccessDenied when the viewer may not see the person at all
     */
    public RecordPage page(AccessContext who, RecordQuery query) {
        Map<String, Object> parameters = AccessFacts.parameters(who, query.personId());
        RecordSearches.Scanned read = searches.page(query, parameters, null)
                .orElseThrow(() -> new PersonNotFound(query.personId()));
        PersonDetails person = read.person();
        PersonAccess access = policy.require(who, query.personId(), AccessIntent.search(
                query.resourceType() == null ? "Patient/$everything" : query.resourceType(), query.describe()),
                read.facts());
        Map<Boolean, List<RecordSearches.Group>> byVisibility = read.groups().stream()
                .collect(Collectors.partitioningBy(g -> visible(access, g)));
        List<RecordSearches.Group> shown = byVisibility.get(true);
        List<RecordSearches.Group> hidden = byVisibility.get(false);
        if (!hidden.isEmpty()) {
            Set<String> visible = shown.stream().map(RecordSearches.Group::key).collect(Collectors.toSet());
            read = searches.page(query, parameters, visible).orElseThrow(() -> new PersonNotFound(query.personId()));
        }
        // The allowed groups were read in the first statement: an item that arrived since is checked here too.
        List<RecordItem> scanned = read.items();
        List<RecordItem> items = scanned.stream()
                .filter(item -> access.mayView(item.sourceOrganisationId(), item.dataCategory())).toList();
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
        WithheldTally withheld = new WithheldTally();
        if (query.cursor() == null) {
            hidden.forEach(g -> withheld.add(access, g.sourceOrganisationId(), g.sourceOrganisationName(),
                    category(g), g.all()));
        }
        return new RecordPage(person, access.basis(), access.mayViewDemographics(), items, withheld.groups(), next,
                previous, shown.stream().mapToLong(RecordSearches.Group::matching).sum());
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
        return counted.groups().stream().filter(g -> visible(access, g))
                .mapToLong(RecordSearches.Group::matching).sum();
    }

    private static boolean visible(PersonAccess access, RecordSearches.Group group) {
        return access.mayView(group.sourceOrganisationId(), category(group));
    }

    private static DataCategory category(RecordSearches.Group group) {
        return DataCategory.ofItem(group.category(), group.sensitivity());
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
        WithheldTally withheld = new WithheldTally();
        for (RecordItem item : all) {
            if (!withheld.add(access, item.sourceOrganisationId(), item.sourceOrganisationName(), item.dataCategory(), 1)) {
                visible.add(item);
            }
        }
        return new PersonRecord(person, access.basis(), visible, withheld.groups());
    }

    /** Withheld items counted by category, source and reason, in the order first met. */
    private static final class WithheldTally {

        private final Map<String, WithheldItems> groups = new LinkedHashMap<>();

        /** Counts {@code count} items if the policy withholds them; says whether it did. */
        boolean add(PersonAccess access, long sourceOrganisationId, String sourceOrganisationName,
                    DataCategory category, long count) {
            Optional<PersonAccess.Withheld> reason = access.withheld(sourceOrganisationId, category);
            if (reason.isEmpty()) {
                return false;
            }
            // Naming a hidden sensitive category would itself disclose it, so those are counted together.
            DataCategory shown = category.sensitive() ? null : category;
            int n = (int) Math.min(count, Integer.MAX_VALUE);
            groups.merge(shown + "|" + sourceOrganisationId + "|" + reason.get(),
                    new WithheldItems(shown, sourceOrganisationName, reason.get(), n),
                    (a, b) -> new WithheldItems(a.category(), a.sourceOrganisationName(), a.reason(), a.count() + b.count()));
            return true;
        }

        List<WithheldItems> groups() {
            return List.copyOf(groups.values());
        }
    }
}
