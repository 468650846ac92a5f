package dev.stagesmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWriterTest {

    @TempDir
    Path dir;

    @Test
    void sameImageGivesByteIdenticalArchives() throws IOException {
        BuiltImage a = TestImages.small(Files.createDirectory(dir.resolve("a")), "hi\n");
        BuiltImage b = TestImages.small(Files.createDirectory(dir.resolve("b")), "hi\n");
        // The layer files differ in everything the archive must not leak: path, mtime.
        Files.setLastModifiedTime(b.layers().get(0).file(), FileTime.fromMillis(1_700_000_000_000L));
        ArchiveWriter.write(dir.resolve("a.tar"), a, "v1", "localhost/app:v1");
        ArchiveWriter.write(dir.resolve("b.tar"), b, "v1", "localhost/app:v1");
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.tar")), Files.readAllBytes(dir.resolve("b.tar")));
    }

    @Test
    void entriesAreSortedWithFixedModesOwnersAndTimes() throws IOException {
        BuiltImage image = TestImages.small(dir, "hi\n");
        Path file = dir.resolve("out.tar");
        ArchiveWriter.write(file, image, "v1", "localhost/app:v1");
        String layer = image.layers().get(0).descriptor().digest().hex();
        String config = image.config().digest().hex();
        String manifest = image.manifest().digest().hex();
        List<String> blobs = new ArrayList<>(List.of(layer, config, manifest));
        blobs.sort(null);
        List<String> expected = new ArrayList<>(List.of("blobs/", "blobs/sha256/"));
        blobs.forEach(h -> expected.add("blobs/sha256/" + h));
        expected.addAll(List.of("index.json", "manifest.json", "oci-layout"));
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (TarFile tar = new TarFile(file)) {
            for (TarArchiveEntry t : tar.getEntries()) {
                boolean dirEntry = t.getName().endsWith("/");
                assertEquals(dirEntry ? 040755 : 0100644, t.getMode(), t.getName());
                assertEquals(dirEntry, t.isDirectory(), t.getName());
                assertEquals(0, t.getLongUserId(), t.getName());
                assertEquals(0, t.getLongGroupId(), t.getName());
                assertEquals("", t.getUserName(), t.getName());
                assertEquals("", t.getGroupName(), t.getName());
                assertEquals(0, t.getModTime().getTime(), t.getName());
                assertTrue(t.getExtraPaxHeaders().isEmpty(), t.getName() + " has PAX " + t.getExtraPaxHeaders());
                try (var in = tar.getInputStream(t)) {
                    contents.put(t.getName(), in.readAllBytes());
                }
            }
        }
        assertEquals(expected, new ArrayList<>(contents.keySet()));
        assertArrayEquals(Files.readAllBytes(image.layers().get(0).file()), contents.get("blobs/sha256/" + layer));
        assertArrayEquals(image.configBytes(), contents.get("blobs/sha256/" + config));
        assertArrayEquals(image.manifestBytes(), contents.get("blobs/sha256/" + manifest));
        assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", text(contents.get("oci-layout")));
        assertEquals("[{\"Config\":\"blobs/sha256/" + config + "\",\"Layers\":[\"blobs/sha256/" + layer + "\"],"
                + "\"RepoTags\":[\"localhost/app:v1\"]}]", text(contents.get("manifest.json")));
        assertEquals("{\"manifests\":[{\"annotations\":{\"io.containerd.image.name\":\"localhost/app:v1\","
                + "\"org.opencontainers.image.ref.name\":\"v1\"},\"digest\":\"" + image.manifest().digest() + "\","
                + "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"size\":" + image.manifest().size()
                + "}],\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"schemaVersion\":2}",
                text(contents.get("index.json")));
    }

    @Test
    void repoTagGetsLatestWhenUntagged() throws IOException {
        assertEquals("localhost/app:latest", repoTag("localhost/app"));
        assertEquals("localhost:5000/app:latest", repoTag("localhost:5000/app"));
        assertEquals("localhost:5000/app:7", repoTag("localhost:5000/app:7"));
        assertThrows(IllegalArgumentException.class, () -> repoTag("app@sha256:" + "a".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> repoTag("app:"));
    }

    @Test
    void failureLeavesNothingBehind() throws IOException {
        BuiltImage image = TestImages.small(dir, "hi\n");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.delete(image.layers().get(0).file());
        assertThrows(IOException.class, () -> ArchiveWriter.write(out.resolve("x.tar"), image, "v1", "app"));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void aLayerFileOfTheWrongSizeIsRefused() throws IOException {
        BuiltImage image = TestImages.small(dir, "hi\n");
        Files.write(image.layers().get(0).file(), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class,
                () -> ArchiveWriter.write(dir.resolve("x.tar"), image, "v1", "app"));
        assertTrue(e.getMessage().contains("descriptor says"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("x.tar")));
    }

    @Test
    void replacesAnExistingArchive() throws IOException {
        Path file = dir.resolve("x.tar");
        Files.writeString(file, "old");
        ArchiveWriter.write(file, TestImages.small(dir, "hi\n"), "v1", "app");
        assertTrue(Files.size(file) > 3);
    }

    private String repoTag(String name) throws IOException {
        Path file = dir.resolve("t.tar");
        ArchiveWriter.write(file, TestImages.small(dir, "x"), "v1", name);
        try (TarFile tar = new TarFile(file)) {
            for (TarArchiveEntry t : tar.getEntries()) {
                if (t.getName().equals("manifest.json")) {
                    try (var in = tar.getInputStream(t)) {
                        JsonObject item = CanonicalJson.parse(in.readAllBytes()).getAsJsonArray().get(0)
                                .getAsJsonObject();
                        return item.getAsJsonArray("RepoTags").get(0).getAsString();
                    }
                }
            }
        }
        throw new AssertionError("no manifest.json");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
