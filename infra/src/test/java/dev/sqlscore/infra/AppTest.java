package dev.sqlscore.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppTest {

    @TempDir
    Path root;

    @Test
    void findsTheArtifactFromTheProgramFolderTheHostRunsIn() throws Exception {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: sqlscore\n");
        Path infra = Files.createDirectories(root.resolve("infra"));

        assertEquals(root, App.repositoryRoot(infra));
        assertEquals(root, App.repositoryRoot(root));
        assertEquals(root.resolve("handler/target/handler.jar"),
                App.repositoryRoot(infra).resolve(App.HANDLER_ARTIFACT));
    }
}
