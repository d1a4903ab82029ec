package io.shipbridge.local.cost;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CPU a Lambda function gets: in proportion to its memory, one vCPU at {@code memoryMbPerVcpu}
 * ({@code prices.json}'s {@code lambdaCpu}, with its source). Below that, work that took a whole core here takes
 * proportionally longer there, and is billed for that long.
 */
public record LambdaCpu(double memoryMbPerVcpu) {

    public static LambdaCpu standard() {
        JsonNode cpu = PricesFile.content().path("lambdaCpu");
        if (!cpu.has("memoryMbPerVcpu")) {
            throw new IllegalStateException("prices.json has no lambdaCpu.memoryMbPerVcpu");
        }
        return new LambdaCpu(cpu.get("memoryMbPerVcpu").asDouble());
    }

    /** The billed milliseconds, rounded up as Lambda rounds, of work that took {@code cpuNanos} of a whole core. */
    public long billedMillis(long cpuNanos, int memoryMb) {
        double stretched = cpuNanos * Math.max(1.0, memoryMbPerVcpu / memoryMb);
        return Math.max(1, (long) Math.ceil(stretched / 1_000_000));
    }
}
