package io.shipbridge.handover;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding;

/**
 * E-mails the documents as attachments through Amazon SES, from the seller's verified address. SES accepting the
 * message is as far as Shipbridge can see: a bounce comes back to the sender's mailbox.
 */
final class EmailChannel implements ManifestChannel {
    private final SesV2Client ses;
    private final String from;
    private final List<String> to;

    EmailChannel(SesV2Client ses, String from, List<String> to) {
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
        List<Attachment> attachments = documents.stream().map(stored -> Attachment.builder()
                .fileName(stored.document().name()).contentType(stored.document().contentType())
                .contentDisposition(AttachmentContentDisposition.ATTACHMENT)
                .contentTransferEncoding(AttachmentContentTransferEncoding.BASE64)
                .rawContent(SdkBytes.fromByteArray(stored.document().content())).build()).toList();
        return ses.sendEmail(e -> e.fromEmailAddress(from).destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Manifest " + day + " (" + names + ")"))
                        .body(b -> b.text(t -> t.data("The parcels handed over to " + carrier + " for " + day
                                + " are listed in the attached documents: " + names + ".")))
                        .attachments(attachments)))).messageId();
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
