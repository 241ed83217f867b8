package io.github.reluregions.solver;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/** The one place where OR-Tools' native libraries are loaded. */
public final class OrTools {
    private static volatile boolean loaded;
    /** The first failure, thrown again on every later call: a second attempt would "succeed" half-loaded. */
    private static volatile NativeLibraryException failure;

    private OrTools() {
    }

    /**
     * Loads the native libraries once (they are unpacked from the platform jar by
     * {@link Loader#loadNativeLibraries()}).
     *
     * @throws NativeLibraryException when they cannot be loaded on this platform
     */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (OrTools.class) {
            if (loaded) {
                return;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                Loader.loadNativeLibraries();
                // The loader can return without having loaded anything (seen when the temporary directory it
                // unpacks into is missing): call into the library once so that failure shows here.
                MPSolver probe = MPSolver.createSolver("GLOP");
                if (probe == null) {
                    throw new IllegalStateException("GLOP is missing from the native library");
                }
                probe.delete();
            } catch (Throwable e) {
                failure = new NativeLibraryException("OR-Tools' native library failed to load on "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e
                        + ". Run native-setup/check for what to do.", e);
                throw failure;
            }
            loaded = true;
        }
    }
}
