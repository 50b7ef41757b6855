package dev.corral.engine;

/** The libvirt part of {@link EngineBenchmark}; filled in with the libvirt engine. */
final class LibvirtBenchmarks {

    private LibvirtBenchmarks() {
    }

    static void run(EngineBenchmark benchmark) {
        benchmark.line("## libvirt: not measured yet");
    }
}
