package io.shipbridge.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a destination against a carrier's {@link FieldLimits} before the carrier is called, so that an address the
 * carrier would refuse (or that would have to be cut) fails the shipment at once with a reason that names the field
 * and the limit. Reasons never quote the customer's data: lengths and the country only.
 */
public final class FieldLimitCheck {
    /** E.164: at most 15 digits; fewer than 6 is no phone number anywhere. */
    static final int PHONE_DIGITS_MIN = 6;
    static final int PHONE_DIGITS_MAX = 15;

    private FieldLimitCheck() {
    }

    public static List<String> problems(FieldLimits limits, Address to) {
        List<String> problems = new ArrayList<>();
        text(problems, "name", to.name(), limits.nameMax(), true);
        text(problems, "street", to.street(), limits.streetMax(), true);
        text(problems, "city", to.city(), limits.cityMax(), true);
        if (to.countryCode() == null || !to.countryCode().matches("[A-Z]{2}")) {
            problems.add("the country is missing or not an ISO 3166 code");
        } else if (to.postcode() == null || to.postcode().isBlank()) {
            problems.add("the postcode is missing");
        } else if (to.postcode().length() > limits.postcodeMax()) {
            problems.add("the postcode is " + to.postcode().length() + " characters, at most "
                    + limits.postcodeMax());
        } else if (!PostcodeFormats.fits(to.countryCode(), to.postcode(),
                Optional.ofNullable(limits.postcodes().get(to.countryCode())))) {
            problems.add("the postcode is not in the form of a " + to.countryCode() + " postcode");
        }
        if (to.phone() != null && !to.phone().isBlank()) {
            String phone = to.phone().strip();
            long digits = phone.chars().filter(Character::isDigit).count();
            if (!phone.matches("\\+?[0-9 ().\\-/]+")) {
                problems.add("the phone has characters other than digits, spaces and + ( ) . - /");
            } else if (digits < PHONE_DIGITS_MIN || digits > PHONE_DIGITS_MAX) {
                problems.add("the phone has " + digits + " digits, " + PHONE_DIGITS_MIN + " to " + PHONE_DIGITS_MAX
                        + " expected");
            }
        }
        return problems;
    }

    private static void text(List<String> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add("the " + field + " is missing");
            }
        } else if (value.length() > max) {
            problems.add("the " + field + " is " + value.length() + " characters, at most " + max);
        } else if (hasControlCharacters(value)) {
            problems.add("the " + field + " has control characters");
        }
    }

    private static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT);
    }
}
