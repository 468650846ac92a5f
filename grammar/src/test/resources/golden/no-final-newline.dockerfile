FROM scratch
RUN echo no final newline