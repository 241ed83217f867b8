package io.github.reluregions.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.reluregions.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A member of the relu-regions cluster running in this JVM ({@code serve}, or tests): it searches the
 * slices the coordinator sends, one at a time, each with {@code threads} worker threads.
 */
public final class ClusterMember implements AutoCloseable {
    private final HazelcastInstance instance;
    private final String address;

    private ClusterMember(HazelcastInstance instance, String address) {
        this.instance = instance;
        this.address = address;
    }

    /**
     * Starts a member listening on {@code host:port} that joins the members at {@code members} (none: it
     * starts a cluster that others join by naming it), and reports joins and departures to {@code events}.
     *
     * @throws InvalidInputException when the host is unknown or the port is taken
     */
    public static ClusterMember start(String host, int port, List<String> members, int threads,
            Consumer<String> events) {
        Objects.requireNonNull(events, "events");
        if (threads < 1) {
            throw new InvalidInputException("--threads is " + threads + "; it must be positive.");
        }
        requireFree(host, port);
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(HazelcastSetup.member(host, port, members, threads));
        instance.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                events.accept("member joined: " + describe(event.getMember()) + " (" + event.getMembers().size()
                        + " members)");
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                events.accept("member left: " + describe(event.getMember()) + " (" + event.getMembers().size()
                        + " members)");
            }
        });
        return new ClusterMember(instance, host + ":" + port);
    }

    private static void requireFree(String host, int port) {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new InvalidInputException("The host '" + host + "' is unknown: " + e.getMessage(),
                    "Maybe --host=127.0.0.1, or the IP address of this machine's network interface.");
        }
        try (ServerSocket probe = new ServerSocket(port, 1, bind)) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot listen on " + host + ":" + port + ": " + e.getMessage() + ".",
                    "Maybe another member runs there already: --port=" + (port + 1) + ".");
        }
    }

    static String describe(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    /** {@code host:port} of this member. */
    public String address() {
        return address;
    }

    /** The number of members in the cluster as this member sees it. */
    public int clusterSize() {
        return instance.getCluster().getMembers().size();
    }

    /** Stops abruptly, as a crash would: no goodbye to the cluster, running slices are lost. */
    void terminate() {
        instance.getLifecycleService().terminate();
    }

    /** Leaves the cluster and stops. */
    @Override
    public void close() {
        instance.shutdown();
    }
}
