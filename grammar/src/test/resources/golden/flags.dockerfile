FROM scratch
COPY --chown="a b" --from='x' src dst
COPY --doit=true -- foo /tmp/
COPY -- foo /tmp/
CMD --doit -- [ ]
CMD --doit [ "a", "b" ]
COPY --link --x= --y=a\ b\c src dst
COPY --"chmod"=755 src dst
ADD --keep-git-dir
RUN --network=none -- --not-a-flag
