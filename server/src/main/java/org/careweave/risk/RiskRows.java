package org.careweave.risk;

import java.util.List;

/** Formats a profile as stored: input lists, and one line of COPY text for the bulk load. */
final class RiskRows {

    private RiskRows() {
    }

    static List<String> efiInputs(RiskProfile profile) {
        return profile.efi() == null ? List.of() : profile.efi().deficits().stream()
                .map(d -> d.name() + "|" + (d.code() == null ? "" : d.code())).toList();
    }

    static List<String> cmsInputs(RiskProfile profile) {
        return profile.cms().conditions().stream().map(c -> c.name() + "|" + c.code() + "|" + c.weight()).toList();
    }

    /** One row of {@link RiskScores#COLUMNS} in COPY text format, ending with a newline. */
    static void appendCopyLine(StringBuilder out, RiskProfile p) {
        RiskProfile.Efi efi = p.efi();
        out.append(p.personId()).append('\t').append(p.computedAt()).append('\t');
        if (efi == null) {
            out.append("\\N\t\\N\t\\N\t");
        } else {
            out.append(efi.value()).append('\t').append(efi.category().name()).append('\t');
            copyText(out, efi.version());
            out.append('\t');
        }
        textArray(out, efiInputs(p));
        out.append('\t').append(efi == null ? 0 : efi.currentMedications()).append('\t')
                .append(p.cms().value()).append('\t');
        copyText(out, p.cms().version());
        out.append('\t');
        textArray(out, cmsInputs(p));
        RiskProfile.Utilisation u = p.utilisation();
        out.append('\t').append(u.emergencyAdmissions()).append('\t').append(u.aeAttendances()).append('\t')
                .append(u.bedDays()).append('\t');
        copyText(out, u.version());
        out.append("\t{");
        for (int i = 0; i < u.events().size(); i++) {
            out.append(i == 0 ? "" : ",").append(u.events().get(i));
        }
        out.append("}\t").append(p.priority().value()).append('\t');
        copyText(out, p.priority().version());
        out.append('\n');
    }

    /** A PostgreSQL array literal of quoted elements, escaped for COPY text. */
    private static void textArray(StringBuilder out, List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            literal.append(i == 0 ? "\"" : ",\"");
            String value = values.get(i);
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        copyText(out, literal.append('}').toString());
    }

    private static void copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
