package org.careweave.synth;

import java.time.LocalDateTime;
import java.util.function.Consumer;

/** Emits one resident's record items, numbering them so each has a source id unique to its organisation. */
final class ResidentItems {

    private final Resident resident;
    private final Consumer<RecordItem> out;
    private int count;

    ResidentItems(Resident resident, Consumer<RecordItem> out) {
        this.resident = resident;
        this.out = out;
    }

    Resident resident() {
        return resident;
    }

    int count() {
        return count;
    }

    void coded(String resourceType, String category, String code, String display, String status,
               LocalDateTime start, LocalDateTime end, String detail, String sensitivity, long source) {
        emit(resourceType, category, RecordItem.SNOMED, code, display, status, start, end, null, null, detail,
                sensitivity, source);
    }

    void emit(String resourceType, String category, String codeSystem, String code, String display, String status,
              LocalDateTime start, LocalDateTime end, Double value, String unit, String detail, String sensitivity,
              long source) {
        count++;
        // Person ids are unique across generations, so "syn-<person>-<n>" is unique for every source.
        out.accept(new RecordItem(resident.id(), resourceType, category, codeSystem, code, display, status, start,
                end, value, unit, detail, sensitivity, source, "syn-" + resident.id() + "-" + count));
    }
}
