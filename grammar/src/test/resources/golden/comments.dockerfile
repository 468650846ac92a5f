# first
   # indented
#
FROM scratch
# ends with a backslash \
RUN echo not # a comment
	# tab-indented comment
