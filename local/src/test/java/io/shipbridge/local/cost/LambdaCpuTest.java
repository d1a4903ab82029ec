package io.shipbridge.local.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LambdaCpuTest {
    private static final LambdaCpu CPU = LambdaCpu.standard();

    @Test
    void lessMemoryThanOneVcpuStretchesTheCpuTimeInProportion() {
        // 10 ms of a whole core at 512 MB: 10 x 1769 / 512 = 34.55 ms, billed as 35.
        assertThat(CPU.billedMillis(10_000_000, 512)).isEqualTo(35);
        // At 1024 MB: 17.28 ms, billed as 18.
        assertThat(CPU.billedMillis(10_000_000, 1024)).isEqualTo(18);
    }

    @Test
    void oneVcpuOrMoreBillsTheCpuTimeAsMeasured() {
        assertThat(CPU.billedMillis(10_000_000, 1769)).isEqualTo(10);
        assertThat(CPU.billedMillis(10_000_000, 3008)).isEqualTo(10);
    }

    @Test
    void anInvocationIsBilledAtLeastOneMillisecond() {
        assertThat(CPU.billedMillis(1, 1769)).isEqualTo(1);
        assertThat(CPU.billedMillis(0, 128)).isEqualTo(1);
    }
}
