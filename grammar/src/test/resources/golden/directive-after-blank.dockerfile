
# escape=`
FROM scratch \
  AS base
