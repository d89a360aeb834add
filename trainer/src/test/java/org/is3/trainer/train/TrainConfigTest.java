package org.is3.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.is3.core.InputException;
import org.is3.trainer.model.ModelSpec;
import org.junit.jupiter.api.Test;

class TrainConfigTest {

    private final Path base = Path.of("/tmp/x");

    @Test
    void theDefaultsAreThePapersModelAndOptimiser() {
        TrainConfig c = TrainConfig.parse("{}", base);
        assertEquals(ModelSpec.paper(), c.model());
        assertEquals(1e-4, c.lr());
        assertEquals(0.07, c.tau(), 1e-7);
        assertEquals("bootstrap", c.positives().mode());
        assertEquals(1000, c.positives().k());
        assertEquals("shapes", c.data().kind());
        assertEquals(base.resolve("runs/train"), c.out());
    }

    @Test
    void unknownKeysAndBadValuesAreErrorsNamingTheKey() {
        InputException e = assertThrows(InputException.class, () -> TrainConfig.parse("model: {widht: 0.5}", base));
        assertTrue(e.getMessage().contains("model.widht"), e.getMessage());
        e = assertThrows(InputException.class, () -> TrainConfig.parse("steps: many", base));
        assertTrue(e.getMessage().contains("'steps'"), e.getMessage());
        e = assertThrows(InputException.class, () -> TrainConfig.parse("positives: {mode: embeddings}", base));
        assertTrue(e.getMessage().contains("imageEmbeddings"), e.getMessage());
        e = assertThrows(InputException.class, () -> TrainConfig.parse("data: {kind: release}", base));
        assertTrue(e.getMessage().contains("path"), e.getMessage());
    }

    @Test
    void thePackagedProofConfigParsesAndRelativePathsFollowTheFile() {
        TrainConfig c = TrainConfig.parse(TrainConfig.proofYaml(), base);
        assertEquals(0.25, c.model().width());
        assertEquals(128, c.model().imageSize());
        assertEquals(base.resolve("runs/shapes-proof"), c.out());
        assertTrue(c.data().closeUp());
        assertEquals(Path.of("/tmp/x/emb/clip.npy"),
                TrainConfig.parse("positives: {mode: embeddings, imageEmbeddings: emb/clip.npy,"
                        + " audioEmbeddings: emb/w2c.npy}", base).positives().imageEmbeddings());
    }
}
