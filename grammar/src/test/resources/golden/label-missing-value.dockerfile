FROM scratch
LABEL onlykey
