package dev.corral.engine.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.libvirt.Domain;
import org.libvirt.ErrorHandler;
import org.libvirt.LibvirtException;
import org.libvirt.jna.DomainPointer;

/**
 * The native calls libvirt-java has no binding for: virDomainOpenGraphicsFD, which hands back a
 * socket already connected to a running domain's display, and libc's read, write, shutdown and
 * close on it. libvirt-java keeps a domain's native pointer and its error reader package-private,
 * so both are reached by reflection, once.
 */
final class GraphicsFd {

    /** virDomainOpenGraphicsFlags: libvirt has authenticated us, so the display asks for no password. */
    static final int SKIPAUTH = 1;
    static final int SHUT_RDWR = 2;
    static final int EINTR = 4;

    interface Virt extends Library {
        int virDomainOpenGraphicsFD(Pointer domain, int index, int flags);
    }

    interface LibC extends Library {
        long read(int fd, byte[] buffer, long count);

        long write(int fd, byte[] buffer, long count);

        int shutdown(int fd, int how);

        int close(int fd);
    }

    static final LibC LIBC = Native.load("c", LibC.class);
    private static final Virt VIRT = Native.load("virt", Virt.class);
    private static final Field POINTER;
    private static final Method PROCESS_ERROR;

    static {
        try {
            POINTER = Domain.class.getDeclaredField("vdp");
            POINTER.setAccessible(true);
            PROCESS_ERROR = ErrorHandler.class.getDeclaredMethod("processError", int.class);
            PROCESS_ERROR.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("This libvirt-java has no Domain.vdp or ErrorHandler.processError: " + e);
        }
    }

    private GraphicsFd() {
    }

    /**
     * A socket connected to display {@code index} of a running domain; the caller closes it. A
     * libvirt failure is thrown as libvirt-java throws it, so that the engine's mapping applies.
     */
    static int open(Domain domain, int index) throws LibvirtException {
        DomainPointer pointer;
        try {
            pointer = (DomainPointer) POINTER.get(domain);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        int fd = VIRT.virDomainOpenGraphicsFD(pointer.getPointer(), index, SKIPAUTH);
        if (fd < 0) {
            // libvirt's error is per thread: read it on this thread, right after the call.
            try {
                PROCESS_ERROR.invoke(null, fd);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof LibvirtException libvirt) {
                    throw libvirt;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("virDomainOpenGraphicsFD failed without an error");
        }
        return fd;
    }
}
