package dev.corral.engine.libvirt;

import dev.corral.engine.HostConnection;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VmSpec;
import dev.corral.support.Await;
import dev.corral.support.RfbTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * What the console tests and benchmark share: diskless TCG domains with a unique name prefix,
 * removed afterwards whatever happened, and a wait for a screen that is no longer blank (a
 * diskless guest's firmware prints its banner and "No bootable device").
 */
final class QemuScreens implements AutoCloseable {

    static final String PREFIX = "corral-screen-";

    private final List<String> names = new ArrayList<>();
    private UUID lastId;

    /** A domain with nothing to boot: SeaBIOS and iPXE draw text on its screen within seconds. */
    VmSpec diskless(String what) {
        String name = PREFIX + what + "-" + UUID.randomUUID().toString().substring(0, 8);
        names.add(name);
        return new VmSpec(name, 1, 64, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "none"), List.of(), List.of(),
                EnumSet.noneOf(IntegrationService.class));
    }

    UUID lastId() {
        return lastId;
    }

    String lastName() {
        return names.getLast();
    }

    UUID defineAndStart(HostConnection host, String what) {
        UUID id = host.define(diskless(what)).id();
        lastId = id;
        host.start(id);
        return id;
    }

    /** Asks for updates until some pixel is not black; returns how many pixels are lit. */
    static int awaitNonBlank(RfbTestClient client, Duration within) {
        try {
            client.requestUpdate(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.awaitUpdate(within);
        return Await.until("a screen that is not blank", within, () -> {
            int lit = litPixels(client);
            if (lit == 0) {
                try {
                    client.requestUpdate(false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return lit;
        }, lit -> lit > 0);
    }

    static int litPixels(RfbTestClient client) {
        int lit = 0;
        for (int y = 0; y < client.height(); y++) {
            for (int x = 0; x < client.width(); x++) {
                if (client.pixel(x, y) != 0) {
                    lit++;
                }
            }
        }
        return lit;
    }

    /** Destroys and undefines every domain made here, failing or not. */
    @Override
    public void close() throws Exception {
        for (String name : names) {
            LibvirtQemuContractIT.Virsh.run("destroy", name);
            LibvirtQemuContractIT.Virsh.run("undefine", name, "--nvram");
            if (LibvirtQemuContractIT.Virsh.run("dominfo", name).exit() == 0) {
                LibvirtQemuContractIT.Virsh.run("undefine", name);
            }
        }
        names.clear();
    }
}
