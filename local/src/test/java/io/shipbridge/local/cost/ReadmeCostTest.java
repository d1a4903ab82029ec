package io.shipbridge.local.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.standins.CloudFormationTemplate;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's cost table is the table of the demo run it cites, and that run is within the ceiling per order. */
class ReadmeCostTest {
    /**
     * A ratchet: lowered as the cost comes down, never raised; the goal is $0.25 per 1,000 orders. Raised once, from
     * 0.25 to 0.29, when the demo's clock became discrete (issue 14): the earlier runs under-counted the schedules'
     * runs a slow machine let slip (tracking polls above all), so $0.23 was never what the design costs. Lowered to
     * 0.28 when the tracking poller stopped writing the shipments whose polls found nothing new.
     */
    private static final double CEILING_PER_1000_ORDERS = 0.28;

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

    @Test
    void aRunMatchesWhenOnlyUnitsUnderTwoPercentOfTheTotalMovedWithTheSimulatedSpan() {
        CostReport shown = report(Map.of(BillableUnit.STATE_TRANSITIONS, 4.0, BillableUnit.DYNAMODB_WRITE_UNITS, 134.0,
                BillableUnit.SCHEDULER_INVOCATIONS, 0.75, BillableUnit.S3_BYTES_PUT, 1202.0));
        // Scheduler 2.6 an order: $0.0026 per 1,000 orders against a $0.1845 total, 1.4 %; storage is not in it.
        CostReport slowerMachine = report(Map.of(BillableUnit.STATE_TRANSITIONS, 4.0,
                BillableUnit.DYNAMODB_WRITE_UNITS, 134.0, BillableUnit.SCHEDULER_INVOCATIONS, 2.6,
                BillableUnit.S3_BYTES_PUT, 3337.0));

        assertThat(ReadmeCost.differences(slowerMachine, shown)).isEmpty();
    }

    @Test
    void aRunDiffersWhenAUnitThatMattersMovesBeyondItsTolerance() {
        CostReport shown = report(Map.of(BillableUnit.STATE_TRANSITIONS, 4.0, BillableUnit.DYNAMODB_WRITE_UNITS, 134.0));
        // A fifth state an order: +25 % transitions (5 % allowed), +14 % on the total (15 % allowed).
        CostReport oneMoreState = report(Map.of(BillableUnit.STATE_TRANSITIONS, 5.0,
                BillableUnit.DYNAMODB_WRITE_UNITS, 134.0));

        assertThat(ReadmeCost.differences(oneMoreState, shown)).singleElement().asString()
                .startsWith("STATE_TRANSITIONS: 5.000 per order");
    }

    @Test
    void sqsRequestsMayMoveByHalfWithTheQueuesBatchesButNoMore() {
        Map<BillableUnit, Double> readme = Map.of(BillableUnit.STATE_TRANSITIONS, 4.0,
                BillableUnit.DYNAMODB_WRITE_UNITS, 134.0, BillableUnit.SQS_REQUESTS, 8.275);
        CostReport shown = report(readme);
        // Smaller batches on a busier machine (a CI run): 11.66 an order, $0.0047 per 1,000 orders, 2.5 % of it.
        CostReport smallerBatches = report(Map.of(BillableUnit.STATE_TRANSITIONS, 4.0,
                BillableUnit.DYNAMODB_WRITE_UNITS, 134.0, BillableUnit.SQS_REQUESTS, 11.66));
        CostReport aQueueCallMore = report(Map.of(BillableUnit.STATE_TRANSITIONS, 4.0,
                BillableUnit.DYNAMODB_WRITE_UNITS, 134.0, BillableUnit.SQS_REQUESTS, 13.0));

        assertThat(ReadmeCost.differences(smallerBatches, shown)).isEmpty();
        assertThat(ReadmeCost.differences(aQueueCallMore, shown)).singleElement().asString()
                .startsWith("SQS_REQUESTS: 13.000 per order");
    }

    private static CostReport report(Map<BillableUnit, Double> perOrder) {
        Map<BillableUnit, Double> used = new EnumMap<>(BillableUnit.class);
        perOrder.forEach((unit, amount) -> used.put(unit, amount * 200));
        return CostReport.of(new Usage(used), 200, PriceTable.standard());
    }
}
