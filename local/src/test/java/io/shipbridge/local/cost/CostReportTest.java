package io.shipbridge.local.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CostReportTest {

    @Test
    void pricesEveryUnitFromTheDatedTable() {
        PriceTable prices = PriceTable.standard();

        assertThat(prices.recorded()).matches("\\d{4}-\\d{2}-\\d{2}");
        for (BillableUnit unit : BillableUnit.values()) {
            assertThat(prices.of(unit).source()).as(unit.name()).startsWith("https://aws.amazon.com/");
        }
    }

    @Test
    void turnsUnitsPerOrderIntoDollarsPerThousandOrders() {
        Map<BillableUnit, Double> used = new EnumMap<>(BillableUnit.class);
        used.put(BillableUnit.STATE_TRANSITIONS, 1000.0);
        used.put(BillableUnit.DYNAMODB_WRITE_UNITS, 8000.0);
        used.put(BillableUnit.S3_BYTES_PUT, 100.0 * 1024 * 1024 * 1024);
        CostReport report = CostReport.of(new Usage(used), 200, PriceTable.standard());

        // 5 transitions an order: 5,000 per 1,000 orders at $0.025 per 1,000 = $0.125.
        assertThat(report.usdPer1000Orders(BillableUnit.STATE_TRANSITIONS)).isCloseTo(0.125, Offset.offset(1e-12));
        // 40 write units an order: 40,000 per 1,000 orders at $0.625 per million = $0.025.
        assertThat(report.usdPer1000Orders(BillableUnit.DYNAMODB_WRITE_UNITS)).isCloseTo(0.025, Offset.offset(1e-12));
        // Storage is a monthly price: shown, not in the per-order total.
        assertThat(report.usdPer1000Orders()).isCloseTo(0.150, Offset.offset(1e-12));
        assertThat(report.toJson().path("stateTransitionsPerOrder").asDouble()).isEqualTo(5.0);
    }
}
