package org.careweave.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the risk feature's data files: comma-separated, no quoting, a header line, {@code #} comment lines. A file is
 * named by a path, or by {@code classpath:...}; every problem is reported with the file and line.
 */
final class RiskCsv {

    private RiskCsv() {
    }

    record Row(String source, int line, String[] fields) {

        String text(int column) {
            String value = column < fields.length ? fields[column].strip() : "";
            if (value.isEmpty()) {
                throw error("column " + (column + 1) + " is empty");
            }
            return value;
        }

        String code(int column) {
            String code = text(column);
            if (!code.matches("[1-9][0-9]{5,17}")) {
                throw error("'" + code + "' is not a SNOMED CT concept id (6 to 18 digits)");
            }
            return code;
        }

        double number(int column, double min, double max) {
            String value = text(column);
            try {
                double parsed = Double.parseDouble(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                throw error("'" + value + "' in column " + (column + 1) + " is not a number");
            }
            throw error(value + " in column " + (column + 1) + " is outside " + min + ".." + max);
        }

        String where() {
            return source + " line " + line;
        }

        RiskDataInvalid error(String problem) {
            return new RiskDataInvalid(where() + ": " + problem);
        }
    }

    static List<Row> read(String location, String... header) {
        try (Reader reader = open(location)) {
            return parse(location, reader, header);
        } catch (IOException e) {
            throw new RiskDataInvalid("Cannot read " + location + ": " + e.getMessage());
        }
    }

    static List<Row> parse(String source, String text, String... header) {
        try {
            return parse(source, new StringReader(text), header);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reader open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in = RiskCsv.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new RiskDataInvalid(location + " is missing from the classpath");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        Path path = Path.of(location);
        if (!Files.isReadable(path)) {
            throw new RiskDataInvalid(location + " does not exist or cannot be read");
        }
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }

    private static List<Row> parse(String source, Reader reader, String[] header) throws IOException {
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
                String[] found = Arrays.stream(fields).map(String::strip).toArray(String[]::new);
                if (!Arrays.equals(found, header)) {
                    throw new RiskDataInvalid(source + " line " + number + ": the header must be "
                            + String.join(",", header) + ", not " + line);
                }
                headerSeen = true;
                continue;
            }
            if (fields.length != header.length) {
                throw new RiskDataInvalid(source + " line " + number + ": expected " + header.length
                        + " comma-separated columns (" + String.join(",", header) + "), found " + fields.length);
            }
            rows.add(new Row(source, number, fields));
        }
        if (!headerSeen) {
            throw new RiskDataInvalid(source + " is empty: it needs the header " + String.join(",", header));
        }
        return rows;
    }
}
