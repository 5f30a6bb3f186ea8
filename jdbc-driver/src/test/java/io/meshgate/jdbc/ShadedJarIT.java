package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged driver jar on its own, as a BI tool loads it: in a class loader that sees nothing
 * but the JDK and that jar, the services file names the Meshgate driver, which accepts
 * {@code jdbc:meshgate:} URLs and reaches Arrow's shaded classes when it connects.
 */
class ShadedJarIT {
    /** The jar the package phase shaded, next to this module's {@code test-classes}. */
    private static Path driverJar() throws IOException, URISyntaxException {
        Path target = Path.of(ShadedJarIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("meshgate-jdbc-driver-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("original")).toList();
            assertEquals(1, jars.size(), "one packaged driver jar in target: " + jars);
            return jars.get(0);
        }
    }

    @Test
    void driverLoadsFromTheJarAloneThroughItsServicesFile() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {driverJar().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            List<Driver> drivers = ServiceLoader.load(Driver.class, loader).stream().map(ServiceLoader.Provider::get)
                    .filter(d -> d.getClass().getClassLoader() == loader).toList();
            Driver meshgate = drivers.stream().filter(d -> d.getClass().getName().equals("io.meshgate.jdbc.MeshgateDriver")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Meshgate driver among " + drivers));
            assertTrue(meshgate.acceptsURL("jdbc:meshgate://127.0.0.1"));
            // Nothing listens on port 1: logging in fails inside Arrow's driver, so its classes load from the jar.
            Properties credentials = new Properties();
            credentials.setProperty("user", "ana");
            credentials.setProperty("password", "ana");
            SQLException e = assertThrows(SQLException.class, () -> meshgate.connect("jdbc:meshgate://127.0.0.1:1", credentials));
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "a message that says what failed");
        }
    }
}
