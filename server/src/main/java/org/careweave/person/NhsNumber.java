package org.careweave.person;

/**
 * An NHS number: ten digits whose last digit is a modulus 11 check digit over the first nine. Refuses anything else
 * in its constructor, so holding an {@code NhsNumber} means holding a well-formed one (not necessarily one that was
 * ever issued).
 *
 * @param value the ten digits, without spaces
 */
public record NhsNumber(String value) {

    /** What {@link #checkDigitOf} returns when no check digit exists (the remainder gives 10): never issued. */
    public static final int NO_CHECK_DIGIT = 10;

    public NhsNumber {
        if (value == null) {
            throw new IllegalArgumentException("An NHS number is required");
        }
        if (value.length() != 10 || !allDigits(value)) {
            throw new IllegalArgumentException("An NHS number has exactly 10 digits; got " + value.length()
                    + " characters" + (allDigits(value) ? "" : " including non-digits"));
        }
        int expected = checkDigitOf(value.substring(0, 9));
        if (expected == NO_CHECK_DIGIT) {
            throw new IllegalArgumentException(
                    "Not a valid NHS number: its first nine digits give check digit 10, which is never issued");
        }
        if (value.charAt(9) - '0' != expected) {
            throw new IllegalArgumentException("Not a valid NHS number: the check digit (last digit) should be "
                    + expected + " but is " + value.charAt(9) + "; check for a mistyped digit");
        }
    }

    /** Reads an NHS number as people write it: "943 476 5919", "943-476-5919" or "9434765919". */
    public static NhsNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An NHS number is required");
        }
        StringBuilder digits = new StringBuilder(10);
        for (char c : text.strip().toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                throw new IllegalArgumentException(
                        "An NHS number may contain only digits, spaces and dashes; found '" + c + "'");
            }
        }
        return new NhsNumber(digits.toString());
    }

    /** The FHIR identifier system of NHS numbers. */
    public static final String SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    /** The ten digits of a valid NHS number written as people write it, or null when it is not one. */
    public static String validOrNull(String text) {
        return isValid(text) ? parse(text).value() : null;
    }

    /** True when {@code text} would {@link #parse} without error. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The modulus 11 check digit for nine leading digits: weights 10 down to 2, remainder subtracted from 11, 11
     * becomes 0. Returns {@link #NO_CHECK_DIGIT} when the result is 10, because such numbers are never issued.
     */
    public static int checkDigitOf(String firstNineDigits) {
        if (firstNineDigits.length() != 9 || !allDigits(firstNineDigits)) {
            throw new IllegalArgumentException("Expected 9 digits to compute an NHS number check digit");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    /** The number as printed on NHS letters and cards: "943 476 5919". */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
