package io.shipbridge.carrier.ontime;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.DailyHandover.Recipients;
import io.shipbridge.config.Config;
import java.util.Arrays;

/**
 * An OnTime account, as OnTime sets it up for a seller that exchanges files: the seller's customer code on OnTime's
 * side and the range of shipment numbers OnTime assigned (Shipbridge gives them out, each once).
 *
 * @param numbers    the assigned range, {@code FIRST-LAST}, e.g. {@code OT0010000000-OT0019999999}
 * @param recipients where the daily manifest goes besides the bucket: OnTime's depot by e-mail, its SFTP server
 */
record OnTimeSettings(String customerCode, String numbers, Address shipFrom, CarrierProfile profile,
        Recipients recipients) {

    static CarrierProfile profile(Config config) {
        return new CarrierProfile(OnTimeModule.ID, "OnTime", config.get("ONTIME_TRACKING_URL",
                "https://ontimegts.alertran.net/gts/pub/clielocserv.seam?referencia={tracking}"));
    }

    static OnTimeSettings from(CarrierContext context) {
        Config config = context.config();
        Address shipFrom = Address.shipFrom(config);
        return new OnTimeSettings(config.required("ONTIME_CUSTOMER_CODE"), config.required("ONTIME_SHIPMENT_NUMBERS"),
                shipFrom, profile(config), recipients(config));
    }

    private static Recipients recipients(Config config) {
        return new Recipients(Arrays.stream(config.get("ONTIME_MANIFEST_EMAIL", "").split(","))
                .map(String::strip).filter(address -> !address.isEmpty()).toList(),
                config.get("ONTIME_MANIFEST_SFTP_CONNECTOR_ID", ""),
                config.get("ONTIME_MANIFEST_SFTP_DIRECTORY", "/"));
    }
}
