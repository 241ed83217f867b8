package io.github.reluregions.cli;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.io.LoadedNetwork;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.report.DomainSummary;
import io.github.reluregions.report.NetworkSummary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;

/** The network file and the domain options, shared by every command that works on a network in a domain. */
final class ProblemInput {
    @Mixin
    NetworkInput network;

    @Mixin
    DomainOptions domainOptions;

    /**
     * The network and domain the command line names, read and checked, with {@code tolerances}. When the
     * network file clips its inputs to a range (NNet), the domain is restricted to that range.
     */
    Problem read(Tolerances tolerances) {
        LoadedNetwork loaded = network.read();
        Network net = loaded.network();
        List<String> notes = new ArrayList<>();
        InputDomain domain = domainOptions.resolve(net.inputDimension(), notes);
        if (loaded.inputRange() != null) {
            InputDomain restricted = loaded.inputRange().restrict(domain);
            if (!restricted.equals(domain)) {
                notes.add(network.file + " clips its inputs to " + loaded.inputRange().describe()
                        + ", which creates no regions; the domain is restricted to " + restricted.describe() + ".");
            }
            domain = restricted;
        }
        return new Problem(network.file.toString(), new Query(net, domain, tolerances), List.copyOf(notes));
    }

    /** The query the command line names, the network's file, and remarks for the user. */
    record Problem(String file, Query query, List<String> notes) {
        NetworkSummary networkSummary() {
            return NetworkSummary.of(file, query.network());
        }

        DomainSummary domainSummary() {
            return DomainSummary.of(query.domain());
        }

        /** Writes the notes to {@code err}, one {@code note:} line each. */
        void printNotes(PrintWriter err) {
            for (String note : notes) {
                err.println("note: " + note);
            }
            err.flush();
        }
    }
}
