FROM scratch
HEALTHCHECK NONE
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
HEALTHCHECK --interval=5s --retries=3 CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK
HEALTHCHECK CONNECT TCP 7000
HEALTHCHECK CMD
HEALTHCHECK CMD ["a", 1]
