FROM scratch
RUN echo a \
    b
# comment
RUN <<EOF
body
EOF
ENV A=1 \

  B=2
RUN echo lonecr stays in the line
