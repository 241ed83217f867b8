import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.reluregions.plot.Charts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark driver of {@code benchmarks/run} (a single-file Java program, run on the project's jar and
 * its libraries). Every engine of {@code count exact} counts a fixed suite through the launcher, one
 * process per run under {@code /usr/bin/time} for the peak memory; the results go to a table on stdout,
 * {@code results/run.csv}, and the curve of time against regions ({@code results/time-vs-regions.csv} and
 * {@code .png}). Engines the command line rejects, and networks it cannot read, are skipped with a note.
 *
 * <p>Options: {@code --quick} (a 2-minute subset), {@code --time-limit=SECONDS} (per run; default 30,
 * quick 8), {@code --only=REGEX} (networks whose name matches), {@code --no-cluster}.
 */
public final class Benchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One network in one domain. {@code expected} is the known count, or -1. */
    record Case(String name, String family, Path network, String box, int inputs, String hidden, long expected) {
    }

    /** One way to run {@code count exact}: a name, the threads it uses, and its options. */
    record Engine(String name, String threads, List<String> options) {
    }

    /** One run's outcome; {@code regions} is -1 when the run gave no report. */
    record Row(Case net, Engine engine, long regions, boolean complete, String stopReason, double seconds,
            double wallSeconds, long lps, long peakRssKb, String note) {
        double regionsPerSecond() {
            return regions > 0 && seconds > 0 ? regions / seconds : Double.NaN;
        }

        double lpsPerRegion() {
            return regions > 0 ? (double) lps / regions : Double.NaN;
        }
    }

    private final Path root;
    private final Path results;
    private final boolean quick;
    private final double timeLimit;
    private final Pattern only;
    private final boolean cluster;
    private final List<String> notes = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final boolean haveTime = Files.isExecutable(Path.of("/usr/bin/time"));

    private Benchmark(Path root, boolean quick, double timeLimit, Pattern only, boolean cluster) {
        this.root = root;
        this.results = root.resolve("benchmarks/results");
        this.quick = quick;
        this.timeLimit = timeLimit;
        this.only = only;
        this.cluster = cluster;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        boolean quick = false;
        Double timeLimit = null;
        Pattern only = Pattern.compile(".*");
        boolean cluster = true;
        for (String arg : args) {
            if (arg.startsWith("--root=")) {
                root = Path.of(arg.substring(7)).toAbsolutePath().normalize();
            } else if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--time-limit=")) {
                timeLimit = Double.parseDouble(arg.substring(13));
            } else if (arg.startsWith("--only=")) {
                only = Pattern.compile(arg.substring(7));
            } else if (arg.equals("--no-cluster")) {
                cluster = false;
            } else {
                System.err.println("benchmarks/run: unknown option " + arg);
                System.err.println("usage: benchmarks/run [--quick] [--time-limit=SECONDS] [--only=REGEX] [--no-cluster]");
                System.exit(2);
            }
        }
        double limit = timeLimit != null ? timeLimit : quick ? 8 : 30;
        new Benchmark(root, quick, limit, only, cluster).run();
    }

    private void run() throws Exception {
        Files.createDirectories(results.resolve("nets"));
        long start = System.nanoTime();
        String loadBefore = load();
        List<Engine> engines = availableEngines();
        List<Case> cases = new ArrayList<>();
        cases.addAll(referenceCases());
        cases.addAll(randomFamily());
        Case acas = acasXu();
        if (acas != null) {
            cases.add(acas);
        }
        cases.removeIf(c -> !only.matcher(c.name()).find());
        System.err.printf(Locale.ROOT, "benchmarks: %d networks x %d engines, time limit %.0f s a run%n",
                cases.size(), engines.size(), timeLimit);
        for (Case net : cases) {
            for (Engine engine : engines) {
                if (net.family().equals("curve") && !engine.name().startsWith("lp")) {
                    continue; // the curve is the LP engine's
                }
                record(runCount(net, engine, List.of()));
            }
        }
        if (cluster) {
            clusterRuns(cases);
        }
        notes.add("load average (1 min) at the start " + loadBefore + ", at the end " + load()
                + ": other work on the machine slows the runs and blurs the ratios");
        writeCsv(results.resolve("run.csv"));
        writeCurve();
        printTable();
        for (String note : notes) {
            System.out.println("note: " + note);
        }
        System.out.printf(Locale.ROOT, "%d runs in %.0f s; CSV in %s%n", rows.size(),
                (System.nanoTime() - start) / 1e9, root.relativize(results.resolve("run.csv")));
    }

    private void record(Row row) {
        rows.add(row);
        System.err.printf(Locale.ROOT, "  %-28s %-12s %10s regions %s %7.2f s%s%n", row.net().name(), row.engine().name(),
                row.regions() < 0 ? "-" : Long.toString(row.regions()), row.complete() ? "exact" : "     ",
                row.seconds(), row.note().isEmpty() ? "" : "  (" + row.note() + ")");
    }

    // ---------------------------------------------------------------------------------------------- engines

    /** lp with 1 and 2 threads, milp and cpsat when the command line takes them. */
    private List<Engine> availableEngines() throws Exception {
        List<Engine> candidates = List.of(
                new Engine("lp", "1", List.of("--engine=lp", "--threads=1")),
                new Engine("lp", "2", List.of("--engine=lp", "--threads=2")),
                new Engine("milp", "-", List.of("--engine=milp")),
                new Engine("cpsat", "-", List.of("--engine=cpsat")));
        List<Engine> engines = new ArrayList<>();
        Path example = root.resolve("testdata/example_2x8x8.json");
        for (Engine engine : candidates) {
            List<String> command = launcher("count", "exact", example.toString(), "--box=-2:2", "--json",
                    "--time-limit=30");
            command.addAll(engine.options());
            Result probe = exec(command, 90);
            if (probe.exit() == 0 || probe.exit() == 4 || probe.exit() == 6) {
                engines.add(engine);
            } else {
                notes.add("engine " + engine.name() + " skipped: count exact " + String.join(" ", engine.options())
                        + " exits " + probe.exit() + ": " + firstLine(probe.err()));
            }
        }
        return engines;
    }

    // ----------------------------------------------------------------------------------------------- suite

    /** The reference networks of ../shared/reference with their boxes and known counts. */
    private List<Case> referenceCases() throws IOException {
        Path dir = root.resolve("../shared/reference").normalize();
        Path file = dir.resolve("cases.json");
        if (!Files.exists(file)) {
            notes.add("reference networks skipped: " + file + " is missing");
            return List.of();
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : JSON.readTree(file.toFile())) {
            long expected = c.get("regions").asLong();
            if (quick && (expected > 10_000 || c.get("network").asText().startsWith("general_position"))) {
                continue;
            }
            StringBuilder box = new StringBuilder();
            for (JsonNode side : c.get("box")) {
                box.append(box.length() == 0 ? "" : ",").append(number(side.get(0).asDouble())).append(':')
                        .append(number(side.get(1).asDouble()));
            }
            JsonNode widths = c.get("widths");
            StringBuilder hidden = new StringBuilder();
            for (int i = 1; i < widths.size(); i++) {
                hidden.append(i == 1 ? "" : "x").append(widths.get(i).asInt());
            }
            String name = c.get("network").asText().replace(".json", "");
            cases.add(new Case(name, "reference", dir.resolve(c.get("network").asText()), box.toString(),
                    widths.get(0).asInt(), hidden.toString(), expected));
        }
        return cases;
    }

    /**
     * Random networks of growing size, written once into results/nets: Gaussian weights with variance
     * 2/fan-in and biases with standard deviation 0.1 (fixed seeds), counted in [-1, 1]^d. The "curve"
     * family (4 inputs, two hidden layers of growing width) gives the time against regions; the "random"
     * family spans 2 to 10 inputs and about 10^2 to 10^6 regions.
     */
    private List<Case> randomFamily() throws IOException {
        List<int[]> curve = quick
                ? List.of(new int[] {4, 6, 6}, new int[] {4, 10, 10})
                : List.of(new int[] {4, 6, 6}, new int[] {4, 8, 8}, new int[] {4, 10, 10}, new int[] {4, 12, 12},
                        new int[] {4, 14, 14}, new int[] {4, 17, 17});
        List<int[]> random = quick
                ? List.of(new int[] {2, 32, 32})
                : List.of(new int[] {2, 32, 32}, new int[] {2, 64, 64, 64}, new int[] {6, 16, 16},
                        new int[] {8, 12, 12}, new int[] {10, 16, 16}, new int[] {10, 64, 64});
        List<Case> cases = new ArrayList<>();
        for (int[] widths : curve) {
            cases.add(randomCase("curve", widths));
        }
        for (int[] widths : random) {
            cases.add(randomCase("random", widths));
        }
        return cases;
    }

    private Case randomCase(String family, int[] widths) throws IOException {
        StringBuilder hidden = new StringBuilder();
        for (int i = 1; i < widths.length; i++) {
            hidden.append(i == 1 ? "" : "x").append(widths[i]);
        }
        String name = "rand-" + widths[0] + "in-" + hidden;
        Path file = results.resolve("nets").resolve(name + ".json");
        if (!Files.exists(file)) {
            Files.writeString(file, randomNetwork(widths, 1000L * widths[0] + widths[1] + 7L * widths.length));
        }
        return new Case(name, family, file, "-1:1", widths[0], hidden.toString(), -1);
    }

    private static String randomNetwork(int[] widths, long seed) throws IOException {
        Random random = new Random(seed);
        ObjectNode net = JSON.createObjectNode();
        ArrayNode layers = net.putArray("layers");
        for (int l = 1; l <= widths.length; l++) {
            int in = widths[l - 1];
            int out = l < widths.length ? widths[l] : 1;
            ObjectNode layer = layers.addObject();
            ArrayNode weights = layer.putArray("weights");
            ArrayNode biases = layer.putArray("biases");
            double sd = Math.sqrt(2.0 / in);
            for (int i = 0; i < out; i++) {
                ArrayNode row = weights.addArray();
                for (int j = 0; j < in; j++) {
                    row.add(sd * random.nextGaussian());
                }
                biases.add(0.1 * random.nextGaussian());
            }
        }
        return JSON.writeValueAsString(net);
    }

    /** ACAS Xu 1_1 inside prop_3's box, when the command line reads ONNX. */
    private Case acasXu() throws Exception {
        Path models = root.resolve("../shared/models/acasxu").normalize();
        Path onnx = models.resolve("ACASXU_run2a_1_1_batch_2000.onnx");
        Path property = models.resolve("prop_3.vnnlib");
        if (!Files.exists(onnx) || !Files.exists(property)) {
            notes.add("ACAS Xu skipped: " + onnx + " or " + property + " is missing");
            return null;
        }
        String box = vnnlibBox(Files.readString(property), 5);
        Result probe = exec(launcher("bounds", onnx.toString(), "--box=" + box), 60);
        if (probe.exit() != 0) {
            notes.add("ACAS Xu skipped: the command line cannot read " + onnx.getFileName() + " yet (bounds exits "
                    + probe.exit() + ": " + firstLine(probe.err()) + ")");
            return null;
        }
        return new Case("acasxu-1_1-prop3", "acasxu", onnx, box, 5, "50x50x50x50x50x50", -1);
    }

    /** The box of a VNN-LIB property's input bounds: {@code (assert (<= X_i v))} and {@code (assert (>= X_i v))}. */
    static String vnnlibBox(String text, int inputs) {
        double[] lo = new double[inputs];
        double[] hi = new double[inputs];
        Matcher m = Pattern.compile("\\(assert \\((<=|>=) X_(\\d+) ([-+0-9.eE]+)\\)\\)").matcher(text);
        while (m.find()) {
            int i = Integer.parseInt(m.group(2));
            double v = Double.parseDouble(m.group(3));
            if (m.group(1).equals("<=")) {
                hi[i] = v;
            } else {
                lo[i] = v;
            }
        }
        StringBuilder box = new StringBuilder();
        for (int i = 0; i < inputs; i++) {
            box.append(i == 0 ? "" : ",").append(number(lo[i])).append(':').append(number(hi[i]));
        }
        return box.toString();
    }

    // --------------------------------------------------------------------------------------------- cluster

    /**
     * The LP engine on a cluster of one member, then two (each member with one thread, all on this
     * machine), on the networks that lp with one thread counted completely in the most seconds (3, quick 1).
     */
    private void clusterRuns(List<Case> cases) throws Exception {
        List<Case> big = new ArrayList<>();
        for (Case net : cases) {
            Row lp1 = find(net, "lp", "1");
            if (lp1 != null && lp1.complete() && lp1.seconds() >= (quick ? 1 : 4)) {
                big.add(net);
            }
        }
        big.sort(java.util.Comparator.comparingDouble((Case net) -> find(net, "lp", "1").seconds()).reversed());
        big = new ArrayList<>(big.subList(0, Math.min(big.size(), quick ? 1 : 3)));
        if (big.isEmpty()) {
            notes.add("cluster runs skipped: no network was counted completely in a few seconds by lp on one thread");
            return;
        }
        int port1 = freePort();
        int port2 = freePort();
        List<Process> members = new ArrayList<>();
        try {
            members.add(serve(port1, null));
            String address = "127.0.0.1:" + port1;
            warmUp(address);
            for (Case net : big) {
                record(runCount(net, new Engine("lp-cluster", "1x1", List.of("--cluster=" + address)), List.of()));
            }
            members.add(serve(port2, address));
            warmUp(address);
            for (Case net : big) {
                record(runCount(net, new Engine("lp-cluster", "2x1", List.of("--cluster=" + address)), List.of()));
            }
        } finally {
            for (Process member : members) {
                member.destroy();
                member.waitFor(30, TimeUnit.SECONDS);
            }
        }
        notes.add("lp-cluster: members started with 'serve --threads=1' on this machine (1x1: one member, 2x1: two) "
                + "and warmed up by one small count; seconds include connecting to the cluster; peak RSS is the "
                + "coordinator's only");
    }

    /**
     * One small count on the cluster, not recorded, so that its members have loaded OR-Tools' native
     * library and compiled their hot code, as members that serve for a while have.
     */
    private void warmUp(String address) throws Exception {
        List<String> command = launcher("count", "exact", root.resolve("testdata/example_2x8x8.json").toString(),
                "--box=-2:2", "--cluster=" + address);
        Result result = exec(command, 120);
        if (result.exit() != 0) {
            notes.add("the cluster's warm-up count exited " + result.exit() + ": " + firstLine(result.err()));
        }
    }

    /** Starts {@code serve} on {@code port}, joining {@code join} if given; returns once it serves. */
    private Process serve(int port, String join) throws Exception {
        List<String> command = launcher("serve", "--port=" + port, "--threads=1");
        if (join != null) {
            command.add("--members=" + join);
        }
        Process member = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("serving on")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (lines.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException e) {
                        // the member stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return member;
            }
        }
        throw new IllegalStateException("serve --port=" + port + " stopped before serving (exit " + member.waitFor() + ")");
    }

    // ------------------------------------------------------------------------------------------------ runs

    private Row runCount(Case net, Engine engine, List<String> extra) throws Exception {
        List<String> count = launcher("count", "exact", net.network().toString(), "--box=" + net.box(), "--json",
                "--no-progress", "--time-limit=" + number(timeLimit));
        count.addAll(engine.options());
        count.addAll(extra);
        Path rss = Files.createTempFile("benchmark-rss", ".txt");
        List<String> command = new ArrayList<>();
        if (haveTime) {
            command.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        }
        command.addAll(count);
        long start = System.nanoTime();
        Result result = exec(command, timeLimit + 120);
        double wall = (System.nanoTime() - start) / 1e9;
        long peak = -1;
        if (haveTime) {
            String text = Files.readString(rss).trim();
            String[] lines = text.split("\n");
            try {
                peak = Long.parseLong(lines[lines.length - 1].trim());
            } catch (NumberFormatException e) {
                peak = -1;
            }
        }
        Files.deleteIfExists(rss);
        JsonNode report = null;
        try {
            report = result.out().isBlank() ? null : JSON.readTree(result.out());
        } catch (IOException e) {
            report = null;
        }
        if (report == null || !report.has("regions")) {
            return new Row(net, engine, -1, false, "-", Double.NaN, wall, 0, peak,
                    "exit " + result.exit() + ": " + firstLine(result.err()));
        }
        long regions = report.get("regions").asLong();
        boolean complete = report.get("complete").asBoolean();
        String note = "";
        if (net.expected() >= 0 && complete && regions != net.expected()) {
            note = "WRONG COUNT: expected " + net.expected();
        } else if (!complete) {
            note = report.get("stopReason").asText().equals("time-limit") ? "time limit: a lower bound"
                    : "incomplete (" + report.get("stopReason").asText() + ")";
        }
        return new Row(net, engine, regions, complete, report.get("stopReason").asText(),
                report.get("seconds").asDouble(), wall, report.path("stats").path("lpsSolved").asLong(), peak, note);
    }

    private List<String> launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("relu-regions").toString());
        command.addAll(List.of(args));
        return command;
    }

    record Result(int exit, String out, String err) {
    }

    private static Result exec(List<String> command, double timeoutSeconds) throws Exception {
        Path out = Files.createTempFile("benchmark-out", ".txt");
        Path err = Files.createTempFile("benchmark-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                return new Result(-1, "", "killed after " + (long) timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    // --------------------------------------------------------------------------------------------- results

    private Row find(Case net, String engine, String threads) {
        for (Row row : rows) {
            if (row.net().equals(net) && row.engine().name().equals(engine) && row.engine().threads().equals(threads)) {
                return row;
            }
        }
        return null;
    }

    /** Regions per second over lp-1thread's on the same network, both measured in this run. */
    private double speedup(Row row) {
        Row lp1 = find(row.net(), "lp", "1");
        if (lp1 == null) {
            return Double.NaN;
        }
        return row.regionsPerSecond() / lp1.regionsPerSecond();
    }

    private static final String[] COLUMNS = {"net", "family", "inputs", "hidden", "engine", "threads", "regions",
        "complete", "stop_reason", "seconds", "wall_seconds", "regions_per_second", "lps", "lps_per_region",
        "peak_rss_mb", "speedup_vs_lp1", "expected_regions", "note"};

    private void writeCsv(Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println(String.join(",", COLUMNS));
            for (Row row : rows) {
                out.println(String.join(",", csv(row.net().name()), row.net().family(),
                        Integer.toString(row.net().inputs()), row.net().hidden(), row.engine().name(),
                        row.engine().threads(), row.regions() < 0 ? "" : Long.toString(row.regions()),
                        Boolean.toString(row.complete()), row.stopReason(), fixed(row.seconds(), 3),
                        fixed(row.wallSeconds(), 3), fixed(row.regionsPerSecond(), 1), Long.toString(row.lps()),
                        fixed(row.lpsPerRegion(), 2), row.peakRssKb() < 0 ? "" : fixed(row.peakRssKb() / 1024.0, 0),
                        fixed(speedup(row), 2), row.net().expected() < 0 ? "" : Long.toString(row.net().expected()),
                        csv(row.note())));
            }
        }
    }

    /** The LP engine's seconds against regions on the "curve" family: CSV and a log-log PNG. */
    private void writeCurve() throws IOException {
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results.resolve("time-vs-regions.csv")))) {
            out.println("net,engine,threads,regions,seconds,complete");
            for (Row row : rows) {
                if (!row.net().family().equals("curve") || row.regions() <= 0) {
                    continue;
                }
                out.println(String.join(",", row.net().name(), row.engine().name(), row.engine().threads(),
                        Long.toString(row.regions()), fixed(row.seconds(), 3), Boolean.toString(row.complete())));
                if (row.complete() && row.seconds() > 0) {
                    lines.computeIfAbsent(label(row.engine()), k -> new ArrayList<>())
                            .add(new double[] {Math.log10(row.regions()), row.seconds()});
                }
            }
        }
        List<Charts.Line> chartLines = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            double[] xs = line.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = line.getValue().stream().mapToDouble(p -> p[1]).toArray();
            chartLines.add(new Charts.Line(line.getKey(), xs, ys));
        }
        if (chartLines.isEmpty()) {
            notes.add("no curve: no complete run of the curve family");
            return;
        }
        Charts.lines("count exact: time against regions (4 inputs, two hidden layers)", "log10(regions)", "seconds",
                chartLines, true).write(results.resolve("time-vs-regions.png"), 800, 500);
    }

    /** "lp, 1 thread", "lp, 2 threads", "lp on 2 members x 1 thread". */
    private static String label(Engine engine) {
        String threads = engine.threads();
        if (threads.contains("x")) {
            String[] parts = threads.split("x");
            return "lp on " + parts[0] + (parts[0].equals("1") ? " member" : " members") + " x " + parts[1]
                    + (parts[1].equals("1") ? " thread" : " threads");
        }
        return engine.name() + (threads.equals("-") ? "" : ", " + threads + (threads.equals("1") ? " thread" : " threads"));
    }

    /** The 1-minute load average and the number of cores, as the machine says. */
    private static String load() {
        try {
            String average = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            return average + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void printTable() {
        String format = "%-28s %-10s %-7s %9s %-8s %8s %10s %9s %8s %8s  %s%n";
        System.out.printf(Locale.ROOT, format, "net", "engine", "threads", "regions", "complete", "seconds",
                "regions/s", "LPs/reg", "RSS MB", "vs lp-1", "note");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, format, row.net().name(), row.engine().name(), row.engine().threads(),
                    row.regions() < 0 ? "-" : Long.toString(row.regions()), row.complete() ? "yes" : "no",
                    fixed(row.seconds(), 2), fixed(row.regionsPerSecond(), 0), fixed(row.lpsPerRegion(), 2),
                    row.peakRssKb() < 0 ? "-" : fixed(row.peakRssKb() / 1024.0, 0), fixed(speedup(row), 2),
                    row.note());
        }
    }

    // ------------------------------------------------------------------------------------------------ text

    private static String fixed(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
