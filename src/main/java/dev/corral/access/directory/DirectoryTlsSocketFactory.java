package dev.corral.access.directory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Comparator;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS sockets of {@code ldaps://} connections, trusting the configured certificate
 * authorities. JNDI takes a socket factory only by class name ({@code java.naming.ldap.factory.socket})
 * and calls its static {@code getDefault()}, so the trust is held here, set once at start-up.
 * It is a {@link Comparator} because the JDK's connection pool pools connections made through a
 * custom factory only then.
 */
public final class DirectoryTlsSocketFactory extends SSLSocketFactory implements Comparator<Object> {

    private static volatile SSLSocketFactory trusted;

    private final SSLSocketFactory delegate;

    private DirectoryTlsSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /** Sets the factory that ldaps:// connections use from now on. */
    public static void trust(SSLSocketFactory factory) {
        trusted = factory;
    }

    /** Called by JNDI for each new connection. */
    public static SocketFactory getDefault() {
        SSLSocketFactory factory = trusted;
        if (factory == null) {
            throw new IllegalStateException("the directory's trust store has not been loaded");
        }
        return new DirectoryTlsSocketFactory(factory);
    }

    @Override
    public int compare(Object first, Object second) {
        // One factory class, one trust: any two instances make equivalent connections.
        return first.getClass().getName().compareTo(second.getClass().getName());
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
