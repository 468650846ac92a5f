FROM scratch
RUN echo a \
