FROM scratch
ENV a=1 b c=3
