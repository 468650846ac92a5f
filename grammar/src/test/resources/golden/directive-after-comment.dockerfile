# just a comment
# escape=`
FROM scratch \
  AS base
