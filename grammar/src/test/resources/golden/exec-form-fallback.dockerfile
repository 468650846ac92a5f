FROM scratch
CMD ['a','b']
CMD ["echo", "unterminated bracket"
CMD ["echo", "unterminated string]
CMD ["a"] trailing text
RUN ["ls"]]
CMD "[\"a\"]"
VOLUME [/data]
COPY ['a', '/b']
CMD ["a", 1e999]
CMD [1] trailing
RUN ["cat"] <<EOF
body
EOF
