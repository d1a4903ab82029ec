package io.shipbridge.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldLimitCheckTest {
    private static final FieldLimits LIMITS = new FieldLimits(20, 30, 20, 8, Map.of("IE", Pattern.compile("[A-Z]\\d{2} ?[A-Z0-9]{4}")));

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "ES | 28014    | +34 600 000 000 | ''",
        "ES | 2801     | +34 600 000 000 | the postcode is not in the form of a ES postcode",
        "PT | 1100-123 | 912345678       | ''",
        "PT | 1100123  | 912345678       | the postcode is not in the form of a PT postcode",
        "CA | K1A 0B1  | 613 555 0100    | ''",
        "CA | K1A 0U1  | 613 555 0100    | the postcode is not in the form of a CA postcode",
        "IE | D02 X285 | 01 555 0100     | ''",
        "IE | 12345    | 01 555 0100     | the postcode is not in the form of a IE postcode",
        "XX | AB-12    | 0123456         | ''",
        "ES | 123456789| 600000000       | the postcode is 9 characters, at most 8",
        "ES | 28014    | 12345           | the phone has 5 digits, 6 to 15 expected",
        "ES | 28014    | 1234567890123456| the phone has 16 digits, 6 to 15 expected",
        "ES | 28014    | call me         | the phone has characters other than digits, spaces and + ( ) . - /",
        "es | 28014    | 600000000       | the country is missing or not an ISO 3166 code"})
    void checksPostcodePerCountryPhoneAndCountry(String country, String postcode, String phone, String problem) {
        Address to = new Address("Lucía García", "Lucía García", "Calle Mayor 1", postcode, "Madrid", country, phone,
                null);

        assertThat(String.join("; ", FieldLimitCheck.problems(LIMITS, to))).isEqualTo(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name   | the name is 21 characters, at most 20",
        "street | the street is 31 characters, at most 30",
        "city   | the city has control characters"})
    void namesTheFieldAndItsLimitNeverTheValue(String field, String problem) {
        String name = field.equals("name") ? "N".repeat(21) : "Lucía";
        String street = field.equals("street") ? "S".repeat(31) : "Calle Mayor 1";
        String city = field.equals("city") ? "Madrid\u0000" : "Madrid";
        Address to = new Address(name, name, street, "28014", city, "ES", null, null);

        assertThat(FieldLimitCheck.problems(LIMITS, to)).containsExactly(problem);
    }
}
