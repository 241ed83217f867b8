package io.github.reluregions.query;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Tolerances;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of everything that decides a {@link Query}'s count: every weight and bias (their exact bits),
 * the domain's kind and parameters, and the tolerances. Two queries with the same fingerprint have the same
 * search tree, so a checkpoint of one resumes the other.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(Query query) {
        Network network = query.network();
        InputDomain domain = query.domain();
        Tolerances tolerances = query.tolerances();
        MessageDigest digest = sha256();
        text(digest, "network");
        for (Layer layer : network.layers()) {
            text(digest, "layer");
            for (double[] row : layer.weights()) {
                numbers(digest, row);
            }
            numbers(digest, layer.biases());
        }
        if (domain instanceof Box box) {
            text(digest, "box");
            numbers(digest, box.lower());
            numbers(digest, box.upper());
        } else if (domain instanceof Ball ball) {
            text(digest, "ball " + ball.norm());
            numbers(digest, ball.center());
            numbers(digest, new double[] {ball.radius()});
        } else if (domain instanceof WholeSpace space) {
            text(digest, "whole space " + space.dimension());
        } else {
            throw new IllegalArgumentException("No fingerprint for the domain " + domain);
        }
        text(digest, "tolerances");
        numbers(digest, new double[] {tolerances.interiorRadius(), tolerances.thinRadius(), tolerances.zeroGradient()});
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void text(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static void numbers(MessageDigest digest, double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 8 * values.length);
        buffer.putInt(values.length);
        for (double v : values) {
            buffer.putLong(Double.doubleToLongBits(v));
        }
        digest.update(buffer.array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
