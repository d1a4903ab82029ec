package io.shipbridge.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.config.Config;
import io.shipbridge.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every carrier is a module: found by its own registration, and nothing outside its package names it. */
class CarrierModulesTest {

    @Test
    void everyCarrierPackageRegistersExactlyOneModule() throws IOException {
        List<String> packages;
        try (Stream<Path> dirs = Files.list(Fixtures.repositoryFile("functions/src/main/java/io/shipbridge/carrier"))) {
            packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }

        assertThat(packages).isNotEmpty();
        assertThat(CarrierModules.installed().ids()).containsExactlyElementsOf(packages);
        for (CarrierModule module : CarrierModules.installed().all()) {
            assertThat(module.getClass().getPackageName()).isEqualTo("io.shipbridge.carrier." + module.id());
            assertThat(module.statusCodes().all()).as(module.id() + " status codes").isNotEmpty();
            assertThat(module.profile(Config.of(Map.of())).displayName()).isNotBlank();
        }
    }

    @Test
    void carriersFailOnlyWithTheSharedExceptionTypesSoTheStateMachineNeverNamesACarrier() throws IOException {
        Pattern ownException = Pattern.compile("class \\w+ extends (\\w*Exception)");
        try (Stream<Path> sources = Files.walk(Fixtures.repositoryFile("functions/src/main/java/io/shipbridge/carrier"))) {
            for (Path source : sources.filter(p -> p.getParent().getFileName().toString().matches("[a-z0-9]+")
                    && !p.getParent().getFileName().toString().equals("carrier") && p.toString().endsWith(".java"))
                    .toList()) {
                Matcher matcher = ownException.matcher(Files.readString(source));
                assertThat(matcher.find()).as(source + " declares its own exception").isFalse();
            }
        }
        String definition = Fixtures.repositoryText("statemachine/order-fulfillment.asl.json");
        for (String id : CarrierModules.installed().ids()) {
            assertThat(definition).as("the state machine").doesNotContain("io.shipbridge.carrier." + id + ".");
        }
    }

    @Test
    void idsAreLowerCaseAndUnique() {
        CarrierModule tipsa = CarrierModules.installed().find("tipsa").orElseThrow();

        assertThatThrownBy(() -> new CarrierModules(List.of(tipsa, tipsa))).hasMessageContaining("Two carrier modules");
        assertThat(CarrierModules.installed().ids()).allMatch(id -> id.matches("[a-z][a-z0-9]*"));
    }
}
