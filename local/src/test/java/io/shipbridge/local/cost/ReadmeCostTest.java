package io.shipbridge.local.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.standins.CloudFormationTemplate;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The README's cost table is the table of the demo run it cites, and that run is within the ceiling per order. */
class ReadmeCostTest {
    /** A ratchet: lowered as the cost comes down, never raised; the goal is $0.25 per 1,000 orders. */
    private static final double CEILING_PER_1000_ORDERS = 0.25;

    private final ReadmeCost readme = new ReadmeCost(CloudFormationTemplate.locate().getParent());

    @Test
    void theReadmesTableIsTheRecordedRunsTable() throws IOException {
        assertThat(readme.readmeTable()).isEqualTo(readme.recorded().markdownTable());
    }

    @Test
    void theRecordedRunCostsAtMostTheCeilingPerThousandOrders() throws IOException {
        CostReport recorded = readme.recorded();

        assertThat(recorded.orders()).isGreaterThanOrEqualTo(200);
        assertThat(recorded.usdPer1000Orders()).isLessThanOrEqualTo(CEILING_PER_1000_ORDERS);
    }
}
