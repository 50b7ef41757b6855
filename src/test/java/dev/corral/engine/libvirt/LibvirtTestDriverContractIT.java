package dev.corral.engine.libvirt;

import dev.corral.engine.EngineContract;
import dev.corral.engine.HostConnection;
import java.util.List;

/** The shared engine contract against libvirt's test driver (fresh host state per connection). */
class LibvirtTestDriverContractIT extends EngineContract {

    /** The contract's specs keep their images under /var/lib/corral-test. */
    private final LibvirtEngine engine = new LibvirtEngine(new LibvirtSettings("auto",
            List.of("/var/lib/libvirt/images", "/var/lib/corral-test"), null, System.getProperty("java.io.tmpdir")));

    @Override
    protected HostConnection connectHostA() {
        return engine.connect(LibvirtTestDriverIT.nodeUri("host-a.xml"));
    }

    @Override
    protected HostConnection connectHostB() {
        return engine.connect(LibvirtTestDriverIT.nodeUri("host-b.xml"));
    }

    /** host-a.xml has 16 GiB, 1 GiB of it held by its running VM. */
    @Override
    protected long memoryThatFitsOnlyOnce() {
        return 9 * 1024;
    }
}
