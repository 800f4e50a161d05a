package org.careweave.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.person.IncomingPatient;
import org.careweave.person.PatientLink;
import org.careweave.person.PersonMatching;
import org.careweave.record.IncomingItem;
import org.careweave.record.ItemOutcome;
import org.careweave.record.RecordImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one bundle for the caller's organisation. A transaction is all or nothing, in one database transaction;
 * a batch keeps every entry that is right and answers each failed one with its own OperationOutcome.
 */
@Service
class BundleIngest {

    private static final Logger log = LoggerFactory.getLogger(BundleIngest.class);

    private final ReferenceResolver resolver;
    private final DirectoryResources directory;
    private final PersonMatching persons;
    private final RecordImport records;
    private final ServedCopies servedCopies;
    private final IngestLog ingestLog;
    private final AccessPolicy policy;
    private final TransactionTemplate transactions;

    BundleIngest(ReferenceResolver resolver, DirectoryResources directory, PersonMatching persons,
                 RecordImport records, ServedCopies servedCopies, IngestLog ingestLog, AccessPolicy policy,
                 PlatformTransactionManager transactionManager) {
        this.resolver = resolver;
        this.directory = directory;
        this.persons = persons;
        this.records = records;
        this.servedCopies = servedCopies;
        this.ingestLog = ingestLog;
        this.policy = policy;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** @throws BundleRejected when the bundle (or, for a transaction, any entry) is wrong; nothing is then kept */
    IngestResult ingest(AccessContext who, byte[] body) {
        long started = System.nanoTime();
        ParsedBundle bundle = BundleReader.read(body);
        List<Entry> entries = new ArrayList<>(bundle.entries().size());
        bundle.entries().forEach(raw -> entries.add(Entry.of(raw)));
        markDuplicates(entries);
        long source = who.actingOrganisationId();
        if (bundle.transaction()) {
            rejectIfAnyProblem(entries);
            transactions.executeWithoutResult(status -> {
                BundleIndex index = resolver.resolve(source, entries);
                rejectIfAnyProblem(entries);
                write(source, entries, index);
                rejectIfAnyProblem(entries);
                ingestLog.record(who, bundle, entries, elapsedMs(started));
                audit(who, bundle, entries);
            });
        } else {
            batch(who, bundle, entries, started);
        }
        return new IngestResult(bundle.transaction(), entries);
    }

    private void batch(AccessContext who, ParsedBundle bundle, List<Entry> entries, long started) {
        long source = who.actingOrganisationId();
        try {
            transactions.executeWithoutResult(status -> {
                BundleIndex index = resolver.resolve(source, entries);
                write(source, entries, index);
                ingestLog.record(who, bundle, entries, elapsedMs(started));
                audit(who, bundle, entries);
            });
        } catch (DataAccessException e) {
            // Something only the database could see; keep what can be kept, one entry at a time.
            log.warn("Batch bulk write failed ({}); writing entry by entry", e.getMostSpecificCause().getMessage());
            for (Entry entry : ordered(entries)) {
                if (!entry.ok()) {
                    continue;
                }
                try {
                    transactions.executeWithoutResult(status -> {
                        write(source, List.of(entry), null);
                        audit(who, bundle, List.of(entry));
                    });
                } catch (DataAccessException one) {
                    entry.problems.add("could not be stored: " + one.getMostSpecificCause().getMessage());
                }
            }
            transactions.executeWithoutResult(status -> ingestLog.record(who, bundle, entries, elapsedMs(started)));
        }
    }

    /**
     * Puts in the audit trail, once per person, that the sender changed their record: their Patient or items of
     * theirs were created or updated (a resend that changed nothing is not a write).
     */
    private void audit(AccessContext who, ParsedBundle bundle, List<Entry> entries) {
        Set<Long> changed = new java.util.TreeSet<>();
        for (Entry entry : entries) {
            if (entry.ok() && entry.change != null && entry.change != ItemOutcome.Change.UNCHANGED) {
                Long person = entry.kind == ResourceKinds.PATIENT ? entry.personId : personOf(entry);
                if (person != null) {
                    changed.add(person);
                }
            }
        }
        policy.recordWrites(who, changed, AccessIntent.update("Bundle", bundle.id()));
    }

    /** @param index the bundle's, to keep served copies of items with many references; null not to */
    private void write(long source, List<Entry> entries, BundleIndex index) {
        directory.upsert(source, entries.stream().filter(e -> e.ok() && e.kind == ResourceKinds.DIRECTORY).toList());
        entries.stream().filter(e -> e.ok() && e.kind == ResourceKinds.PATIENT).forEach(e -> linkPatient(source, e));
        List<Entry> items = new ArrayList<>();
        List<IncomingItem> incoming = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.ok() && entry.kind == ResourceKinds.RECORD_ITEM) {
                Long person = personOf(entry);
                if (person != null) {
                    items.add(entry);
                    incoming.add(item(entry, person));
                }
            }
        }
        List<ItemOutcome> outcomes = records.store(source, incoming);
        for (int i = 0; i < items.size(); i++) {
            Entry entry = items.get(i);
            ItemOutcome outcome = outcomes.get(i);
            entry.id = outcome.id();
            entry.version = outcome.version();
            entry.change = outcome.change();
        }
        if (index != null) {
            servedCopies.keep(index, items);
        }
    }

    private void linkPatient(long source, Entry entry) {
        IncomingPatient patient;
        try {
            patient = Patients.incoming(entry);
        } catch (IllegalArgumentException e) {
            entry.problems.add(e.getMessage());
            return;
        }
        PatientLink link = persons.link(source, patient);
        entry.personId = link.personId();
        entry.id = link.personId();
        entry.version = link.version();
        entry.change = ItemOutcome.Change.valueOf(link.change().name());
    }

    private static Long personOf(Entry entry) {
        if (entry.patientEntry == null) {
            return entry.personId;
        }
        if (!entry.patientEntry.ok() || entry.patientEntry.personId == null) {
            entry.problems.add("is about the patient in " + entry.patientEntry.label() + ", which was not stored");
            return null;
        }
        return entry.patientEntry.personId;
    }

    private static IncomingItem item(Entry entry, long person) {
        ResourceFacts f = entry.facts;
        return new IncomingItem(person, entry.type, f.category(), f.codeSystem(), f.code(), f.display(), f.status(),
                f.start(), f.end(), f.value(), f.unit(), f.sensitivity(), entry.sourceId, entry.raw.fullUrl(), entry.raw.raw(),
                entry.hash);
    }

    private static void markDuplicates(List<Entry> entries) {
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries) {
            if (entry.kind != null && entry.sourceId != null && !seen.add(entry.key())) {
                entry.problems.add("repeats " + entry.key() + ", which an earlier entry of this bundle already has");
            }
        }
    }

    private static void rejectIfAnyProblem(List<Entry> entries) {
        List<String> issues = new ArrayList<>();
        for (Entry entry : entries) {
            entry.problems.forEach(problem -> issues.add(entry.label() + " " + problem));
        }
        if (!issues.isEmpty()) {
            throw new BundleRejected(400, issues);
        }
    }

    private static List<Entry> ordered(List<Entry> entries) {
        List<Entry> ordered = new ArrayList<>(entries.size());
        for (ResourceKinds kind : List.of(ResourceKinds.DIRECTORY, ResourceKinds.PATIENT, ResourceKinds.RECORD_ITEM)) {
            entries.stream().filter(e -> e.kind == kind).forEach(ordered::add);
        }
        return ordered;
    }

    private static int elapsedMs(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
