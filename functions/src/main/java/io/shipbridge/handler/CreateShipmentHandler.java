package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.CarrierAssignment;
import io.shipbridge.fulfilment.ShipmentCreation;
import io.shipbridge.fulfilment.WaitRegistration;
import io.shipbridge.workflow.WaitKind;

/**
 * State machine task ({@code .waitForTaskToken}): weighs the order and picks its carrier from the rules (kept once a
 * shipment was asked of it), creates the shipment and its label at that carrier, label to S3, then stores the token
 * of the wait for the carrier's first scan, which TrackingConsumer sends back (or this function, when the scan was
 * reported first).
 */
public final class CreateShipmentHandler extends TaskHandler<CallbackTask, StepResult> {
    private final CarrierAssignment assignment;
    private final ShipmentCreation creation;
    private final WaitRegistration registration;

    public CreateShipmentHandler() {
        this(Components.fromEnvironment());
    }

    public CreateShipmentHandler(Components components) {
        super(CallbackTask.class, components);
        this.assignment = components.carrierAssignment();
        this.creation = components.shipmentCreation();
        this.registration = components.waitRegistration();
    }

    @Override
    StepResult handle(CallbackTask task, Context context) {
        assignment.assign(task.orderId());
        ShipmentCreation.Created created = creation.create(task.orderId());
        if (created.processing() != null) {
            metrics.shipmentCreated(created.processing());
        }
        return StepResult.of(registration.register(task.orderId(), WaitKind.FIRST_SCAN, task.taskToken()));
    }
}
