package dev.corral.e2e.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A poor man's profiler: samples the stacks of the threads doing the work every few milliseconds
 * and counts, per sample, the innermost Corral method on the stack and the library the thread was
 * in at that moment (H2, Hibernate, LDAP…), which is where the time went.
 */
final class Sampler implements AutoCloseable {

    private final Map<String, AtomicInteger> corralFrames = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> libraries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hot = new ConcurrentHashMap<>();
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private Sampler(Supplier<Map<Thread, StackTraceElement[]>> stacks, Predicate<Thread> which) {
        thread = Thread.ofPlatform().daemon().name("fleet-benchmark-sampler").start(() -> {
            while (running) {
                stacks.get().forEach((t, stack) -> {
                    if (t.getState() == Thread.State.RUNNABLE && which.test(t) && stack.length > 0) {
                        record(stack);
                    }
                });
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Samples the thread that calls this, e.g. the one running a resync. */
    static Sampler ofCurrentThread() {
        Thread me = Thread.currentThread();
        return new Sampler(() -> Map.of(me, me.getStackTrace()), t -> true);
    }

    /** The reconciler's threads (it resyncs several hosts at a time) and the calling thread. */
    static Sampler ofResync() {
        Thread me = Thread.currentThread();
        return new Sampler(Thread::getAllStackTraces, t -> t == me || t.getName().startsWith("corral-resync"));
    }

    static Sampler ofRequestThreads() {
        return new Sampler(Thread::getAllStackTraces, t -> t.getName().contains("http-nio") && t.getName().contains("exec"));
    }

    private void record(StackTraceElement[] stack) {
        String corral = null;
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("dev.corral.") && !frame.getClassName().startsWith("dev.corral.e2e")) {
                corral = frame.getClassName().substring("dev.corral.".length()).replaceAll("\\$\\$.*", "") + "." + frame.getMethodName();
                break;
            }
        }
        if (corral == null) {
            return; // a thread idle in the container, or between requests
        }
        samples.incrementAndGet();
        corralFrames.computeIfAbsent(corral, k -> new AtomicInteger()).incrementAndGet();
        String top = stack[0].getMethodName();
        boolean waiting = top.equals("park") || top.equals("yield0") || top.equals("wait0") || top.equals("sleep0");
        libraries.computeIfAbsent(waiting ? "waiting in " + library(stack) : library(stack), k -> new AtomicInteger())
                .incrementAndGet();
        hot.computeIfAbsent(stack[0].getClassName().replaceAll("\\$\\$.*", "") + "." + stack[0].getMethodName(),
                k -> new AtomicInteger()).incrementAndGet();
    }

    /** The library of the innermost frame outside the JDK: the code that asked the JDK for the work. */
    private static String library(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return library(type);
            }
        }
        return "JDK";
    }

    private static String library(String className) {
        String[][] known = {{"org.h2.", "H2"}, {"org.hibernate.", "Hibernate"}, {"org.springframework.security.ldap", "LDAP"},
            {"com.unboundid.", "LDAP"}, {"org.springframework.ldap", "LDAP"}, {"com.sun.jndi.ldap", "LDAP (JNDI)"},
            {"com.zaxxer.hikari", "Hikari connection pool"}, {"com.fasterxml.", "Jackson"},
            {"tools.jackson.", "Jackson"}, {"org.springframework.", "Spring"}, {"com.vaadin.", "Vaadin"},
            {"dev.corral.", "Corral"}, {"java.util.zip", "JDK zip/IO"}, {"sun.nio.", "JDK IO"}, {"java.io.", "JDK IO"},
            {"java.", "JDK"}, {"jdk.", "JDK"}, {"sun.", "JDK"}, {"org.apache.", "Tomcat"}};
        for (String[] k : known) {
            if (className.startsWith(k[0])) {
                return k[1];
            }
        }
        return className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : className;
    }

    /** "where: share" for the most sampled places, e.g. "vms.Reconciler.write: 61%". */
    String summary(int top) {
        int total = Math.max(1, samples.get());
        return "innermost Corral method: " + share(corralFrames, total, top) + "; in library: " + share(libraries, total, top)
                + "; top of stack: " + share(hot, total, top) + " (" + total + " samples)";
    }

    private static String share(Map<String, AtomicInteger> counts, int total, int top) {
        List<Map.Entry<String, AtomicInteger>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Comparator.comparingInt(e -> -e.getValue().get()));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, AtomicInteger> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            parts.add(String.format(Locale.ROOT, "%s %d%%", e.getKey(), Math.round(100.0 * e.getValue().get() / total)));
        }
        return String.join(", ", parts);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
