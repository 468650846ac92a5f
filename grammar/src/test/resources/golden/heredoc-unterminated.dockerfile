FROM scratch
RUN <<EOF
echo hi
RUN echo after
COPY <<A <<B /x
