package dev.sqlscore.cli;

/** Stands in for the tools jar in {@link LauncherTest}: says it ran, and with what. */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe ran: " + String.join(" ", args));
    }
}
