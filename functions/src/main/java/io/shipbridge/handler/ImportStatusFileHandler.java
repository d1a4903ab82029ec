package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import io.shipbridge.app.Components;
import io.shipbridge.tracking.StatusFileImport;

/**
 * EventBridge's "Object Created" event for a status file a carrier without an API dropped under
 * {@code tracking-imports/<carrier>/}: its good rows go to the tracking queue, its bad rows to a report.
 */
public final class ImportStatusFileHandler extends TaskHandler<ImportCatalogHandler.ObjectCreated,
        StatusFileImport.Outcome> {
    private final StatusFileImport statusFiles;

    public ImportStatusFileHandler() {
        this(Components.fromEnvironment());
    }

    public ImportStatusFileHandler(Components components) {
        super(ImportCatalogHandler.ObjectCreated.class, components);
        this.statusFiles = components.statusFileImport();
    }

    @Override
    StatusFileImport.Outcome handle(ImportCatalogHandler.ObjectCreated event, Context context) {
        if (event.detail() == null || event.detail().object() == null || event.detail().object().key() == null) {
            throw new IllegalArgumentException("Not an S3 Object Created event: no detail.object.key");
        }
        return statusFiles.importFile(event.detail().object().key());
    }
}
