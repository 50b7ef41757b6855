package dev.corral.engine.sim;

import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pixels of one simulated screen, and what each viewer has been sent of them. Every row
 * carries the version at which it last changed, so an incremental update request is answered with
 * exactly the rows that changed since that viewer last got them, and held until one does. The
 * pixels exist only while someone views the screen (3 MiB each): see {@link #release()}.
 */
final class SimFramebuffer {

    /** A FramebufferUpdateRequest; several pending ones merge into one. */
    record Request(boolean incremental, int x, int y, int width, int height) {
        Request merge(Request other) {
            int left = Math.min(x, other.x);
            int top = Math.min(y, other.y);
            int right = Math.max(x + width, other.x + other.width);
            int bottom = Math.max(y + height, other.y + other.height);
            return new Request(incremental && other.incremental, left, top, right - left, bottom - top);
        }
    }

    /** A rectangle of pixels (0xRRGGBB) to send; empty (0×0) answers a request for no area. */
    record Frame(int x, int y, int width, int height, int[] pixels) {
    }

    /** One viewer's pending request and the version of each row it was last sent. */
    static final class Viewer {
        private final long[] sent;
        private Request pending;
        private boolean closed;

        private Viewer(int rows) {
            sent = new long[rows];
        }
    }

    final int width;
    final int height;
    private int[] pixels;
    private long[] rowVersion;
    private long version;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    SimFramebuffer(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A new viewer, to whom every row is yet unsent. */
    Viewer viewer() {
        return new Viewer(height);
    }

    /** Takes a freshly drawn screen; the rows that differ get a new version and waiting viewers wake. */
    void show(int[] drawn) {
        lock.lock();
        try {
            if (pixels == null) {
                pixels = new int[width * height];
                rowVersion = new long[height];
            }
            long next = version + 1;
            boolean any = false;
            for (int row = 0; row < height; row++) {
                int from = row * width;
                if (version == 0 || !Arrays.equals(pixels, from, from + width, drawn, from, from + width)) {
                    System.arraycopy(drawn, from, pixels, from, width);
                    rowVersion[row] = next;
                    any = true;
                }
            }
            if (any) {
                version = next;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Nobody views the screen any more: its pixels go; the next {@link #show} starts afresh. */
    void release() {
        lock.lock();
        try {
            pixels = null;
            rowVersion = null;
            version = 0;
        } finally {
            lock.unlock();
        }
    }

    void request(Viewer viewer, Request request) {
        lock.lock();
        try {
            viewer.pending = viewer.pending == null ? request : viewer.pending.merge(request);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close(Viewer viewer) {
        lock.lock();
        try {
            viewer.closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the viewer's pending request can be answered (a full one at once, an incremental
     * one once a row in it changed) and returns the rectangle to send; null once the viewer closed.
     * An incremental answer spans the changed rows' bounding box across the requested width.
     */
    Frame next(Viewer viewer) throws InterruptedException {
        lock.lock();
        try {
            while (!viewer.closed) {
                Frame frame = viewer.pending == null ? null : answer(viewer, viewer.pending);
                if (frame != null) {
                    viewer.pending = null;
                    return frame;
                }
                changed.await();
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private Frame answer(Viewer viewer, Request request) {
        if (pixels == null) {
            return null; // not drawn yet: the session attaches, and so draws, before it reads requests
        }
        int x = Math.clamp(request.x(), 0, width);
        int y = Math.clamp(request.y(), 0, height);
        int w = Math.clamp((long) request.x() + request.width(), x, width) - x;
        int h = Math.clamp((long) request.y() + request.height(), y, height) - y;
        if (w == 0 || h == 0) {
            return new Frame(x, y, 0, 0, new int[0]);
        }
        int top = y;
        int bottom = y + h - 1;
        if (request.incremental()) {
            while (top <= bottom && rowVersion[top] <= viewer.sent[top]) {
                top++;
            }
            while (bottom >= top && rowVersion[bottom] <= viewer.sent[bottom]) {
                bottom--;
            }
            if (top > bottom) {
                return null;
            }
        }
        int rows = bottom - top + 1;
        int[] copy = new int[w * rows];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(pixels, (top + row) * width + x, copy, row * w, w);
            viewer.sent[top + row] = version;
        }
        return new Frame(x, top, w, rows, copy);
    }
}
