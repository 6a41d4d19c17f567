package io.clearflow.bots.documents;

import com.sun.jna.Library;
import com.sun.jna.Native;
import net.sourceforge.tess4j.TessAPI;

/**
 * libtesseract, loaded once per JVM; OpenMP is limited to one thread first ({@code OMP_THREAD_LIMIT=1}), as libgomp
 * reads the variable when it initialises.
 */
final class TessLibrary {

    interface CLib extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private static volatile TessAPI api;

    private TessLibrary() {
    }

    /** Whether libtesseract loads in this JVM (a failed load is an {@link Error}, caught here once and for all). */
    static boolean loads() {
        try {
            return api() != null;
        } catch (Throwable e) {
            return false;
        }
    }

    static TessAPI api() {
        if (api == null) {
            synchronized (TessLibrary.class) {
                if (api == null) {
                    try {
                        Native.load("c", CLib.class).setenv("OMP_THREAD_LIMIT", "1", 0);
                    } catch (Throwable ignored) {
                        // not fatal: only slower
                    }
                    api = TessAPI.INSTANCE;
                }
            }
        }
        return api;
    }

    /** The library if it was loaded, null otherwise (nothing to release then). */
    static TessAPI loaded() {
        return api;
    }
}
