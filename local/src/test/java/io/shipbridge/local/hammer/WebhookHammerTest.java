package io.shipbridge.local.hammer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.standins.CloudFormationTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A short hammering of a fresh offline cloud: everything refused and counted, nothing else changed. */
class WebhookHammerTest {

    @Test
    void unsignedAndInvalidWebhooksAtThreeTimesTheThrottleChangeNothingButTheRefusalCounters() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (OfflineCloud cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate())
                .withTimeScale(1))) {
            Demo.uploadCatalogs(cloud, null, out);

            HammerReport report = WebhookHammer.run(cloud, new WebhookHammer.Settings(Duration.ofSeconds(4), 3, 7),
                    out);

            report.print(out);
            report.write(java.nio.file.Path.of("target/hammer-test.json"));
            assertThat(report.changes()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(report.passed()).isTrue();
            assertThat(report.before().tableItems()).as("the catalog is in the table").isPositive();
            assertThat(report.statuses()).containsKey(429).doesNotContainKeys(200, 202, 500, 502);
            assertThat(report.statuses().keySet()).allSatisfy(status -> assertThat(status).isBetween(400, 499));
            // Kinds are drawn at random and the throttle takes its share: several reasons, whichever they are.
            assertThat(report.rejectedByReason()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(report.functionErrors()).isZero();
        }
    }
}
