package io.shipbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStateTest {
    /** The lifecycle of DESIGN.md, written out by hand: every allowed move, nothing else. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("PENDING_ACCEPTANCE", "ACCEPTED ACCEPTANCE_FAILED CANCELLED"),
            Map.entry("ACCEPTED", "PENDING_POST ACCEPTANCE_FAILED CANCELLED"),
            Map.entry("ACCEPTANCE_FAILED", "PENDING_ACCEPTANCE ACCEPTED CANCELLED"),
            Map.entry("PENDING_POST", "POSTED FAILED_POST CANCELLED"),
            Map.entry("POSTED", "AWAITING_TRACKING FAILED_POST FAILED_TRACKING CANCELLED"),
            Map.entry("FAILED_POST", "PENDING_POST POSTED CANCELLED"),
            Map.entry("AWAITING_TRACKING", "TRACKED FAILED_TRACKING CANCELLED"),
            Map.entry("FAILED_TRACKING", "AWAITING_TRACKING POSTED CANCELLED"),
            Map.entry("TRACKED", "MIRAKL_OK FAILED_PUSH CANCELLED"),
            Map.entry("FAILED_PUSH", "TRACKED CANCELLED"),
            Map.entry("MIRAKL_OK", "COMPLETE"),
            Map.entry("COMPLETE", ""),
            Map.entry("CANCELLED", ""),
            Map.entry("NOT_TAKEN_IN", "PENDING_ACCEPTANCE CANCELLED"));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(OrderState.values()).flatMap(from -> Arrays.stream(OrderState.values())
                .map(to -> Arguments.of(from, to, allowed(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void allowsExactlyTheLifecyclesMoves(OrderState from, OrderState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @MethodSource("states")
    void listsItsNextStates(OrderState state) {
        assertThat(state.nextStates()).isEqualTo(allowed(state));
    }

    @ParameterizedTest
    @MethodSource("states")
    void cancellationIsPossibleUntilMiraklKnowsTheOrderShipped(OrderState state) {
        boolean beforeMiraklOk = !Set.of(OrderState.MIRAKL_OK, OrderState.COMPLETE, OrderState.CANCELLED)
                .contains(state);
        assertThat(state.canMoveTo(OrderState.CANCELLED)).isEqualTo(beforeMiraklOk);
    }

    static Stream<OrderState> states() {
        return Arrays.stream(OrderState.values());
    }

    private static Set<OrderState> allowed(OrderState from) {
        String targets = ALLOWED.get(from.name());
        return targets.isBlank() ? EnumSet.noneOf(OrderState.class)
                : Arrays.stream(targets.split(" ")).map(OrderState::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderState.class)));
    }
}
