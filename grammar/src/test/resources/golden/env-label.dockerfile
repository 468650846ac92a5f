FROM scratch
ENV A=1 B="x y" C=z\ w D='s q' E=
ENV LEGACY hello world  two spaces
ENV   SPACED=1		TAB=2
LABEL org.opencontainers.image.title=app "key with space"="v 2"
LABEL maintainer Jane "jane@example.com"
ENV MULTI=a \
    NEXT=b
ENV name='a\'b''
