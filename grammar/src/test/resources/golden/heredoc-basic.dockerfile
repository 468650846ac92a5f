FROM scratch
RUN <<EOF
echo hello

# not a comment
EOF
RUN echo after
