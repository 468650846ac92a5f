FROM scratch
RUN echo a \
    b
# comment
# comment with a lonecr
RUN <<EOF
body
EOF
ENV A=1 \

# inside, lonecr
  B=2
RUN echo lonecr stays in the line
