FROM alpine
MAINTAINER Jane Doe <jane@example.com>
RUN echo run
CMD echo cmd
LABEL a=b
EXPOSE 80
ENV A=1
ADD a.tar /
COPY a /b
ENTRYPOINT /bin/sh
VOLUME /data
USER app:app
WORKDIR /app
ARG V
ONBUILD RUN echo onbuild
STOPSIGNAL SIGTERM
HEALTHCHECK NONE
SHELL ["/bin/bash", "-c"]
FOOBAR some args
run echo lower case
Copy mixed /case
WORKDİR /upper-dotted-i
ONBUİLD RUN echo dotted
FOOΣ sigma
