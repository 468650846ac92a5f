FROM scratch
RUN echo a \
    b
ENV PATH=C:\\tools A=x\ y
COPY --chown=a\ b src dst
