package io.shipbridge.carrier;

/** A shipping label, decoded to the bytes a printer takes. */
public record Label(LabelFormat format, byte[] content) {
}
