package io.shipbridge.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Config;
import io.shipbridge.config.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarrierAvailabilityTest {
    private static final Map<String, String> TIPSA_SETTINGS = Map.of("TIPSA_BASE_URL", "http://tipsa.test/SOAP",
            "TIPSA_AGENCY_CODE", "000123", "TIPSA_CLIENT_CODE", "33333");

    @Test
    void aCarrierWithItsSettingsAndItsSecretIsAvailable() {
        assertThat(availability(TIPSA_SETTINGS, "{\"tipsa\": {\"password\": \"p\"}}").whyUnavailable("tipsa"))
                .isEmpty();
    }

    @Test
    void aCarrierWithoutItsSettingsSaysWhichAreMissing() {
        assertThat(availability(Map.of("TIPSA_BASE_URL", "http://tipsa.test/SOAP", "TIPSA_AGENCY_CODE", " "),
                "{\"tipsa\": {\"password\": \"p\"}}").whyUnavailable("tipsa"))
                .hasValue("not configured (TIPSA_AGENCY_CODE, TIPSA_CLIENT_CODE not set)");
    }

    @Test
    void aCarrierWhoseSecretEntryIsMissingOrEmptySaysWhichField() {
        assertThat(availability(TIPSA_SETTINGS, "{}").whyUnavailable("tipsa"))
                .hasValue("the carriers' secret has no tipsa.password");
        assertThat(availability(TIPSA_SETTINGS, "{\"tipsa\": {\"password\": \"\"}}").whyUnavailable("tipsa"))
                .hasValue("the carriers' secret has no tipsa.password");
    }

    @Test
    void aCarrierThisBuildHasNoModuleForIsNamedAsSuch() {
        assertThat(availability(TIPSA_SETTINGS, "{}").whyUnavailable("purolator")).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("this Shipbridge has no purolator module").contains("tipsa"));
    }

    private static CarrierAvailability availability(Map<String, String> settings, String secret) {
        JsonNode parsed = Json.read(secret, JsonNode.class);
        return new CarrierAvailability(CarrierModules.installed(), Config.of(settings), () -> parsed);
    }
}
