package io.shipbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostalCodesTest {

    @Test
    void aCanadianPostalCodeIsWrittenUpperCaseWithOneSpaceWhateverTheCustomerTyped() {
        assertThat(PostalCodes.normalize("CA", "m5v3l9")).isEqualTo("M5V 3L9");
        assertThat(PostalCodes.normalize("CA", " h2y-1h2 ")).isEqualTo("H2Y 1H2");
        assertThat(PostalCodes.normalize("CA", "K1A 0B1")).isEqualTo("K1A 0B1");
    }

    @Test
    void aCodeThatIsNotCanadianIsLeftAsItCameForTheCarrierToRefuseWithTheReason() {
        assertThat(PostalCodes.normalize("CA", "D1A 1A1")).isEqualTo("D1A 1A1");
        assertThat(PostalCodes.normalize("CA", "12345")).isEqualTo("12345");
        assertThat(PostalCodes.isValid("CA", "D1A 1A1")).as("D never used").isFalse();
        assertThat(PostalCodes.isValid("CA", "W1A 1A1")).as("W never first").isFalse();
        assertThat(PostalCodes.isValid("CA", "K1A 0U1")).as("U never used").isFalse();
        assertThat(PostalCodes.isValid("CA", "k1a0b1")).isTrue();
    }

    @Test
    void otherCountriesCodesAreOnlyTrimmed() {
        assertThat(PostalCodes.normalize("ES", " 28014 ")).isEqualTo("28014");
        assertThat(PostalCodes.normalize("PT", "1100-148")).isEqualTo("1100-148");
        assertThat(PostalCodes.normalize(null, null)).isNull();
    }
}
