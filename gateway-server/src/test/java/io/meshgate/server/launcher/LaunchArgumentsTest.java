package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meshgate.engine.contract.ProductName;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {
    @Test
    void demoHasTheDocumentedDefaults() {
        assertEquals(new LaunchCommand.Demo(0.1, OptionalInt.empty(), Path.of("meshgate-data")), LaunchArguments.parse("demo"));
    }

    @Test
    void demoTakesScalePortAndData() {
        assertEquals(new LaunchCommand.Demo(1.0, OptionalInt.of(4000), Path.of("/tmp/mesh")),
                LaunchArguments.parse("demo", "--scale", "1", "--port=4000", "--data", "/tmp/mesh"));
    }

    @Test
    void serveNeedsAConfigFile() {
        assertEquals(new LaunchCommand.Serve(Path.of("meshgate.yaml"), OptionalInt.empty()),
                LaunchArguments.parse("serve", "--config", "meshgate.yaml"));
        assertEquals("serve needs --config FILE", usageError("serve"));
    }

    @Test
    void policyCheckTakesADirectory() {
        assertEquals(new LaunchCommand.PolicyCheck(Path.of("policies")), LaunchArguments.parse("policy", "check", "policies"));
        assertEquals("policy needs a subcommand (use policy check DIR)", usageError("policy"));
        assertEquals("Unknown policy subcommand 'lint' (use policy check DIR)", usageError("policy", "lint", "policies"));
        assertEquals("policy check needs DIR, the folder of policy files", usageError("policy", "check"));
        assertEquals("Unexpected argument 'more' after policy check policies", usageError("policy", "check", "policies", "more"));
    }

    @Test
    void contractCheckTakesAConfigAndProductNames() {
        assertEquals(new LaunchCommand.ContractCheck(Path.of("meshgate.yaml"), List.of()), LaunchArguments.parse("contract", "check"));
        assertEquals(new LaunchCommand.ContractCheck(Path.of("/etc/mesh.yaml"), List.of(new ProductName("commerce", "sales", "orders"),
                new ProductName("customer", "crm.eu", "customer"))),
                LaunchArguments.parse("contract", "check", "commerce.sales.orders", "--config", "/etc/mesh.yaml", "customer.crm.eu.customer"));
        assertEquals(new LaunchCommand.ContractCheck(Path.of("m.yaml"), List.of()), LaunchArguments.parse("contract", "check", "--config=m.yaml"));
        assertEquals("contract needs a subcommand (use contract check)", usageError("contract"));
        assertEquals("Unknown contract subcommand 'verify' (use contract check)", usageError("contract", "verify"));
        assertEquals("'orders' is not a product's full name (write domain.schema.table)", usageError("contract", "check", "orders"));
        assertEquals("Unknown option '--data' (options here: --config)", usageError("contract", "check", "--data", "x"));
        assertEquals("--config needs a value", usageError("contract", "check", "--config"));
        assertEquals("--config given twice", usageError("contract", "check", "--config", "a.yaml", "--config=b.yaml"));
        assertEquals("Product commerce.sales.orders named twice", usageError("contract", "check", "commerce.sales.orders", "commerce.sales.orders"));
    }

    @Test
    void sqlPassesItsArgumentsToTheShell() {
        assertEquals(new LaunchCommand.Sql(List.of("--server", "db:1", "-e", "SELECT 1")),
                LaunchArguments.parse("sql", "--server", "db:1", "-e", "SELECT 1"));
    }

    @Test
    void helpIsACommand() {
        assertEquals(new LaunchCommand.Help(), LaunchArguments.parse("--help"));
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertEquals("Missing command (use demo, serve, policy, contract, sql or --help)", usageError());
        assertEquals("Unknown command 'start' (use demo, serve, policy, contract, sql or --help)", usageError("start"));
        assertEquals("Unknown option '--scale' (options here: --config, --port)", usageError("serve", "--scale", "1"));
        assertEquals("--port must be a number from 0 to 65535, got '99999'", usageError("demo", "--port", "99999"));
        assertEquals("--scale must be a number above 0 and at most 1000, got 'big'", usageError("demo", "--scale", "big"));
        assertEquals("--data needs a value", usageError("demo", "--data"));
        assertEquals("--port given twice", usageError("demo", "--port", "1", "--port", "2"));
    }

    private static String usageError(String... args) {
        return assertThrows(LaunchArguments.UsageException.class, () -> LaunchArguments.parse(args)).getMessage();
    }
}
