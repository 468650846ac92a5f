package dev.stagesmith.engine.build;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import dev.stagesmith.engine.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * ADD of URLs: each is downloaded into the build's scratch directory, checked against {@code --checksum}
 * when given, and offered to the planner as a file of mode 0600 named after the URL's last path segment
 * ({@code __unnamed__} without one), with the server's Last-Modified as mtime.
 */
final class UrlSource {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    private UrlSource() {}

    static CopySources download(BuildSession session, List<String> urls, Optional<String> checksum,
            List<String> paths, List<String> written) throws StepFailure {
        if (checksum.isPresent() && urls.size() != 1) {
            throw new StepFailure("--checksum needs exactly one URL source");
        }
        Optional<Digest> expected = Optional.empty();
        if (checksum.isPresent()) {
            try {
                expected = Optional.of(Digest.parse(checksum.get()));
            } catch (IllegalArgumentException e) {
                throw new StepFailure("--checksum wants sha256:<64 hex digits>, not " + checksum.get());
            }
        }
        List<FileEntry> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder key = new StringBuilder("url");
        try {
            Path dir = session.scratchDir();
            for (String url : urls) {
                String name = fileName(url);
                Path target = dir.resolve(files.size() + "-" + name);
                Fetched f = fetch(url, target, session.cancellation());
                if (expected.isPresent() && !expected.get().equals(f.digest)) {
                    throw new StepFailure("the download of " + url + " has digest " + f.digest + ", not "
                            + expected.get() + " (--checksum): the file changed or the checksum is wrong");
                }
                files.add(FileEntry.file(name, 0600, 0, 0, f.mtime, Content.ofFile(target, Files.size(target))));
                names.add(name);
                key.append(' ').append(f.digest);
            }
        } catch (IOException e) {
            throw new StepFailure("cannot download " + String.join(", ", urls) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("the download was interrupted");
        }
        FileTree tree = FileTree.empty().apply(files);
        return new CopySources(() -> tree, false, names, written, key.toString());
    }

    private record Fetched(Digest digest, long mtime) {}

    /**
     * Downloads {@code url} to {@code target}. A cancel aborts the request, or closes the body mid-transfer, so
     * a stalled server cannot hold a cancelled build; a body cut short that way is a failure, never a result.
     */
    private static Fetched fetch(String url, Path target, Cancellation cancellation)
            throws IOException, InterruptedException, StepFailure {
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build();
        } catch (IllegalArgumentException e) {
            throw new StepFailure("not a valid URL: " + url);
        }
        CompletableFuture<HttpResponse<InputStream>> pending =
                HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> resp;
        try (Cancellation.Registration stop = cancellation.onCancel(() -> pending.cancel(true))) {
            resp = pending.get();
        } catch (CancellationException e) {
            throw new StepFailure("the download of " + url + " was cancelled");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        try (InputStream in = resp.body();
                Cancellation.Registration stop = cancellation.onCancel(() -> closeQuietly(in))) {
            if (resp.statusCode() != 200) {
                throw new StepFailure("the server answered " + resp.statusCode() + " for " + url);
            }
            MessageDigest md = Digest.sha256();
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    md.update(buf, 0, n);
                }
            }
            if (cancellation.isCancelled()) {
                throw new StepFailure("the download of " + url + " was cancelled");
            }
            long mtime = resp.headers().firstValue("Last-Modified").map(UrlSource::httpDate).orElse(0L);
            return new Fetched(Digest.of(md), mtime);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The download is being abandoned; its step fails as cancelled either way.
        }
    }

    private static long httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The URL's last path segment, as BuildKit names the file when the destination is a directory. */
    static String fileName(String url) {
        try {
            String path = URI.create(url).getPath();
            if (path != null) {
                String last = path.substring(path.lastIndexOf('/') + 1);
                if (!last.isEmpty() && !last.equals(".") && !last.equals("..")) {
                    return last;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to BuildKit's name for URLs without a usable path
        }
        return "__unnamed__";
    }
}
