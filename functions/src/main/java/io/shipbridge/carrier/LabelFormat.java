package io.shipbridge.carrier;

/** Label formats, as raw bytes: a PDF document or ZPL printer commands. */
public enum LabelFormat {
    PDF("pdf", "application/pdf"),
    ZPL("zpl", "application/x-zpl");

    private final String extension;
    private final String contentType;

    LabelFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
