package io.github.reluregions.cluster;

import io.github.reluregions.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Parses member addresses written {@code host:port[,host:port...]}, as given to {@code --cluster} and {@code --members}. */
public final class ClusterAddresses {
    /** The port a member listens on unless told otherwise (Hazelcast's own default). */
    public static final int DEFAULT_PORT = 5701;

    private ClusterAddresses() {
    }

    /**
     * The addresses in {@code text}, each {@code host:port} or {@code host} (port 5701); {@code option} names
     * the option in error messages.
     */
    public static List<String> parse(String text, String option) {
        List<String> addresses = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String address = part.trim();
            if (address.isEmpty()) {
                throw new InvalidInputException(option + " has an empty address in '" + text + "'.",
                        "Maybe " + option + "=127.0.0.1:5701,127.0.0.1:5702.");
            }
            int colon = address.lastIndexOf(':');
            if (colon < 0) {
                addresses.add(address + ":" + DEFAULT_PORT);
                continue;
            }
            String host = address.substring(0, colon);
            String port = address.substring(colon + 1);
            if (host.isEmpty() || !isPort(port)) {
                throw new InvalidInputException(option + " has the address '" + address
                        + "', which is not host:port with a port from 1 to 65535.",
                        "Maybe " + option + "=127.0.0.1:5701.");
            }
            addresses.add(address);
        }
        return List.copyOf(addresses);
    }

    static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }
}
