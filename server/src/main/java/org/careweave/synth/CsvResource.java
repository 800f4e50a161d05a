package org.careweave.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the generator's small reference tables: comma-separated, no quoting, a header line, lines starting with
 * {@code #} are comments. Every problem is reported with the file name and line number.
 */
final class CsvResource {

    private CsvResource() {
    }

    record Row(String source, int line, String[] fields) {

        String text(int column) {
            String value = fields[column].strip();
            if (value.isEmpty()) {
                throw error("column " + (column + 1) + " is empty");
            }
            return value;
        }

        String optionalText(int column) {
            String value = fields[column].strip();
            return value.isEmpty() ? null : value;
        }

        double number(int column, double min, double max) {
            String value = text(column);
            double parsed;
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw error("'" + value + "' in column " + (column + 1) + " is not a number");
            }
            if (!(parsed >= min && parsed <= max)) {
                throw error(value + " in column " + (column + 1) + " is outside " + min + ".." + max);
            }
            return parsed;
        }

        int integer(int column, int min, int max) {
            double value = number(column, min, max);
            if (value != Math.rint(value)) {
                throw error(fields[column].strip() + " in column " + (column + 1) + " is not a whole number");
            }
            return (int) value;
        }

        SynthDataInvalid error(String problem) {
            return new SynthDataInvalid(source + " line " + line + ": " + problem);
        }
    }

    static List<Row> read(String resource, String... header) {
        try (InputStream in = CsvResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SynthDataInvalid(resource + " is missing from the classpath");
            }
            return parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8), header);
        } catch (IOException e) {
            throw new SynthDataInvalid("Cannot read " + resource + ": " + e.getMessage());
        }
    }

    static List<Row> parse(String source, String text, String... header) {
        try {
            return parse(source, new StringReader(text), header);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> parse(String source, Reader reader, String... header) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (!headerSeen) {
                if (!Arrays.equals(Arrays.stream(fields).map(String::strip).toArray(), header)) {
                    throw new SynthDataInvalid(source + " line " + number + ": expected the header "
                            + String.join(",", header));
                }
                headerSeen = true;
            } else if (fields.length != header.length) {
                throw new SynthDataInvalid(source + " line " + number + ": expected " + header.length
                        + " comma-separated columns, found " + fields.length);
            } else {
                rows.add(new Row(source, number, fields));
            }
        }
        if (rows.isEmpty()) {
            throw new SynthDataInvalid(source + " has no data rows");
        }
        return rows;
    }

    /** One entry per non-blank, non-comment line. */
    static List<String> lines(String resource) {
        try (InputStream in = CsvResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SynthDataInvalid(resource + " is missing from the classpath");
            }
            List<String> values = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            if (values.isEmpty()) {
                throw new SynthDataInvalid(resource + " is empty");
            }
            return values;
        } catch (IOException e) {
            throw new SynthDataInvalid("Cannot read " + resource + ": " + e.getMessage());
        }
    }
}
