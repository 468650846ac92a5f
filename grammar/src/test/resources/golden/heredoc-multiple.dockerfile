FROM scratch
COPY <<A <<B /dst/
first
A
second
B
RUN 3<<EOF cat /dev/fd/3
fd three
EOF
RUN cat << EOF > /out
space before name
EOF
RUN <<A cat && <<B cat
a
A
b
B
