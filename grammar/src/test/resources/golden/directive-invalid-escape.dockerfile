# syntax=x
# escape=^
FROM scratch
