package dev.corral.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A private certificate authority made at test time with openssl (and keytool for PKCS12): its
 * certificate as PEM and as a PKCS12 trust store, and server certificates it signs for
 * 127.0.0.1, the way an organisation's own CA would issue its directory's certificate.
 */
public final class TestCertificates {

    public static final String TRUST_STORE_PASSWORD = "corral-trust";

    private final Path folder;
    private final String name;

    /** A server certificate and its unencrypted key, as PEM files. */
    public record Pair(Path certificate, Path key) {
    }

    private TestCertificates(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /** A new certificate authority named {@code name} under a temporary folder. */
    public static TestCertificates authority(String name) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("corral-ca-" + name);
        TestCertificates ca = new TestCertificates(folder, name);
        run(folder, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + name, "-keyout", ca.key().toString(), "-out", ca.pem().toString(),
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        run(folder, "keytool", "-importcert", "-noprompt", "-alias", name, "-file", ca.pem().toString(),
                "-keystore", ca.pkcs12().toString(), "-storetype", "PKCS12", "-storepass", TRUST_STORE_PASSWORD);
        return ca;
    }

    /** The authority's certificate, PEM. */
    public Path pem() {
        return folder.resolve(name + "-ca.pem");
    }

    /** A PKCS12 trust store holding the authority's certificate ({@link #TRUST_STORE_PASSWORD}). */
    public Path pkcs12() {
        return folder.resolve(name + "-ca.p12");
    }

    private Path key() {
        return folder.resolve(name + "-ca.key");
    }

    /** A server certificate for 127.0.0.1 (and localhost) signed by this authority. */
    public Pair issueServerCertificate() throws IOException, InterruptedException {
        Path key = folder.resolve("server.key");
        Path request = folder.resolve("server.csr");
        Path certificate = folder.resolve("server.pem");
        Path extensions = folder.resolve("server.ext");
        Files.writeString(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        run(folder, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", key.toString(), "-out", request.toString());
        run(folder, "openssl", "x509", "-req", "-in", request.toString(), "-CA", pem().toString(),
                "-CAkey", key().toString(), "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(),
                "-out", certificate.toString());
        return new Pair(certificate, key);
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Path log = folder.resolve("openssl.log");
        Process process = new ProcessBuilder(List.of(command)).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }
}
