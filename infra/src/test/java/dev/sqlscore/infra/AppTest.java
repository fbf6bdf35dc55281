package dev.sqlscore.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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

    /** The engine's PULUMI_CONFIG lists every key the stack sets, a typo included, for the reader to refuse. */
    @Test
    void readsEveryKeyTheEngineHandsOver() {
        assertEquals(Set.of("aws:region", "sqlscore:lambdaMemory", "snowflake:privateKey"), App.configKeys(
                "{\"aws:region\":\"us-east-1\",\"sqlscore:lambdaMemory\":\"2048\",\"snowflake:privateKey\":\"k\"}"));
        assertEquals(Set.of(), App.configKeys(null), "under the mock engine there is none");
        assertEquals(Set.of(), App.configKeys("not json"));
    }
}
