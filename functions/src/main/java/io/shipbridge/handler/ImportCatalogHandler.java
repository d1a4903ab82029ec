package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.catalog.CatalogImport;

/**
 * EventBridge's "Object Created" event for a file the seller put under {@code catalog/} in the bucket: imports it
 * into the SKU catalog, every row or none, and leaves a report under {@code catalog-reports/}.
 */
public final class ImportCatalogHandler extends TaskHandler<ImportCatalogHandler.ObjectCreated, CatalogImport.Outcome> {
    private final CatalogImport catalogImport;

    /** The part of the event the import reads: {@code detail.object.key} (EventBridge gives it unencoded). */
    public record ObjectCreated(Detail detail) {
        /** The event's detail. */
        public record Detail(S3Object object) {
        }

        /** The object created. */
        public record S3Object(String key) {
        }
    }

    public ImportCatalogHandler() {
        this(Components.fromEnvironment());
    }

    public ImportCatalogHandler(Components components) {
        super(ObjectCreated.class, components);
        this.catalogImport = components.catalogImport();
    }

    @Override
    CatalogImport.Outcome handle(ObjectCreated event, Context context) {
        if (event.detail() == null || event.detail().object() == null || event.detail().object().key() == null) {
            throw new IllegalArgumentException("Not an S3 Object Created event: no detail.object.key");
        }
        return catalogImport.importFile(event.detail().object().key());
    }
}
