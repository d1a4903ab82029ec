package io.shipbridge.mirakl;

/** Mirakl does not know the order or resource (404). Not retried. */
public class MiraklNotFoundException extends MiraklException {
    private static final long serialVersionUID = 1L;

    public MiraklNotFoundException(String message) {
        super(message, 404, null);
    }
}
