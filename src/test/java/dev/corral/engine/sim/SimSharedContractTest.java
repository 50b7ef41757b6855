package dev.corral.engine.sim;

import dev.corral.engine.EngineContract;
import dev.corral.engine.HostConnection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine contract against the simulator shared by two processes (two engines on one state
 * folder): every call on a host goes to the other process than the call before it.
 */
class SimSharedContractTest extends EngineContract {

    @TempDir
    Path stateDir;

    private SimulatorEngine one;
    private SimulatorEngine two;

    @Override
    protected HostConnection connectHostA() {
        return alternating(URI.create("sim://host-a"));
    }

    @Override
    protected HostConnection connectHostB() {
        return alternating(URI.create("sim://host-b"));
    }

    @Override
    protected long memoryThatFitsOnlyOnce() {
        return 4096;
    }

    private HostConnection alternating(URI uri) {
        if (one == null) {
            one = engine();
            two = engine();
        }
        List<HostConnection> processes = List.of(one.connect(uri), two.connect(uri));
        AtomicInteger calls = new AtomicInteger();
        return (HostConnection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HostConnection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    // Each process tells its own subscribers of its own changes; listen to both.
                    case "subscribe" -> {
                        AutoCloseable first = (AutoCloseable) call(processes.get(0), method, args);
                        AutoCloseable second = (AutoCloseable) call(processes.get(1), method, args);
                        yield (AutoCloseable) () -> {
                            first.close();
                            second.close();
                        };
                    }
                    case "close" -> {
                        processes.forEach(HostConnection::close);
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "both processes' " + uri;
                    default -> call(processes.get(calls.getAndIncrement() % 2), method, unwrapped(args));
                });
    }

    private SimulatorEngine engine() {
        return new SimulatorEngine(new SimulatorProperties(stateDir, Duration.ofMillis(1),
                List.of(SimulatorFixtures.host("host-a"), SimulatorFixtures.host("host-b")), true), Clock.systemUTC());
    }

    /** A migration's target, passed as the other alternating host, becomes that host in the same process. */
    private Object[] unwrapped(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof HostConnection target && Proxy.isProxyClass(target.getClass())) {
                plain[i] = one.connect(target.uri());
            }
        }
        return plain;
    }

    private static Object call(HostConnection target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
