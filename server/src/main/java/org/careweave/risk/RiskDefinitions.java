package org.careweave.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.careweave.shared.DataFile;
import org.careweave.shared.DataFileInvalid;

/**
 * The eFI deficits and Cambridge Multimorbidity Score conditions as codes, loaded and checked once at start-up. A
 * malformed file stops start-up with a message naming the file and line; a code that is neither in the shipped code
 * list nor in the configured reference set is reported (file and line) but kept, since a site's official reference
 * set may be newer than ours.
 */
final class RiskDefinitions {

    static final String DEFICITS = "classpath:risk/efi-deficits.csv";
    static final String CMS = "classpath:risk/cms-conditions.csv";
    static final String CODES = "classpath:risk/snomed-codes.csv";
    /** The eFI counts 36 deficits: 35 from codes plus polypharmacy. */
    static final int CODED_DEFICITS = 35;
    static final int EFI_DEFICITS = 36;
    static final String POLYPHARMACY = "Polypharmacy";

    record CmsCondition(String name, double weight) {
    }

    private final Map<String, String> deficitByCode;
    private final Set<String> deficits;
    private final Map<String, CmsCondition> cmsByCode;
    private final List<String> unknownCodes;

    private RiskDefinitions(Map<String, String> deficitByCode, Map<String, CmsCondition> cmsByCode,
                            List<String> unknownCodes) {
        this.deficitByCode = Map.copyOf(deficitByCode);
        this.deficits = new TreeSet<>(deficitByCode.values());
        this.cmsByCode = Map.copyOf(cmsByCode);
        this.unknownCodes = List.copyOf(unknownCodes);
    }

    /** @throws RiskFileInvalid naming the file, the line and the setting that names the file */
    static RiskDefinitions load(RiskSettings settings) {
        Set<String> known = fromSetting("careweave.risk.reference-set",
                () -> knownCodes(CODES, settings.referenceSet()));
        String deficits = settings.deficitsFile().isBlank() ? DEFICITS : settings.deficitsFile();
        String cms = settings.cmsFile().isBlank() ? CMS : settings.cmsFile();
        List<String> unknown = new ArrayList<>();
        Map<String, String> deficitByCode = fromSetting("careweave.risk.deficits-file",
                () -> deficits(DataFile.read(deficits, "deficit", "code", "term"), known, unknown));
        Map<String, CmsCondition> cmsByCode = fromSetting("careweave.risk.cms-file",
                () -> cmsConditions(cms, DataFile.read(cms, "condition", "weight", "code", "term"), known, unknown));
        return new RiskDefinitions(deficitByCode, cmsByCode, unknown);
    }

    private static <T> T fromSetting(String setting, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (DataFileInvalid e) {
            throw new RiskFileInvalid(setting, e);
        }
    }

    static RiskDefinitions parse(List<DataFile.Row> deficitRows, List<DataFile.Row> cmsRows, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        Map<String, String> deficitByCode = deficits(deficitRows, known, unknown);
        String cmsSource = cmsRows.isEmpty() ? "The Cambridge Multimorbidity Score file" : cmsRows.get(0).source();
        return new RiskDefinitions(deficitByCode, cmsConditions(cmsSource, cmsRows, known, unknown), unknown);
    }

    private static Map<String, String> deficits(List<DataFile.Row> deficitRows, Set<String> known,
                                                List<String> unknown) {
        Map<String, String> deficitByCode = new LinkedHashMap<>();
        for (DataFile.Row row : deficitRows) {
            String deficit = row.text(0);
            String code = row.snomedCode(1);
            if (deficit.equalsIgnoreCase(POLYPHARMACY)) {
                throw row.error("polypharmacy is counted from current medicines, not from codes; remove this row");
            }
            String earlier = deficitByCode.put(code, deficit);
            if (earlier != null) {
                throw row.error("code " + code + " is listed already" + (earlier.equals(deficit) ? ""
                        : " for the deficit '" + earlier + "'"));
            }
            checkKnown(row, code, known, unknown);
        }
        int count = new HashSet<>(deficitByCode.values()).size();
        if (count != CODED_DEFICITS) {
            String source = deficitRows.isEmpty() ? "the deficit file" : deficitRows.get(0).source();
            throw new DataFileInvalid(source + ": the electronic frailty index has " + CODED_DEFICITS
                    + " coded deficits (plus polypharmacy), but the file names " + count);
        }
        return deficitByCode;
    }

    private static Map<String, CmsCondition> cmsConditions(String source, List<DataFile.Row> cmsRows,
                                                           Set<String> known, List<String> unknown) {
        Map<String, CmsCondition> cmsByCode = new HashMap<>();
        Map<String, Double> weights = new HashMap<>();
        for (DataFile.Row row : cmsRows) {
            String condition = row.text(0);
            double weight = row.number(1, -5, 10);
            String code = row.snomedCode(2);
            Double earlierWeight = weights.putIfAbsent(condition, weight);
            if (earlierWeight != null && earlierWeight != weight) {
                throw row.error("'" + condition + "' has weight " + earlierWeight + " on an earlier line and "
                        + weight + " here");
            }
            if (cmsByCode.put(code, new CmsCondition(condition, weight)) != null) {
                throw row.error("code " + code + " is listed twice");
            }
            checkKnown(row, code, known, unknown);
        }
        if (cmsByCode.isEmpty()) {
            throw new DataFileInvalid(source + " lists no conditions");
        }
        return cmsByCode;
    }

    private static void checkKnown(DataFile.Row row, String code, Set<String> known, List<String> unknown) {
        if (!known.contains(code)) {
            unknown.add(row.where() + ": SNOMED CT code " + code + " is neither in " + CODES
                    + " nor in the configured reference set (careweave.risk.reference-set)");
        }
    }

    /** The shipped code list plus the site's reference set, when one is configured. */
    static Set<String> knownCodes(String shipped, String referenceSet) {
        Set<String> known = new HashSet<>();
        DataFile.read(shipped, "code", "term").forEach(row -> known.add(row.snomedCode(0)));
        if (!referenceSet.isBlank()) {
            known.addAll(referenceSetCodes(referenceSet));
        }
        return known;
    }

    /** Codes of a reference set: an RF2 refset (tab-separated, with referencedComponentId) or one code a line. */
    static Set<String> referenceSetCodes(String location) {
        Set<String> codes = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(DataFile.open(location))) {
            int column = -1;
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String[] fields = line.split("\t");
                if (number == 1 && line.contains("referencedComponentId")) {
                    column = java.util.Arrays.asList(fields).indexOf("referencedComponentId");
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String code = (column >= 0 ? (column < fields.length ? fields[column] : "") : line).strip();
                if (!code.matches("[1-9][0-9]{5,17}")) {
                    throw new DataFileInvalid(location + " line " + number + ": '" + code
                            + "' is not a SNOMED CT concept id");
                }
                codes.add(code);
            }
        } catch (IOException e) {
            throw new DataFileInvalid("Cannot read " + location + ": " + e.getMessage());
        }
        return codes;
    }

    /** The deficit a code indicates, or null. */
    String deficitOf(String code) {
        return deficitByCode.get(code);
    }

    CmsCondition cmsConditionOf(String code) {
        return cmsByCode.get(code);
    }

    /** Every code either score looks at: the only problem codes the recomputation needs to read. */
    Set<String> relevantCodes() {
        Set<String> codes = new HashSet<>(deficitByCode.keySet());
        codes.addAll(cmsByCode.keySet());
        return codes;
    }

    Set<String> deficits() {
        return deficits;
    }

    Map<String, String> deficitCodes() {
        return deficitByCode;
    }

    Map<String, CmsCondition> cmsCodes() {
        return cmsByCode;
    }

    /** Codes that were reported at load time, each with its file and line. */
    List<String> unknownCodes() {
        return unknownCodes;
    }
}
