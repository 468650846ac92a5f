FROM scratch
RUN apt-get update \
# a comment inside the continuation
    # an indented comment

  	
    && apt-get install -y curl \  	
    && true
RUN echo foo \\
RUN echo escaped escape does not continue
\
RUN echo the escape alone starts this instruction
ENV E hello\
\
world
