package org.careweave.adt;

import java.time.Instant;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.careweave.person.NhsNumber;
import org.springframework.stereotype.Component;

/**
 * Parses ADT messages of versions 2.3 to 2.5.1 into the 2.5.1 structures (HAPI's canonical model) and reads the
 * facts CareWeave uses. Fields are found by segment, wherever the structure groups them, so the same code reads
 * every accepted version and trigger event.
 */
@Component
class AdtParser {

    private final PipeParser parser;

    AdtParser() {
        HapiContext context = new DefaultHapiContext();
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        this.parser = context.getPipeParser();
    }

    /**
     * @throws NotUnderstood when HAPI cannot parse the message (answered AR)
     * @throws CannotApply   when a field CareWeave needs has a value it cannot read (answered AE)
     */
    AdtFacts parse(String text, MessageHeader header) {
        Message message;
        try {
            message = parser.parse(text);
        } catch (HL7Exception | RuntimeException e) {
            throw new NotUnderstood("The message cannot be parsed as HL7v2 " + header.version() + ": "
                    + e.getMessage());
        }
        try {
            Terser terser = new Terser(message);
            Segment pid = segment(terser, "PID");
            Segment pv1 = segment(terser, "PV1");
            Segment mrg = segment(terser, "MRG");
            return new AdtFacts(header, eventTime(terser), pid == null ? null : patient(pid),
                    pv1 == null ? null : visit(pv1, segment(terser, "PV2")), mrg == null ? null : prior(mrg));
        } catch (HL7Exception e) {
            throw new NotUnderstood("The message cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CannotApply(e.getMessage());
        }
    }

    private static Instant eventTime(Terser terser) throws HL7Exception {
        Segment evn = segment(terser, "EVN");
        Instant occurred = evn == null ? null : Hl7Time.instant(Terser.get(evn, 6, 0, 1, 1), "EVN-6");
        Instant recorded = evn == null ? null : Hl7Time.instant(Terser.get(evn, 2, 0, 1, 1), "EVN-2");
        Instant sent = Hl7Time.instant(terser.get("/MSH-7-1"), "MSH-7");
        return occurred != null ? occurred : recorded != null ? recorded : sent;
    }

    private static AdtFacts.Patient patient(Segment pid) throws HL7Exception {
        String nhs = null;
        String local = null;
        int repetitions = pid.getField(3).length;
        for (int rep = 0; rep < repetitions; rep++) {
            String value = Terser.get(pid, 3, rep, 1, 1);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (isNhsNumber(Terser.get(pid, 3, rep, 4, 1), Terser.get(pid, 3, rep, 5, 1))) {
                String digits = value.replace(" ", "");
                if (!NhsNumber.isValid(digits)) {
                    throw new IllegalArgumentException("PID-3 NHS number (repetition " + (rep + 1)
                            + ") fails the modulus 11 check");
                }
                nhs = digits;
            } else if (local == null) {
                local = value.strip();
            }
        }
        if (nhs == null && local == null) {
            throw new IllegalArgumentException("PID-3 has neither an NHS number (type NH or authority NHS) nor a "
                    + "hospital patient number");
        }
        return new AdtFacts.Patient(nhs, local, text(pid, 5, 1), text(pid, 5, 2),
                Hl7Time.date(Terser.get(pid, 7, 0, 1, 1), "PID-7"), sex(Terser.get(pid, 8, 0, 1, 1)),
                text(pid, 11, 1), text(pid, 11, 5), Hl7Time.date(Terser.get(pid, 29, 0, 1, 1), "PID-29"));
    }

    private static boolean isNhsNumber(String authority, String type) {
        return "NH".equalsIgnoreCase(type) || "NHS".equalsIgnoreCase(authority);
    }

    private static String sex(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return switch (code.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "M" -> "male";
            case "F" -> "female";
            case "U" -> "unknown";
            case "O", "A", "N" -> "other";
            default -> throw new IllegalArgumentException("PID-8 sex '" + code + "' is not M, F, O, A, N or U");
        };
    }

    private static AdtFacts.Visit visit(Segment pv1, Segment pv2) throws HL7Exception {
        Instant admitted = Hl7Time.instant(Terser.get(pv1, 44, 0, 1, 1), "PV1-44");
        if (admitted == null && pv2 != null) {
            admitted = Hl7Time.instant(Terser.get(pv2, 8, 0, 1, 1), "PV2-8");
        }
        return new AdtFacts.Visit(text(pv1, 2, 1), text(pv1, 3, 1), text(pv1, 6, 1), text(pv1, 4, 1),
                text(pv1, 14, 1), text(pv1, 19, 1), text(pv1, 36, 1), admitted,
                Hl7Time.instant(Terser.get(pv1, 45, 0, 1, 1), "PV1-45"));
    }

    private static AdtFacts.Prior prior(Segment mrg) throws HL7Exception {
        String nhs = null;
        String local = null;
        int repetitions = mrg.getField(1).length;
        for (int rep = 0; rep < repetitions; rep++) {
            String value = Terser.get(mrg, 1, rep, 1, 1);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (isNhsNumber(Terser.get(mrg, 1, rep, 4, 1), Terser.get(mrg, 1, rep, 5, 1))) {
                nhs = NhsNumber.validOrNull(value.replace(" ", ""));
            } else if (local == null) {
                local = value.strip();
            }
        }
        return local == null && nhs == null ? null : new AdtFacts.Prior(local, nhs);
    }

    private static String text(Segment segment, int field, int component) throws HL7Exception {
        String value = Terser.get(segment, field, 0, component, 1);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The first segment of that name anywhere in the message, or null when the message has none. */
    private static Segment segment(Terser terser, String name) {
        try {
            Segment segment = terser.getSegment("/." + name);
            return segment.isEmpty() ? null : segment;
        } catch (HL7Exception e) {
            return null;
        }
    }
}
