package io.shipbridge.selection;

import java.util.List;

/**
 * The outcome of the rules for one order.
 *
 * @param trace one line per rule looked at, in order: why it was passed over, or that it matched
 */
public record CarrierSelection(String carrier, String rule, List<String> trace) {
}
