package io.shipbridge.handover;

import io.shipbridge.aws.SignedJsonApi;
import io.shipbridge.carrier.DailyHandover.Recipients;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The channels a carrier's recipients call for: e-mail when it has addresses, SFTP when it has a connector. The
 * clients are made only for a carrier that uses them.
 *
 * @param emailFrom the seller's address verified in SES, the sender of every e-mail
 * @param bucket    where the documents are, for the connector to read
 */
public record ManifestChannels(Supplier<SignedJsonApi> ses, String emailFrom, Supplier<SignedJsonApi> transfer,
        String bucket) implements Function<Recipients, List<ManifestChannel>> {

    @Override
    public List<ManifestChannel> apply(Recipients recipients) {
        List<ManifestChannel> channels = new ArrayList<>();
        if (!recipients.emails().isEmpty()) {
            channels.add(new EmailChannel(ses.get(), emailFrom, recipients.emails()));
        }
        if (!recipients.sftpConnector().isBlank()) {
            channels.add(new SftpChannel(transfer.get(), recipients.sftpConnector(), recipients.sftpDirectory(),
                    bucket));
        }
        return channels;
    }
}
