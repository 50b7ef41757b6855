package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.CorralApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A wrong entry in {@code corral.access.initial-assignments} stops Corral at start with a message
 * naming the entry, rather than starting with nobody able to administer it.
 */
class InitialAssignmentsIT {

    @Test
    void anUnknownRoleStopsTheStartNamingTheEntry() {
        assertThatThrownBy(() -> start("corral.access.initial-assignments[0].principal-type=GROUP",
                "corral.access.initial-assignments[0].principal-name=corral-admins",
                "corral.access.initial-assignments[0].role=Administrator",
                "corral.access.initial-assignments[1].principal-type=USER",
                "corral.access.initial-assignments[1].principal-name=erin",
                "corral.access.initial-assignments[1].role=Overlord"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("corral.access.initial-assignments[1] (USER erin, role Overlord, scope global): "
                        + "there is no role named Overlord");
    }

    @Test
    void aScopeThatIsNeitherGlobalNorAHostGroupStopsTheStart() {
        assertThatThrownBy(() -> start("corral.access.initial-assignments[0].principal-type=GROUP",
                "corral.access.initial-assignments[0].principal-name=ops",
                "corral.access.initial-assignments[0].role=VM Operator",
                "corral.access.initial-assignments[0].scope=rack-7"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("corral.access.initial-assignments[0] (GROUP ops, role VM Operator, scope rack-7): "
                        + "scope must be \"global\" or \"host-group:<name of a top-level host group>\", not \"rack-7\"");
    }

    @Test
    void aHostGroupThatDoesNotExistStopsTheStart() {
        assertThatThrownBy(() -> start("corral.access.initial-assignments[0].principal-type=GROUP",
                "corral.access.initial-assignments[0].principal-name=ops",
                "corral.access.initial-assignments[0].role=VM Operator",
                "corral.access.initial-assignments[0].scope=host-group:Atlantis"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("corral.access.initial-assignments[0] (GROUP ops, role VM Operator, scope host-group:Atlantis): "
                        + "there is no top-level host group named Atlantis");
    }

    private static void start(String... properties) {
        new SpringApplicationBuilder(CorralApplication.class)
                .profiles("test")
                .properties("server.port=0")
                .properties(properties)
                .run()
                .close();
    }
}
