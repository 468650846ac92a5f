package dev.stagesmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesANewLayoutWithEveryBlobUnderItsDigest() throws IOException {
        BuiltImage image = TestImages.small(dir, "hi\n");
        Path out = dir.resolve("nested/out");
        OciLayoutWriter.write(out, image, "v1", "localhost/app:v1");
        assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(out.resolve("oci-layout")));
        for (Path blob : blobFiles(out)) {
            assertEquals(blob.getFileName().toString(), Digest.of(Files.readAllBytes(blob)).hex());
        }
        assertEquals(3, blobFiles(out).size());
        JsonObject entry = entries(out).get(0).getAsJsonObject();
        assertEquals(image.manifest().digest().toString(), entry.get("digest").getAsString());
        assertEquals("localhost/app:v1", entry.getAsJsonObject("annotations").get("io.containerd.image.name")
                .getAsString());
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(out), s.toList(), "the temp sibling was renamed, not left behind");
        }
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)));
    }

    @Test
    void layerBlobsAreHardLinkedToTheCacheOnTheSameFileSystem() throws IOException {
        BuiltImage image = TestImages.small(dir, "hi\n");
        Path out = dir.resolve("out");
        OciLayoutWriter.write(out, image, "v1", "app");
        Path layer = image.layers().get(0).file();
        Path blob = out.resolve("blobs/sha256/" + image.layers().get(0).descriptor().digest().hex());
        assertTrue(Files.isSameFile(layer, blob), "linked, not copied");
        assertEquals(2, (int) Files.getAttribute(layer, "unix:nlink"));
    }

    @Test
    void addingToALayoutReplacesTheSameTagAndKeepsOthers() throws IOException {
        Path out = dir.resolve("out");
        BuiltImage first = TestImages.small(dir, "one\n");
        BuiltImage second = TestImages.small(dir, "two\n");
        BuiltImage third = TestImages.small(dir, "three\n");
        OciLayoutWriter.write(out, first, "stage-a", "app:a");
        OciLayoutWriter.write(out, second, "stage-b", "app:b");
        OciLayoutWriter.write(out, third, "stage-a", "app:a");
        List<String> refs = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (JsonElement e : entries(out)) {
            refs.add(LayoutJson.refName(e));
            digests.add(e.getAsJsonObject().get("digest").getAsString());
        }
        assertEquals(List.of("stage-b", "stage-a"), refs);
        assertEquals(List.of(second.manifest().digest().toString(), third.manifest().digest().toString()), digests);
        // Blobs of the replaced image stay: another tag or a later garbage collection decides about them.
        assertTrue(Files.exists(out.resolve("blobs/sha256/" + first.manifest().digest().hex())));
        assertEquals(Digest.of(Files.readAllBytes(out.resolve("index.json"))),
                Digest.of(CanonicalJson.bytes(CanonicalJson.parse(Files.readAllBytes(out.resolve("index.json"))))),
                "index.json is canonical JSON");
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("blobs", "index.json", "oci-layout"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no temp files left");
        }
    }

    /** Stages of one build may be written in parallel; no tag may be lost to a read-modify-write race. */
    @Test
    void parallelWritersOfOneLayoutLoseNoTag() throws Exception {
        Path out = dir.resolve("out");
        int writers = 4;
        int tagsEach = 6;
        List<BuiltImage> images = new ArrayList<>();
        for (int i = 0; i < writers * tagsEach; i++) {
            images.add(TestImages.small(dir, "image " + i + "\n"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int first = w * tagsEach;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < first + tagsEach; i++) {
                        OciLayoutWriter.write(out, images.get(i), "t" + i, "app:t" + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> refs = new ArrayList<>();
        entries(out).forEach(e -> refs.add(LayoutJson.refName(e)));
        refs.sort(null);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < writers * tagsEach; i++) {
            expected.add("t" + i);
        }
        expected.sort(null);
        assertEquals(expected, refs);
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".out.tmp-")), "temp dirs removed");
        }
    }

    @Test
    void keepsEntriesItDoesNotUnderstand() throws IOException {
        Path out = dir.resolve("out");
        OciLayoutWriter.write(out, TestImages.small(dir, "one\n"), "a", "app:a");
        JsonObject index = CanonicalJson.parseObject(Files.readAllBytes(out.resolve("index.json")), "index");
        JsonObject foreign = new JsonObject();
        foreign.addProperty("mediaType", "application/vnd.oci.image.index.v1+json");
        foreign.addProperty("digest", "sha256:" + "e".repeat(64));
        foreign.addProperty("size", 10);
        index.getAsJsonArray("manifests").add(foreign);
        index.addProperty("x-extra", "kept");
        Files.write(out.resolve("index.json"), CanonicalJson.bytes(index));
        OciLayoutWriter.write(out, TestImages.small(dir, "two\n"), "b", "app:b");
        JsonObject after = CanonicalJson.parseObject(Files.readAllBytes(out.resolve("index.json")), "index");
        assertEquals(3, after.getAsJsonArray("manifests").size());
        assertEquals(foreign, after.getAsJsonArray("manifests").get(1));
        assertEquals("kept", after.get("x-extra").getAsString());
    }

    @Test
    void existingBlobsAreNotRewritten() throws IOException {
        Path out = dir.resolve("out");
        BuiltImage image = TestImages.small(dir, "hi\n");
        OciLayoutWriter.write(out, image, "v1", "app");
        Path config = out.resolve("blobs/sha256/" + image.config().digest().hex());
        Object inode = Files.readAttributes(config, "unix:ino").get("ino");
        OciLayoutWriter.write(out, image, "v2", "app:v2");
        assertEquals(inode, Files.readAttributes(config, "unix:ino").get("ino"));
        assertEquals(2, entries(out).size());
    }

    @Test
    void refusesADirectoryThatIsNotALayout() throws IOException {
        Path out = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "precious");
        IOException e = assertThrows(IOException.class,
                () -> OciLayoutWriter.write(out, TestImages.small(dir, "hi\n"), "v1", "app"));
        assertTrue(e.getMessage().contains("not an OCI layout"), e.getMessage());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(out.resolve("notes.txt")), s.toList());
        }
        assertEquals("precious", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void refusesAFile() throws IOException {
        Path out = Files.writeString(dir.resolve("file"), "x");
        assertThrows(IOException.class, () -> OciLayoutWriter.write(out, TestImages.small(dir, "hi\n"), "v1", "app"));
        assertEquals("x", Files.readString(out));
    }

    @Test
    void fillsAnEmptyDirectory() throws IOException {
        Path out = Files.createDirectory(dir.resolve("empty"));
        BuiltImage image = TestImages.small(dir, "hi\n");
        OciLayoutWriter.write(out, image, "v1", "app");
        assertArrayEquals(image.manifestBytes(),
                Files.readAllBytes(out.resolve("blobs/sha256/" + image.manifest().digest().hex())));
    }

    @Test
    void failureOnANewLayoutLeavesNothing() throws IOException {
        BuiltImage image = TestImages.small(dir, "hi\n");
        Files.delete(image.layers().get(0).file());
        Path parent = Files.createDirectory(dir.resolve("p"));
        assertThrows(IOException.class, () -> OciLayoutWriter.write(parent.resolve("out"), image, "v1", "app"));
        try (Stream<Path> s = Files.list(parent)) {
            assertEquals(List.of(), s.toList());
        }
    }

    private static JsonArray entries(Path layout) throws IOException {
        return CanonicalJson.parseObject(Files.readAllBytes(layout.resolve("index.json")), "index")
                .getAsJsonArray("manifests");
    }

    private static List<Path> blobFiles(Path layout) throws IOException {
        try (Stream<Path> s = Files.list(layout.resolve("blobs/sha256"))) {
            return s.toList();
        }
    }
}
