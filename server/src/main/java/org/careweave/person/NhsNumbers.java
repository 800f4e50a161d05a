package org.careweave.person;

/** The NHS number check: ten digits whose modulus-11 check digit is right. */
final class NhsNumbers {

    static final String SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    private NhsNumbers() {
    }

    /** The number without spaces if it is a valid NHS number, otherwise null. */
    static String validOrNull(String candidate) {
        if (candidate == null) {
            return null;
        }
        String digits = candidate.replace(" ", "");
        if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0' ? digits : null;
    }
}
