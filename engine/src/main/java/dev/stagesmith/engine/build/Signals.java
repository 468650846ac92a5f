package dev.stagesmith.engine.build;

import java.util.Set;

/** STOPSIGNAL values Docker accepts: a number, or a Linux signal name with or without {@code SIG}. */
final class Signals {

    private static final Set<String> NAMES = Set.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP",
            "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS",
            "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ");

    private Signals() {}

    static void check(String signal) throws StepFailure {
        if (signal.matches("[0-9]+")) {
            if (Integer.parseInt(signal) > 0 && Integer.parseInt(signal) <= 64) {
                return;
            }
        } else {
            String name = signal.toUpperCase(java.util.Locale.ROOT);
            name = name.startsWith("SIG") ? name.substring(3) : name;
            if (NAMES.contains(name) || name.matches("RTM(IN|AX)([+-][0-9]+)?")) {
                return;
            }
        }
        throw new StepFailure("invalid signal: " + signal + " (use a name like SIGTERM or a number from 1 to 64)");
    }
}
