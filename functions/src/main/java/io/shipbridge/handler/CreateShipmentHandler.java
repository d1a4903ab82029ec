package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.fulfilment.ShipmentCreation;
import io.shipbridge.order.Shipment;

/** State machine task: creates the shipment and its label at the chosen carrier, label to S3. */
public final class CreateShipmentHandler extends TaskHandler<OrderTask, Shipment> {
    private final ShipmentCreation creation;

    public CreateShipmentHandler() {
        this(Components.fromEnvironment());
    }

    public CreateShipmentHandler(Components components) {
        super(OrderTask.class, components);
        this.creation = components.shipmentCreation();
    }

    @Override
    Shipment handle(OrderTask task, Context context) {
        ShipmentCreation.Created created = creation.create(task.orderId());
        if (created.processing() != null) {
            metrics.shipmentCreated(created.processing());
        }
        return created.shipment();
    }
}
