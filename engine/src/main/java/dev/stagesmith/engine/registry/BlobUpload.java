package dev.stagesmith.engine.registry;

import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.registry.RegistryTransport.Access;
import dev.stagesmith.engine.registry.RegistryTransport.Call;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongConsumer;

/** One blob push: HEAD to skip what exists, else POST for an upload URL and one monolithic PUT. */
final class BlobUpload {

    private final RegistryTransport transport;
    private final ImageReference target;
    private final LongConsumer progress;

    BlobUpload(RegistryTransport transport, ImageReference target, LongConsumer progress) {
        this.transport = transport;
        this.target = target;
        this.progress = progress;
    }

    void ensure(Descriptor blob, Path file) throws RegistryException {
        String blobPath = "/v2/" + target.repository() + "/blobs/" + blob.digest();
        HttpResponse<InputStream> head = transport.send(target, Access.PUSH,
                new Call("HEAD", blobPath, Map.of(), null, false));
        RegistryTransport.close(head);
        if (head.statusCode() == 200) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new RegistryException("cannot push blob " + blob.digest() + " to " + target.name() + ": its file "
                    + file + " does not exist");
        }
        HttpResponse<InputStream> start = transport.send(target, Access.PUSH,
                new Call("POST", "/v2/" + target.repository() + "/blobs/uploads/", Map.of(), null, false));
        RegistryClient.expect(start, 202, () -> "starting the upload of blob " + blob.digest() + " to " + target.name());
        RegistryTransport.close(start);
        String location = start.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
                "registry " + target.domain() + " started an upload without a Location header"));
        // Location is opaque: it may be relative and may carry its own query (upload state)
        java.net.URI upload = start.uri().resolve(location);
        String put = upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + blob.digest();
        HttpResponse<InputStream> done = transport.send(target, Access.PUSH, new Call("PUT", put,
                Map.of("Content-Type", "application/octet-stream"), () -> body(file, blob.size()), true));
        RegistryClient.expect(done, 201, () -> "uploading blob " + blob.digest() + " to " + target.name());
        RegistryTransport.close(done);
    }

    /** A re-playable body with a known length (so no chunked encoding) that reports bytes as they go. */
    private HttpRequest.BodyPublisher body(Path file, long size) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return new Counting(Files.newInputStream(file), progress);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), size);
    }

    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.accept(n);
            }
            return n;
        }
    }
}
