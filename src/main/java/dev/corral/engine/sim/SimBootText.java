package dev.corral.engine.sim;

import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec.GuestOs.Family;
import dev.corral.engine.VmState;
import java.util.List;
import java.util.Locale;

/**
 * What a simulated VM's screen says in each state, in the words its guest would use: a running
 * Linux guest ends its boot log at a login prompt, a Windows one asks for Ctrl+Alt+Del.
 */
final class SimBootText {

    private SimBootText() {
    }

    static String stateLabel(VmState state) {
        return switch (state) {
            case RUNNING -> "Running";
            case OFF -> "Powered off";
            case SAVED -> "Saved";
            case PAUSED -> "Paused";
            case STARTING -> "Starting";
            case SAVING -> "Saving";
            case STOPPING -> "Shutting down";
            case UNKNOWN -> "No signal";
        };
    }

    /** What precedes the echo line: a running Linux guest's login prompt, else a plain one. */
    static String prompt(VmInfo vm) {
        return vm.state() == VmState.RUNNING && family(vm) == Family.LINUX ? hostname(vm) + " login: " : "> ";
    }

    static List<String> lines(VmInfo vm) {
        String guest = vm.spec().guestOs().name();
        return switch (vm.state()) {
            case RUNNING -> running(vm);
            case STARTING -> family(vm) == Family.WINDOWS ? List.of("Windows Boot Manager", "", "Starting Windows...")
                    : List.of("Booting from Hard Disk...", "Loading " + guest + "...");
            case STOPPING -> family(vm) == Family.WINDOWS ? List.of("Shutting down...")
                    : List.of("[  OK  ] Stopped target Multi-User System.", "[  OK  ] Reached target Power-Off.",
                            "reboot: Power down");
            case PAUSED -> List.of("Paused", "", "The VM is paused; its screen stays as it was. Resume it to go on.");
            case SAVING -> List.of("Saving...", "", "The VM's memory is being written to disk.");
            case SAVED -> List.of("Saved", "", "The VM's memory is saved to disk; start it to restore it.");
            case OFF -> List.of("Powered off", "", "No signal from the VM. Start it to boot " + guest + ".");
            case UNKNOWN -> List.of("No signal");
        };
    }

    private static List<String> running(VmInfo vm) {
        String guest = vm.spec().guestOs().name();
        return switch (family(vm)) {
            case WINDOWS -> List.of("Windows Boot Manager", "", "Starting Windows...", guest,
                    vm.spec().vcpus() + " virtual processors, " + vm.spec().memoryMiB() + " MB memory",
                    "", "", vm.name(), "", "Press Ctrl+Alt+Del to sign in.");
            case LINUX -> List.of(
                    "[    0.000000] Linux version 6.1.0-sim (" + guest + ")",
                    "[    0.000000] Hypervisor detected: Microsoft Hyper-V",
                    "[    0.010000] Memory: " + vm.spec().memoryMiB() + " MiB available",
                    "[    0.120000] smp: Brought up 1 node, " + vm.spec().vcpus() + " CPUs",
                    "[    0.840000] hv_vmbus: registering driver hv_netvsc",
                    "[    1.320000] EXT4-fs (sda1): mounted filesystem with ordered data mode",
                    "[  OK  ] Started OpenBSD Secure Shell server.",
                    "[  OK  ] Reached target Multi-User System.",
                    "",
                    guest + " " + hostname(vm) + " tty1");
            case OTHER -> List.of("Booting from Hard Disk...", "", guest + " ready.");
        };
    }

    private static Family family(VmInfo vm) {
        return vm.spec().guestOs().family();
    }

    private static String hostname(VmInfo vm) {
        return vm.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    }
}
