package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.InvalidInputException;
import io.github.reluregions.cluster.ClusterAddresses;
import io.github.reluregions.cluster.ClusterMember;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: a member of the cluster, searching what {@code count exact --cluster} hands out. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Joins (or starts) a relu-regions cluster and searches subtrees for counts run with --cluster.",
        description = "Runs until stopped (Ctrl-C or SIGTERM). Members find each other by TCP/IP: give every "
                + "member the address of one that runs already with --members; the first needs none. A count "
                + "whose member stops or dies has that member's work searched again by the others.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The IP address of this machine to listen on, which the other members and the counts "
                    + "reach it by (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ClusterAddresses.DEFAULT_PORT,
            description = "The port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--members", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Members already running, to join their cluster (default: none, start a cluster).")
    String members;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads searching on this member (default: all cores).")
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 0) {
            throw new InvalidInputException("--threads is " + threads + "; it must be positive.");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("--port is " + port + "; it must be from 1 to 65535.", "Maybe --port=5701.");
        }
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<String> join = members == null ? List.of() : ClusterAddresses.parse(members, "--members");
        PrintWriter out = spec.commandLine().getOut();
        ClusterMember member = ClusterMember.start(host, port, join, workers, event -> {
            out.println(event);
            out.flush();
        });
        out.println("serving on " + member.address() + " with " + workers + " threads, in a cluster of "
                + member.clusterSize() + " member(s); stop with Ctrl-C");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            member.close();
            stopped.countDown();
        }, "serve-shutdown"));
        stopped.await();
        return ExitCode.OK.code();
    }
}
