package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.handover.DayClosing;
import io.shipbridge.handover.ManifestDispatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * At the seller's daily cut-off, hands the day's shipments over to every carrier that takes them together (Canada
 * Post's transmit, a file carrier's manifest, e-mailed or uploaded where set up); every hour in between, flags
 * shipments a close missed and follows the sending of documents up.
 */
public final class CloseDayHandler extends TaskHandler<CloseDayHandler.Trigger, CloseDayHandler.Result> {
    private final DayClosing closing;

    /**
     * {@code {"trigger": "cutoff"}} closes the day of the cut-off that last passed ({@code "day"} another);
     * {@code {"trigger": "check"}} only looks for shipments a close missed.
     */
    public record Trigger(String trigger, LocalDate day) {
    }

    public record Result(List<DayClosing.Closed> closed, List<DayClosing.Overdue> overdue,
            List<ManifestDispatch.Outcome> followedUp) {
    }

    public CloseDayHandler() {
        this(Components.fromEnvironment());
    }

    public CloseDayHandler(Components components) {
        super(Trigger.class, components);
        this.closing = components.dayClosing();
    }

    @Override
    Result handle(Trigger request, Context context) {
        List<DayClosing.Closed> closed = List.of();
        if (!"check".equals(request.trigger())) {
            closed = closing.close(request.day() != null ? request.day() : closing.lastCutoffDay());
            closed.forEach(close -> metrics.shipmentsHandedOver(close.outcome().equals("closed") ? close.shipments()
                    : 0));
        }
        List<DayClosing.Overdue> overdue = closing.overdue();
        metrics.shipmentsNotHandedOver(overdue.stream().mapToInt(late -> late.shipments().size()).sum());
        // A close sends the day's documents; the hourly check tries failed sendings again.
        List<ManifestDispatch.Outcome> sendings = new ArrayList<>();
        closed.forEach(close -> sendings.addAll(close.sent()));
        if ("check".equals(request.trigger())) {
            sendings.addAll(closing.followUpSendings());
        }
        metrics.manifestsSent(count(sendings, "sent"));
        metrics.manifestsNotDelivered(count(sendings, "given up"));
        return new Result(closed, overdue, sendings);
    }

    private static int count(List<ManifestDispatch.Outcome> sendings, String change) {
        return (int) sendings.stream().filter(sending -> sending.change().equals(change)).count();
    }
}
