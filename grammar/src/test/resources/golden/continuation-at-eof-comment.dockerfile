FROM scratch
RUN echo a \
# only comments follow

