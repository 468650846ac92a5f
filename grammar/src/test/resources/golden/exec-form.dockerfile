FROM scratch
CMD ["a","b"]
RUN [ "echo", "x y" ]
ENTRYPOINT []
SHELL ["/bin/sh", "-c"]
CMD ["\u00e9\n", "\"q\"", "\/"]
VOLUME ["/data", "/logs"]
COPY ["a b", "/c d/"]
CMD ["multi", \
     "line"]
