FROM scratch
ONBUILD RUN <<EOF
echo from onbuild
EOF
ONBUILD CMD <<EOF
EOF
