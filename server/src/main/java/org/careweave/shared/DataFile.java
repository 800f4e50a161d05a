package org.careweave.shared;

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
 * Reads the small data files features ship or sites supply: comma-separated, no quoting, a header line, lines
 * starting with {@code #} are comments. A file is named by {@code classpath:...} or by a path. Every problem is
 * reported with the file and line as a {@link DataFileInvalid}.
 */
public final class DataFile {

    private static final String CLASSPATH = "classpath:";

    private DataFile() {
    }

    /** One data line, with the typed readers that name the file, line and column when a value cannot be right. */
    public record Row(String source, int line, String[] fields) {

        public String text(int column) {
            String value = optionalText(column);
            if (value == null) {
                throw error("column " + (column + 1) + " is empty");
            }
            return value;
        }

        public String optionalText(int column) {
            String value = column < fields.length ? fields[column].strip() : "";
            return value.isEmpty() ? null : value;
        }

        public String snomedCode(int column) {
            String code = text(column);
            if (!code.matches("[1-9][0-9]{5,17}")) {
                throw error("'" + code + "' is not a SNOMED CT concept id (6 to 18 digits)");
            }
            return code;
        }

        public double number(int column, double min, double max) {
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

        public int integer(int column, int min, int max) {
            double value = number(column, min, max);
            if (value != Math.rint(value)) {
                throw error(fields[column].strip() + " in column " + (column + 1) + " is not a whole number");
            }
            return (int) value;
        }

        public String where() {
            return source + " line " + line;
        }

        public DataFileInvalid error(String problem) {
            return new DataFileInvalid(where() + ": " + problem);
        }
    }

    /** The data rows of a file with exactly these columns (the header line must name them). */
    public static List<Row> read(String location, String... header) {
        try (Reader reader = open(location)) {
            return parse(location, reader, header);
        } catch (IOException e) {
            throw new DataFileInvalid("Cannot read " + location + ": " + e.getMessage());
        }
    }

    /** As {@link #read}, from text already in memory ({@code source} names it in messages). */
    public static List<Row> parse(String source, String text, String... header) {
        try {
            return parse(source, new StringReader(text), header);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One entry per non-blank, non-comment line of a plain list; an empty list is refused. */
    public static List<String> lines(String location) {
        try (BufferedReader reader = new BufferedReader(open(location))) {
            List<String> values = reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            if (values.isEmpty()) {
                throw new DataFileInvalid(location + " is empty");
            }
            return values;
        } catch (IOException e) {
            throw new DataFileInvalid("Cannot read " + location + ": " + e.getMessage());
        }
    }

    public static Reader open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length());
            InputStream in = DataFile.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new DataFileInvalid(location + " is missing from the classpath");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        Path path = Path.of(location);
        if (!Files.isReadable(path)) {
            throw new DataFileInvalid(location + " does not exist or cannot be read");
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
                if (!Arrays.equals(Arrays.stream(fields).map(String::strip).toArray(), header)) {
                    throw new DataFileInvalid(source + " line " + number + ": the header must be "
                            + String.join(",", header) + ", not " + line);
                }
                headerSeen = true;
            } else if (fields.length != header.length) {
                throw new DataFileInvalid(source + " line " + number + ": expected " + header.length
                        + " comma-separated columns (" + String.join(",", header) + "), found " + fields.length);
            } else {
                rows.add(new Row(source, number, fields));
            }
        }
        if (!headerSeen) {
            throw new DataFileInvalid(source + " is empty: it needs the header " + String.join(",", header));
        }
        return rows;
    }
}
