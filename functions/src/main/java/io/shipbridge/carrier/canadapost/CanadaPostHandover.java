package io.shipbridge.carrier.canadapost;

import io.shipbridge.carrier.CarrierHttp;
import io.shipbridge.carrier.DailyHandover;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.canadapost.CanadaPostClient.Call;
import io.shipbridge.carrier.canadapost.CanadaPostResponses.Link;
import io.shipbridge.carrier.canadapost.CanadaPostResponses.Manifest;
import io.shipbridge.carrier.canadapost.CanadaPostResponses.Message;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Canada Post's end of day: each waiting day's group is transmitted (one call per group, so a group Canada Post no
 * longer has does not hold the others back), every manifest the transmit made is read and its printable document
 * fetched. A transmit whose answer was lost is not repeated: Canada Post then says there is nothing left to
 * transmit in the group (9122), and the manifests made since that day are read instead.
 */
final class CanadaPostHandover implements DailyHandover {
    /** "Group id was not found for transmission": a group emptied by voids, which Canada Post deletes. */
    static final String GROUP_NOT_FOUND = "9118";

    private final CanadaPostSettings settings;
    private final CanadaPostClient client;
    private final BiFunction<Link, String, Label> artifacts;

    CanadaPostHandover(CanadaPostSettings settings, CanadaPostClient client, BiFunction<Link, String, Label> artifacts) {
        this.settings = settings;
        this.client = client;
        this.artifacts = artifacts;
    }

    @Override
    public HandedOver handOver(LocalDate day, List<PendingShipment> shipments) {
        List<Link> manifests = new ArrayList<>();
        boolean lookUpEarlier = false;
        for (LocalDate group : new TreeSet<>(shipments.stream().map(PendingShipment::day).toList())) {
            CarrierHttp.Answer answer = client.send(new Call("transmit_shipments", null, "POST",
                    settings.contractRoot() + "/manifest", CanadaPostRequests.MANIFEST_MEDIA,
                    CanadaPostRequests.transmit(settings, List.of(group)), false));
            if (answer.isSuccess()) {
                manifests.addAll(CanadaPostResponses.manifestLinks(answer.body()));
                continue;
            }
            List<Message> messages = CanadaPostResponses.messages(answer.body());
            if (CanadaPostResponses.hasCode(messages, CanadaPostResponses.NOTHING_TO_TRANSMIT)) {
                lookUpEarlier = true;
            } else if (!CanadaPostResponses.hasCode(messages, GROUP_NOT_FOUND)) {
                throw CanadaPostResponses.failure("transmit_shipments", answer.status(), answer.body());
            }
        }
        if (lookUpEarlier && manifests.isEmpty()) {
            manifests.addAll(CanadaPostResponses.manifestLinks(ok(Call.get("get_manifests", null,
                    settings.contractRoot() + "/manifest?start=" + CanadaPostRequests.groupId(day),
                    CanadaPostRequests.MANIFEST_MEDIA)).body()));
        }
        List<String> numbers = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (Link link : manifests) {
            Manifest manifest = CanadaPostResponses.manifest(ok(Call.get("get_manifest", null,
                    link.href().toString(), CanadaPostRequests.MANIFEST_MEDIA)).body());
            Label document = artifacts.apply(manifest.artifact(), null);
            numbers.add(manifest.poNumber());
            documents.add(new Document("manifest-" + manifest.poNumber() + "." + document.format().extension(),
                    document.format().contentType(), document.content()));
        }
        return new HandedOver(numbers, documents);
    }

    private CarrierHttp.Answer ok(Call call) {
        CarrierHttp.Answer answer = client.send(call);
        if (!answer.isSuccess()) {
            throw CanadaPostResponses.failure(call.action(), answer.status(), answer.body());
        }
        return answer;
    }
}
