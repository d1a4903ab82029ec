package io.shipbridge.mirakl;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One OR11 page: {@code {"orders": [...], "total_count": n}}. */
public record MiraklOrderPage(
        @JsonProperty("orders") List<MiraklOrder> orders,
        @JsonProperty("total_count") long totalCount) {

    public MiraklOrderPage {
        orders = orders == null ? List.of() : orders;
    }
}
