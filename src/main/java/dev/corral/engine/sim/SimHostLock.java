package dev.corral.engine.sim;

import dev.corral.engine.EngineException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock around one simulated host's state. Local: a lock inside this process. Shared (several
 * Corral processes on one state folder): also an exclusive lock on {@code <host>.lock} in that
 * folder, taken by the outermost holder only. Reentrant either way.
 */
final class SimHostLock {

    // A JVM holds a file lock once, whichever channel took it, so every host on one file in this
    // process shares one instance; its in-process lock decides who may take the file lock.
    private static final Map<Path, SimHostLock> SHARED = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;
    private FileChannel channel;

    private SimHostLock(Path file) {
        this.file = file;
    }

    static SimHostLock local() {
        return new SimHostLock(null);
    }

    static SimHostLock shared(Path lockFile) {
        return SHARED.computeIfAbsent(lockFile.toAbsolutePath().normalize(), SimHostLock::new);
    }

    boolean isShared() {
        return file != null;
    }

    /**
     * Takes the lock, waiting for other threads and, when shared, other processes.
     *
     * @return true when this call took the file lock, so the state file may have changed since this
     *         process last read or wrote it
     */
    boolean acquire() {
        lock.lock();
        if (file == null || lock.getHoldCount() > 1) {
            return false;
        }
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return true;
        } catch (IOException | RuntimeException e) {
            closeChannel();
            lock.unlock();
            throw new EngineException.Failed("Could not lock the simulator's state file " + file + ": " + e.getMessage(), e);
        }
    }

    void release() {
        try {
            if (file != null && lock.getHoldCount() == 1) {
                closeChannel(); // closing the channel releases the file lock
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // The lock goes with the channel even when close reports an error.
        } finally {
            channel = null;
        }
    }
}
