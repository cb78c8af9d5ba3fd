package dev.plumbline.embedded;

/**
 * Runs the embedded PostgreSQL and Kafka broker on their own, without Plumbline, for scripts that run
 * Plumbline as a separate process (the fault drill, benchmarks): whatever the environment does not
 * configure is started, its settings printed, and it runs until the process is stopped.
 */
public final class EmbeddedServers {

    private EmbeddedServers() {
    }

    public static void main(String... args) throws InterruptedException {
        EmbeddedStack stack = EmbeddedStack.startFromEnvironment();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stack.settings().forEach((name, value) -> System.out.println(name + "=" + value));
        System.out.flush();
        Thread.currentThread().join();
    }
}
