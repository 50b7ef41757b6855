package dev.corral.e2e.fleet;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/** The benchmark JVM's heap: live bytes after full collections, and which classes hold them. */
final class Heap {

    private Heap() {
    }

    /** Used heap after several full collections, once it has settled. */
    static long liveBytes() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 8; i++) {
            System.gc();
            Thread.sleep(250);
            used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (i >= 3 && Math.abs(previous - used) < 256 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }

    /** Bytes per class after a full collection (the JVM's GC.class_histogram). */
    static Map<String, Long> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                bytes.merge(parts[3], Long.parseLong(parts[2]), Long::sum);
            }
        }
        return bytes;
    }

    /** The classes that grew most between two histograms, as "class: +bytes" lines. */
    static List<String> growth(Map<String, Long> before, Map<String, Long> after, int top, int divisor) {
        List<Map.Entry<String, Long>> grown = new ArrayList<>();
        after.forEach((type, size) -> grown.add(Map.entry(type, size - before.getOrDefault(type, 0L))));
        grown.sort(Comparator.comparingLong(e -> -e.getValue()));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Long> e : grown.subList(0, Math.min(top, grown.size()))) {
            lines.add(String.format(Locale.ROOT, "%s: %,d bytes per session", e.getKey(), e.getValue() / divisor));
        }
        return lines;
    }
}
