FROM scratch
FOOBAR one two
FOO --bar=1 --baz baz
RUN x y
FROMM typo
EOF
