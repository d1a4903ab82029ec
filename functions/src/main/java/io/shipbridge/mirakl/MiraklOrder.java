package io.shipbridge.mirakl;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as OR11 returns it: only the fields Shipbridge uses; everything else, including fields Mirakl adds later,
 * is ignored. {@code orderState} stays text: Mirakl's state list is open.
 */
public record MiraklOrder(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("commercial_id") String commercialId,
        @JsonProperty("order_state") String orderState,
        @JsonProperty("order_state_reason_code") String orderStateReasonCode,
        @JsonProperty("created_date") Instant createdDate,
        @JsonProperty("last_updated_date") Instant lastUpdatedDate,
        @JsonProperty("shipping_type_code") String shippingTypeCode,
        @JsonProperty("currency_iso_code") String currencyIsoCode,
        @JsonProperty("total_price") BigDecimal totalPrice,
        @JsonProperty("order_lines") List<Line> orderLines,
        @JsonProperty("customer") Customer customer,
        @JsonProperty("order_additional_fields") List<AdditionalField> orderAdditionalFields) {

    public record Line(
            @JsonProperty("order_line_id") String orderLineId,
            @JsonProperty("order_line_state") String orderLineState,
            @JsonProperty("offer_sku") String offerSku,
            @JsonProperty("product_sku") String productSku,
            @JsonProperty("product_title") String productTitle,
            @JsonProperty("quantity") Integer quantity,
            @JsonProperty("price_unit") BigDecimal priceUnit) {
    }

    public record Customer(
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("firstname") String firstname,
            @JsonProperty("lastname") String lastname,
            @JsonProperty("shipping_address") Address shippingAddress) {

        /** Personal data stays out of logs. */
        @Override
        public String toString() {
            return "Customer[" + customerId + "]";
        }
    }

    public record Address(
            @JsonProperty("firstname") String firstname,
            @JsonProperty("lastname") String lastname,
            @JsonProperty("company") String company,
            @JsonProperty("street_1") String street1,
            @JsonProperty("street_2") String street2,
            @JsonProperty("zip_code") String zipCode,
            @JsonProperty("city") String city,
            @JsonProperty("state") String state,
            @JsonProperty("country") String country,
            @JsonProperty("country_iso_code") String countryIsoCode,
            @JsonProperty("phone") String phone,
            @JsonProperty("phone_secondary") String phoneSecondary,
            @JsonProperty("additional_info") String additionalInfo) {

        /** Personal data stays out of logs: the country is all an address shows. */
        @Override
        public String toString() {
            return "Address[" + countryIsoCode + "]";
        }
    }

    public record AdditionalField(
            @JsonProperty("code") String code,
            @JsonProperty("value") String value) {
    }
}
