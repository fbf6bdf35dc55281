package dev.sqlscore.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Copies of parts of this checkout without build output, for tests that run Maven the way a user's tools do. */
final class CleanCheckout {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private CleanCheckout() {
    }

    /** The named top-level files and folders (folders without their {@code target/}), modes kept. */
    static Path copy(Path into, List<String> files, List<String> trees) throws IOException {
        Files.createDirectories(into);
        for (String file : files) {
            Files.copy(REPOSITORY.resolve(file), into.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String tree : trees) {
            Path source = REPOSITORY.resolve(tree);
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path file : walk.filter(f -> !source.relativize(f).startsWith("target")).toList()) {
                    Path target = into.resolve(tree).resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return into;
    }

    /** The local repository of the build running the test (surefire passes it), so a child Maven finds it all. */
    static Optional<String> localRepositoryArgument() {
        String localRepository = System.getProperty("maven.repo.local");
        return localRepository == null || localRepository.isBlank() ? Optional.empty()
                : Optional.of("-Dmaven.repo.local=" + localRepository);
    }
}
