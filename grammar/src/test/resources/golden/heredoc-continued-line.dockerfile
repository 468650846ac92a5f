FROM scratch
RUN <<EOF \
  cat
body
EOF
