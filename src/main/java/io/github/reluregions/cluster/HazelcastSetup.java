package io.github.reluregions.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Hazelcast configuration of members and of the coordinator's client: the cluster name, TCP-IP join
 * with multicast and auto-detection off, no phone-home, our own shutdown handling, and Hazelcast's
 * logging routed to java.util.logging at warnings only (it logs every step at INFO otherwise).
 */
final class HazelcastSetup {
    /** Held so that the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    private HazelcastSetup() {
    }

    /** Hazelcast logs through java.util.logging, only at {@code level} and above. */
    static void quietLogging(Level level) {
        System.setProperty("hazelcast.logging.type", "jdk");
        HAZELCAST_LOG.setLevel(level);
    }

    /**
     * A member listening on {@code host:port} (that interface only), joining the members at {@code members}
     * ({@code host:port} each; may be empty for the first member), searching with {@code threads} threads.
     */
    static Config member(String host, int port, List<String> members, int threads) {
        quietLogging(Level.WARNING);
        Config config = new Config();
        config.setClusterName(Names.CLUSTER);
        common(config.getProperties());
        config.setProperty("hazelcast.socket.bind.any", "false");
        // A member joins as soon as it has talked to the others, instead of waiting 5 s for more to come.
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(host);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members.isEmpty() ? List.of(host + ":" + port) : members);
        config.getExecutorConfig(Names.EXECUTOR).setPoolSize(1);
        config.getMemberAttributeConfig().setAttribute(Names.THREADS_ATTRIBUTE, Integer.toString(threads));
        config.setUserContext(new ConcurrentHashMap<>(Map.of(Names.CONTEXT_KEY, new MemberContext(threads))));
        return config;
    }

    /** A client of the members at {@code addresses}, giving up after {@code connectSeconds} without one. */
    static ClientConfig client(List<String> addresses, double connectSeconds) {
        quietLogging(Level.OFF);
        ClientConfig config = new ClientConfig();
        config.setClusterName(Names.CLUSTER);
        common(config.getProperties());
        config.getNetworkConfig().setAddresses(addresses);
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis((long) (connectSeconds * 1000));
        // A call is retried (e.g. while no member is reachable) for at most this long, not 120 s.
        config.setProperty("hazelcast.client.invocation.timeout.seconds", Long.toString((long) Math.ceil(connectSeconds)));
        return config;
    }

    private static void common(java.util.Properties properties) {
        properties.setProperty("hazelcast.logging.type", "jdk");
        properties.setProperty("hazelcast.phone.home.enabled", "false");
        properties.setProperty("hazelcast.shutdownhook.enabled", "false");
    }
}
