FROM scratch
COPY --from=build /out /app
COPY --from=0 a b c /dest/
COPY --link --chown=1000:1000 --chmod=644 a /b
COPY onlysource
ADD https://example.com/file.tar.gz /tmp/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a /a
COPY --exclude=*.md --exclude=*.txt . /src
