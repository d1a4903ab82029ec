package io.shipbridge.handover;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.aws.SignedJsonApi;
import io.shipbridge.config.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * E-mails the documents as attachments through Amazon SES, from the seller's verified address. SES accepting the
 * message is as far as Shipbridge can see: a bounce comes back to the sender's mailbox. SES API v2's
 * {@code SendEmail}, simple content with attachments, in the JSON the SDK's {@code SesV2Client} sends.
 */
final class EmailChannel implements ManifestChannel {
    private final SignedJsonApi ses;
    private final String from;
    private final List<String> to;

    EmailChannel(SignedJsonApi ses, String from, List<String> to) {
        this.ses = ses;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String send(String carrier, LocalDate day, List<StoredDocument> documents) {
        if (from == null || from.isBlank()) {
            throw new IllegalStateException("no sender address: set MANIFEST_EMAIL_FROM to an address verified in SES");
        }
        String names = documents.stream().map(stored -> stored.document().name()).collect(Collectors.joining(", "));
        ObjectNode request = Json.MAPPER.createObjectNode().put("FromEmailAddress", from);
        to.forEach(request.putObject("Destination").putArray("ToAddresses")::add);
        ObjectNode simple = request.putObject("Content").putObject("Simple");
        simple.putObject("Subject").put("Data", "Manifest " + day + " (" + names + ")");
        simple.putObject("Body").putObject("Text").put("Data", "The parcels handed over to " + carrier + " for "
                + day + " are listed in the attached documents: " + names + ".");
        ArrayNode attachments = simple.putArray("Attachments");
        for (StoredDocument stored : documents) {
            ObjectNode attachment = attachments.addObject().put("FileName", stored.document().name())
                    .put("ContentDisposition", "ATTACHMENT").put("ContentTransferEncoding", "BASE64")
                    .put("RawContent", stored.document().content());
            if (stored.document().contentType() != null) {
                attachment.put("ContentType", stored.document().contentType());
            }
        }
        return ses.call("SendEmail", "/v2/email/outbound-emails", request).path("MessageId").asText();
    }

    @Override
    public Progress progress(String reference) {
        return Progress.DELIVERED;
    }

    @Override
    public boolean deliveredOnceAccepted() {
        return true;
    }
}
