package dev.sqlscore.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lambda-sized box for a child process, from Linux control groups (v1 controllers, or the v2 unified tree): a
 * memory limit the kernel enforces by killing the process, as Lambda does, and a CPU quota of
 * {@code memoryMb / fullCpuMb} of one core, Lambda's CPU share. Needs root and writable cgroups; the benchmark runs
 * without it otherwise.
 */
final class CgroupLimits implements AutoCloseable {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final long PERIOD_MICROS = 100_000;

    private final List<Path> groups;

    private CgroupLimits(List<Path> groups) {
        this.groups = groups;
    }

    static CgroupLimits create(int memoryMb, int fullCpuMb) throws IOException {
        String name = "sqlscore-bench-" + ProcessHandle.current().pid() + "-" + memoryMb;
        long bytes = memoryMb * 1024L * 1024L;
        long quota = Math.max(1_000, PERIOD_MICROS * memoryMb / fullCpuMb);
        if (Files.isDirectory(ROOT.resolve("cpu")) && Files.isDirectory(ROOT.resolve("memory"))) {
            Path cpu = Files.createDirectories(ROOT.resolve("cpu").resolve(name));
            Path memory = Files.createDirectories(ROOT.resolve("memory").resolve(ownMemoryGroup()).resolve(name));
            Files.writeString(cpu.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            Files.writeString(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
            Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(bytes));
            return new CgroupLimits(List.of(cpu, memory));
        }
        Path unified = Files.createDirectories(ROOT.resolve(name));
        Files.writeString(unified.resolve("memory.max"), Long.toString(bytes));
        Files.writeString(unified.resolve("memory.swap.max"), "0");
        Files.writeString(unified.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
        return new CgroupLimits(List.of(unified));
    }

    /** A shell that moves itself into the groups, then becomes the given command. */
    List<String> wrapperCommand() {
        StringBuilder script = new StringBuilder();
        for (Path group : groups) {
            script.append("echo $$ > '").append(group.resolve("cgroup.procs")).append("' && ");
        }
        List<String> command = new ArrayList<>(List.of("sh", "-c", script.append("exec \"$@\"").toString(), "sh"));
        return command;
    }

    /** This process's memory cgroup (v1), under which a child group may be made. */
    private static String ownMemoryGroup() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && parts[1].equals("memory")) {
                return parts[2].replaceFirst("^/", "");
            }
        }
        return "";
    }

    @Override
    public void close() {
        for (Path group : groups) {
            try {
                Files.deleteIfExists(group);
            } catch (IOException e) {
                // still has a process in it for a moment; the kernel keeps the empty group, nothing leaks but a name
            }
        }
    }
}
