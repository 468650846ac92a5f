FROM scratch
ONBUILD RUN echo test
ONBUILD RUN ["echo", "test"]
ONBUILD COPY --from=build /a /b
ONBUILD --flag=outer ADD --chown=1 src dst
ONBUILD ENV A=1 B=2
ONBUILD
ONBUILD ONBUILD RUN nested
ONBUILD FOO bar
