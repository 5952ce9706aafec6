package dev.todochat.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's entry point, compiled for Java 8 (its own compiler execution in bootstrap's pom) so that an older
 * {@code java} can load it and say in one line what is needed, instead of failing on the first Java 21 class with
 * {@code UnsupportedClassVersionError}. On 21 or newer it hands over to the real main by name: a direct reference
 * would make this class fail to link on the old runtimes it exists for.
 */
public final class Launcher {
    static final int REQUIRED = 21;
    static final int TOO_OLD = 1;
    private static final String MAIN = "dev.todochat.bootstrap.Main";

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int running = feature(System.getProperty("java.specification.version"));
        if (running < REQUIRED) {
            String javaHome = System.getenv("JAVA_HOME");
            System.err.println("todochat needs Java " + REQUIRED + " or newer; you are running " + running
                    + " (JAVA_HOME=" + (javaHome == null || javaHome.trim().isEmpty() ? "unset" : javaHome)
                    + ", this java is in " + System.getProperty("java.home") + ")");
            System.exit(TOO_OLD);
        }
        Method main = Class.forName(MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release from {@code java.specification.version}: {@code 1.8} is 8, {@code 17} is 17. */
    static int feature(String specification) {
        String version = specification == null ? "0" : specification.trim();
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }
}
