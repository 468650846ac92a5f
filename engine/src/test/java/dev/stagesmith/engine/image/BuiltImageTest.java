package dev.stagesmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltImageTest {

    private static final String DIFF_ID = "sha256:" + "1".repeat(64);
    private static final String CONFIG = "{\"architecture\":\"amd64\",\"config\":{\"Cmd\":[\"/app\"]},"
            + "\"history\":[{\"created_by\":\"COPY app /app\"},{\"created_by\":\"CMD [\\\"/app\\\"]\",\"empty_layer\":true}],"
            + "\"os\":\"linux\",\"rootfs\":{\"diff_ids\":[\"" + DIFF_ID + "\"],\"type\":\"layers\"}}";
    private static final LayerBlob LAYER = new LayerBlob(
            new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digest.parse("sha256:" + "2".repeat(64)), 123), Path.of("l"));

    /** Digests and sizes computed with sha256sum and wc over these exact strings. */
    @Test
    void manifestIsCanonicalAndMatchesGolden() {
        BuiltImage image = BuiltImage.assemble(bytes(CONFIG), List.of(LAYER));
        assertEquals("{\"config\":{\"digest\":\"sha256:1483064d571e53d28a0032a03c18dec9c75a2fab774437406461f0baa24cefca\","
                + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":271},"
                + "\"layers\":[{\"digest\":\"sha256:2222222222222222222222222222222222222222222222222222222222222222\","
                + "\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"size\":123}],"
                + "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"schemaVersion\":2}",
                new String(image.manifestBytes(), StandardCharsets.UTF_8));
        assertEquals(Digest.parse("sha256:cb01f4422f0368ddef4ff56424c722945b7a877f3bb8753cfd6cc1430506185b"),
                image.manifest().digest());
        assertEquals(401, image.manifest().size());
        assertEquals(MediaTypes.OCI_MANIFEST, image.manifest().mediaType());
        assertEquals(new Descriptor(MediaTypes.OCI_CONFIG,
                Digest.parse("sha256:1483064d571e53d28a0032a03c18dec9c75a2fab774437406461f0baa24cefca"), 271),
                image.config());
        assertArrayEquals(bytes(CONFIG), image.configBytes(), "config bytes are kept as given, never re-serialized");
    }

    @Test
    void assemblingTwiceGivesTheSameBytes() {
        assertArrayEquals(BuiltImage.assemble(bytes(CONFIG), List.of(LAYER)).manifestBytes(),
                BuiltImage.assemble(bytes(CONFIG), List.of(LAYER)).manifestBytes());
    }

    @Test
    void configIsKeptByteForByteEvenWhenNotCanonical() {
        String spaced = CONFIG.replace(",", ", ");
        BuiltImage image = BuiltImage.assemble(bytes(spaced), List.of(LAYER));
        assertEquals(Digest.of(spaced), image.config().digest());
    }

    @Test
    void moreNonEmptyHistoryThanLayersIsRejected() {
        String bad = CONFIG.replace(",\"empty_layer\":true", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuiltImage.assemble(bytes(bad), List.of(LAYER)));
        assertTrue(e.getMessage().contains("2 history entries without empty_layer=true but the image has 1 layers"),
                e.getMessage());
    }

    @Test
    void fewerNonEmptyHistoryThanLayersIsRejected() {
        String bad = CONFIG.replace("{\"created_by\":\"COPY app /app\"}", "{\"created_by\":\"COPY\",\"empty_layer\":true}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuiltImage.assemble(bytes(bad), List.of(LAYER)));
        assertTrue(e.getMessage().contains("0 history entries"), e.getMessage());
    }

    @Test
    void emptyLayerFalseCountsAsALayer() {
        String ok = CONFIG.replace("{\"created_by\":\"COPY app /app\"}",
                "{\"created_by\":\"COPY app /app\",\"empty_layer\":false}");
        assertEquals(1, BuiltImage.assemble(bytes(ok), List.of(LAYER)).layers().size());
    }

    @Test
    void diffIdCountMustMatchLayers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuiltImage.assemble(bytes(CONFIG), List.of(LAYER, LAYER)));
        assertTrue(e.getMessage().contains("lists 1 diff_ids but the image has 2 layers"), e.getMessage());
    }

    @Test
    void configWithoutRootfsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuiltImage.assemble(bytes("{\"os\":\"linux\"}"), List.of()));
        assertTrue(e.getMessage().contains("rootfs.diff_ids"), e.getMessage());
    }

    @Test
    void configWithoutHistoryIsAcceptedBecauseHistoryIsOptional() {
        String noHistory = "{\"os\":\"linux\",\"rootfs\":{\"diff_ids\":[\"" + DIFF_ID + "\"],\"type\":\"layers\"}}";
        assertEquals(1, BuiltImage.assemble(bytes(noHistory), List.of(LAYER)).layers().size());
    }

    @Test
    void descriptorsMustDescribeTheBytes() {
        BuiltImage good = BuiltImage.assemble(bytes(CONFIG), List.of(LAYER));
        assertThrows(IllegalArgumentException.class, () -> new BuiltImage(good.manifest(),
                bytes(new String(good.manifestBytes(), StandardCharsets.UTF_8) + " "), good.config(),
                good.configBytes(), good.layers()));
    }

    @Test
    void zstdLayersAreRefusedBecauseUmociCannotReadThem() {
        assertThrows(IllegalArgumentException.class, () -> new LayerBlob(
                new Descriptor(MediaTypes.OCI_LAYER_ZSTD, LAYER.descriptor().digest(), 1), Path.of("l")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
