# syntax=docker/dockerfile:1
#escape = \
  # check=skip=all;error=true  
FROM scratch
# syntax=not/a/directive
RUN true
