package dev.corral.engine;

import dev.corral.engine.libvirt.LibvirtEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The libvirt part of {@link EngineBenchmark}: 100 hosts of libvirt's test driver, each a node
 * file with 100 domains; and, with {@code -Dbenchmark.qemu=true}, 10,000 domains defined on the
 * machine's real libvirtd (one host: there is one daemon here).
 */
final class LibvirtBenchmarks {

    private LibvirtBenchmarks() {
    }

    static void run(EngineBenchmark benchmark) throws IOException {
        LibvirtEngine engine = new LibvirtEngine("qemu", "/var/lib/libvirt/images", System.getProperty("java.io.tmpdir"));
        testDriver(benchmark, engine);
        if (Boolean.getBoolean("benchmark.qemu")) {
            realQemu(benchmark, engine);
        } else {
            benchmark.line("Real QEMU not measured (run with -Dbenchmark.qemu=true where libvirtd runs).");
        }
    }

    private static void testDriver(EngineBenchmark benchmark, LibvirtEngine engine) throws IOException {
        Path dir = Files.createTempDirectory(EngineBenchmark.OUT, "libvirt-nodes");
        List<URI> uris = new ArrayList<>();
        for (int h = 0; h < EngineBenchmark.HOSTS; h++) {
            Path node = dir.resolve("host-" + h + ".xml");
            Files.writeString(node, nodeXml(h));
            uris.add(URI.create("test://" + node.toAbsolutePath()));
        }
        long start = System.nanoTime();
        List<HostConnection> hosts = uris.stream().map(engine::connect).toList();
        double connectSeconds = (System.nanoTime() - start) / 1e9;
        benchmark.listing("libvirt test driver (connecting to 100 node files)", hosts, connectSeconds);
        hosts.forEach(HostConnection::close);
    }

    private static void realQemu(EngineBenchmark benchmark, LibvirtEngine engine) {
        HostConnection host = engine.connect(URI.create("qemu:///system"));
        int count = EngineBenchmark.HOSTS * EngineBenchmark.VMS_PER_HOST;
        List<UUID> defined = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                defined.add(host.define(EngineBenchmark.spec("bench-" + i)).id());
            }
            double defineSeconds = (System.nanoTime() - start) / 1e9;
            benchmark.listing("real QEMU through libvirtd (one host, " + count + " defined domains)", List.of(host),
                    defineSeconds);
        } finally {
            defined.forEach(host::delete);
            host.close();
        }
    }

    /** A test-driver host with 100 small domains, half of them running. */
    private static String nodeXml(int host) {
        StringBuilder xml = new StringBuilder("<node><cpu><mhz>2400</mhz><model>x86_64</model><active>32</active>"
                + "<nodes>1</nodes><sockets>2</sockets><cores>8</cores><threads>2</threads></cpu>"
                + "<memory>1073741824</memory>");
        for (int v = 0; v < EngineBenchmark.VMS_PER_HOST; v++) {
            String uuid = UUID.nameUUIDFromBytes(("bench/" + host + "/" + v).getBytes()).toString();
            xml.append("<domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'><name>vm-")
                    .append(host).append('-').append(v).append("</name><uuid>").append(uuid)
                    .append("</uuid><memory unit='MiB'>64</memory><vcpu>1</vcpu>")
                    .append("<os><type arch='x86_64'>hvm</type></os>")
                    .append(v % 2 == 0 ? "" : "<test:runstate>5</test:runstate>").append("</domain>");
        }
        return xml.append("</node>").toString();
    }
}
